/** Names shared by the client (which sets the directory), the bootstrap and the server (which says when its first diagnostics are out). */

/** Environment variable: the directory for the server's V8 code cache (absent: no cache). */
export const CODE_CACHE_DIR_ENV = 'GOVREPORT_CODE_CACHE_DIR';
/**
 * globalThis[FIRST_PUBLISH_DONE](): set by the bootstrap, called by the server once its first
 * diagnostics are written: TurboFan back on, then the code cache saved.
 */
export const FIRST_PUBLISH_DONE = Symbol.for('govreport.firstPublishDone');
