/**
 * dist/server-main.js is written already wrapped as a CommonJS function expression, the text the
 * bootstrap (server/src/boot/codeCache.ts, CJS_HEAD / CJS_TAIL there) compiles with vm.Script.
 * Wrapping at run time joined head, 370 KB of source and tail into a new string at every start:
 * a copy of the bundle (and ~90 fresh memory pages, each a page fault: slow on a busy VM). Only
 * for a file the bootstrap alone loads: `require` of it would define the function and not call it.
 */
export const CJS_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
export const CJS_TAIL = '\n})';

/** The bundle's text as the bootstrap compiles it. */
export const prewrap = (text) => CJS_HEAD + text + CJS_TAIL;

/**
 * dist/lsp-protocol.js is required by dist/client.js too, so it cannot be a bare function
 * expression: it is wrapped and then called with the CommonJS arguments `require` gives it. The
 * bootstrap compiles the file without that call (a slice of the text it read: no copy), so that
 * it does not wrap the 140 KB at every start (a joined string V8 flattens: a copy, ~35 page faults).
 */
export const CJS_CALL = '.call(this, exports, require, module, __filename, __dirname);';

/** The bundle's text as both `require` (which runs it) and the bootstrap (which compiles the function) load it. */
export const prewrapCalled = (text) => CJS_HEAD + text + CJS_TAIL + CJS_CALL;
