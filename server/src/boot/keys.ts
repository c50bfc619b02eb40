/** Names shared by the client (which sets the directory), the bootstrap and the server (which asks for the save). */

/** Environment variable: the directory for the server's V8 code cache (absent: no cache). */
export const CODE_CACHE_DIR_ENV = 'GOVREPORT_CODE_CACHE_DIR';
/** globalThis[SAVE_CODE_CACHE](): set by the bootstrap, called by the server after its first publish. */
export const SAVE_CODE_CACHE = Symbol.for('govreport.saveCodeCache');
