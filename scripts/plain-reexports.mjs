import { readFileSync } from 'node:fs';
import { withLazyLines } from './lazy-builtins.mjs';

/**
 * dist/lsp-protocol.js re-exports in layers (`export *` compiled by TypeScript: vscode-jsonrpc's
 * api into its node entry, jsonrpc, the types and the protocol into the protocol's api, that into
 * its node entry). TypeScript's __exportStar defines a getter per name and layer, on objects that
 * are dictionaries by then: ~650 of the ~1,230 getters the bundle defined at every server and
 * client start, and a later read went through up to three of them. Here __exportStar copies the
 * values, as TypeScript's own helper does where Object.create is missing. The libraries set their
 * exports once, at load, before anything re-exports them (no cycles among these files), so a copy
 * holds the same objects as the getters would return (test/unit/plain-reexports.test.ts).
 */
export const STAR_BINDING = /(var __exportStar = \(this && this\.__exportStar\) \|\| function\(m, exports\) \{\n\s*for \(var p in m\) if \(p !== "default" && !Object\.prototype\.hasOwnProperty\.call\(exports, p\)\)) __createBinding\(exports, m, p\);/;

/** The library files whose re-exports are copied. */
const FILES = /[\\/]node_modules[\\/](vscode-jsonrpc|vscode-languageserver-protocol)[\\/]lib[\\/].*\.js$/;

/** A library file's text with __exportStar copying (unchanged when the helper is not TypeScript's as above). */
export const withPlainReexports = (text) => text.replace(STAR_BINDING, '$1 exports[p] = m[p];');

/**
 * esbuild, the protocol bundle: the edit above in the library files (with lazy-builtins.mjs's line
 * edits, since this onLoad wins over its one for vscode-jsonrpc/node's main.js).
 */
export const plainReexportsPlugin = {
  name: 'plain-reexports',
  setup(build) {
    build.onLoad({ filter: FILES }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const out = withLazyLines(args.path, withPlainReexports(text));
      return out !== text ? { contents: out, loader: 'js' } : undefined;
    });
  },
};
