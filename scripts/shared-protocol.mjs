/**
 * One copy of the LSP protocol libraries (vscode-languageserver-protocol with vscode-jsonrpc and
 * vscode-languageserver-types, ~140 KB minified) for both dist/client.js and dist/server.js: they
 * are built once into dist/lsp-protocol.js, and both bundles require it at run time instead of
 * carrying a copy each. The .vsix holds it once (scripts/build.mjs, .vscodeignore).
 * vscode-languageserver-protocol/node re-exports the common API, so both specifiers map to it.
 */
export const SHARED_PROTOCOL_FILE = 'lsp-protocol.js';

/** Build options of dist/lsp-protocol.js (merged into the common options by build.mjs). */
export const sharedProtocolEntry = (root) => ({
  stdin: { contents: "module.exports = require('vscode-languageserver-protocol/node');", resolveDir: root, loader: 'js', sourcefile: 'lsp-protocol.js' },
  outfile: `dist/${SHARED_PROTOCOL_FILE}`,
});

/** Client and server: `vscode-languageserver-protocol` (and `/node`) → require('./lsp-protocol.js'). */
export const sharedProtocolPlugin = {
  name: 'shared-protocol',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-protocol(\/node)?$/ }, () => ({ path: `./${SHARED_PROTOCOL_FILE}`, external: true }));
  },
};
