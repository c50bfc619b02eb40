import { readFileSync } from 'node:fs';

/**
 * Node built-ins that the LSP libraries require at load time but use only on paths the server's
 * start never takes: vscode-jsonrpc/node's `crypto` (random pipe names) and vscode-languageserver's
 * `child_process` (global npm/yarn module lookup). Loading them cost ~6 ms (crypto) and ~2 ms
 * (child_process, over stdio; IPC loads it anyway) of each server start. In the bundles they become
 * a stand-in that requires the real module on first use of any property.
 */
export const LAZY_BUILTINS = ['crypto', 'child_process'];

/** The stand-in's source: every property access (and `in`, keys) goes to the real module, loaded once. */
export const lazyBuiltinSource = (name) => `let m;
const real = () => m || (m = require(${JSON.stringify(`node:${name}`)}));
module.exports = new Proxy({}, {
  get: (_, k) => real()[k],
  has: (_, k) => k in real(),
  ownKeys: () => Reflect.ownKeys(real()),
  getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(real(), k); return d && { ...d, configurable: true }; },
});
`;

/**
 * vscode-jsonrpc/node takes `os` through TypeScript's __importStar, which copies every key (a
 * stand-in would have to load the module to list them), and uses only `os.tmpdir()`, for a random
 * pipe name (pipe transports; the server runs over stdio or IPC). That line is replaced by an
 * object that requires `os` on the call: ~0.8 ms and two modules less at start. If the library's
 * line changes, nothing is replaced (test/unit/server-bundle.test.ts tells).
 */
export const LAZY_OS = {
  file: /vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/,
  from: 'const os = __importStar(require("os"));',
  to: 'const os = { tmpdir: () => require("os").tmpdir() };',
};

/**
 * vscode-languageserver/node takes its `Files` helpers (file URIs, global npm/yarn module lookup) from
 * ./files.js at load, which copies the exports of url, path and fs through __importStar (~150
 * getters) for functions the server never calls. Here `fm` forwards each of the five names it
 * reads to ./files.js, required on the first call. If the library's line changes, nothing is
 * replaced (test/unit/lazy-files.test.ts tells).
 */
export const LAZY_FILES = {
  file: /vscode-languageserver[\\/]lib[\\/]node[\\/]main\.js$/,
  from: 'const fm = __importStar(require("./files"));',
  names: ['uriToFilePath', 'resolveGlobalNodePath', 'resolveGlobalYarnPath', 'resolve', 'resolveModulePath'],
  get to() {
    const fwd = this.names.map((n) => `${n}: (...a) => real().${n}(...a)`).join(', ');
    return `const fm = (() => { let m; const real = () => m || (m = __importStar(require("./files"))); return { ${fwd} }; })();`;
  },
};

/** The line edits above, applied to a library file's text (unchanged when none matches). */
export function withLazyLines(path, text) {
  let out = text;
  for (const edit of [LAZY_OS, LAZY_FILES]) {
    if (edit.file.test(path) && out.includes(edit.from)) out = out.replace(edit.from, edit.to);
  }
  return out;
}

/** esbuild: bare `require('crypto')` / `require('child_process')` → the stand-in (`node:` specifiers stay as they are); LAZY_OS, LAZY_FILES. */
export const lazyBuiltinsPlugin = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: lazyBuiltinSource(args.path), loader: 'js' }));
    build.onLoad({ filter: /[\\/]lib[\\/]node[\\/]main\.js$/ }, (args) => {
      if (!LAZY_OS.file.test(args.path) && !LAZY_FILES.file.test(args.path)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const out = withLazyLines(args.path, text);
      return out !== text ? { contents: out, loader: 'js' } : undefined;
    });
  },
};
