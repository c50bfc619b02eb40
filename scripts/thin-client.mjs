/** esbuild plugin of scripts/build.mjs for dist/client.js (also used by test/unit/thin-client.test.ts). */
import { join } from 'node:path';

/**
 * dist/client.js only: vscode-languageclient registers every LSP feature, but the govreport server
 * offers a few. The feature modules of the features it never offers are replaced by inert ones
 * (client/src/shims/inertFeatures.ts), and semver (one version check) by a small stand-in
 * (client/src/shims/semver.ts); minimatch, used only by file operations, then drops out too.
 * Every other feature module is kept; test/protocol/thin-client-features.test.ts checks that no
 * capability the server announces belongs to a replaced module.
 */
export const INERT_FEATURE_MODULES = [
  'signatureHelp', 'definition', 'reference', 'documentHighlight', 'workspaceSymbol', 'codeLens', 'rename',
  'documentLink', 'typeDefinition', 'implementation', 'colorProvider', 'declaration', 'selectionRange',
  'callHierarchy', 'semanticTokens', 'linkedEditingRange', 'fileOperations', 'typeHierarchy', 'inlineValue',
  'diagnostic', 'notebook', 'inlineCompletion', 'textDocumentContent',
];
export const thinClientPlugin = (root) => ({
  name: 'thin-client',
  setup(build) {
    const inert = new RegExp(`^\\./(${INERT_FEATURE_MODULES.join('|')})$`);
    const shims = join(root, 'client', 'src', 'shims');
    build.onResolve({ filter: inert }, (args) =>
      /vscode-languageclient[\\/]lib[\\/]common$/.test(args.resolveDir) ? { path: join(shims, 'inertFeatures.ts') } : undefined);
    // semver's function modules are `module.exports = fn`: re-export the stand-in's function likewise.
    build.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, (args) => ({ path: args.path, namespace: 'semver-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'semver-shim' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(join(shims, 'semver.ts'))}).${args.path.split('/').pop()};`,
      resolveDir: shims,
      loader: 'js',
    }));
  },
});

