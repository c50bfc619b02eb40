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
