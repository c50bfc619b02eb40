/**
 * `import { createConnection } from 'vscode-languageserver/node'` in an ES module bundles as
 * esbuild's __toESM(require(…)): a fresh namespace object with a getter per export, made again in
 * every importing file. vscode-languageserver re-exports the whole protocol (~420 names), and seven
 * server files import it: ~3000 getters defined at each server start (~5-10 ms on this VM). Here
 * such an import resolves to one ES module that reads each export once from the CommonJS module
 * (`export const X = m.X`); the importers then use plain bindings. The library's exports are
 * functions, classes and namespaces set once at load, so a snapshot reads the same as a live view.
 *
 * Two more costs of that re-export, both paid at every start for names the server never uses:
 * - each read is marked pure, so that esbuild drops the reads of names no file imports (~870 reads
 *   through two or three getters each, for ~20 names used);
 * - with `protocol`, the library's own `__exportStar(require('<protocol>'), exports)` lines are
 *   left out of the bundle (~1300 getters defined by its node/main.js and common/api.js), and the
 *   stand-in reads the protocol's names from the protocol module itself: the same objects (checked
 *   at build time, name by name, against the library as it loads from node_modules).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { withLazyLines } from './lazy-builtins.mjs';

const IDENT = /^[A-Za-z_$][\w$]*$/;

/**
 * The source of the ES module standing for `specifier` (the CommonJS module with these export
 * names); `fromProtocol`: the names to read from the module `protocol` instead.
 */
export function namedExportsSource(specifier, names, protocol, fromProtocol = new Set()) {
  const own = names.filter((n) => IDENT.test(n) && n !== 'default' && n !== '__esModule');
  const head = [`const m = require(${JSON.stringify(specifier)});`];
  if (protocol && fromProtocol.size) head.push(`const p = require(${JSON.stringify(protocol)});`);
  const read = (n) => `export const ${n} = /* @__PURE__ */ (() => ${fromProtocol.has(n) ? 'p' : 'm'}.${n})();`;
  return `${head.join('\n')}\n${own.map(read).join('\n')}\nexport default m;\n`;
}

/** The server's use: vscode-languageserver and its /node entry, with the protocol each re-exports. */
export const LANGUAGESERVER_PROTOCOLS = {
  'vscode-languageserver': 'vscode-languageserver-protocol',
  'vscode-languageserver/node': 'vscode-languageserver-protocol/node',
};

/** The library's re-export of the protocol module (`__exportStar(require("vscode-languageserver-protocol/node"), exports);`). */
export const protocolReexport = (protocol) => new RegExp(`__exportStar\\(require\\("${protocol.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"\\), exports\\);`, 'g');

/**
 * esbuild: imports of `specifiers` → that ES module (its own require of the specifier resolves as
 * usual). `protocols`: per specifier, the protocol module it re-exports (vscode-languageserver →
 * vscode-languageserver-protocol, …/node → …-protocol/node); that re-export line is dropped from
 * the library file the specifier resolves to.
 */
export function namedExportsPlugin(root, specifiers, protocols = {}) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const filter = new RegExp(`^(${specifiers.map(escape).join('|')})$`);
  const req = createRequire(join(root, 'package.json'));
  return {
    name: 'named-exports',
    setup(build) {
      build.onResolve({ filter }, (args) => (args.namespace === 'named-exports' || args.kind === 'require-call' ? undefined : { path: args.path, namespace: 'named-exports' }));
      build.onLoad({ filter: /.*/, namespace: 'named-exports' }, (args) => {
        const real = req(args.path);
        const protocol = protocols[args.path];
        const fromProtocol = new Set();
        if (protocol) {
          // The protocol as the library itself requires it (the same instance, whatever the layout of node_modules).
          const p = createRequire(req.resolve(args.path))(protocol);
          for (const n of Object.keys(real)) if (n in p && p[n] === real[n]) fromProtocol.add(n);
        }
        return { contents: namedExportsSource(args.path, Object.keys(real), protocol, fromProtocol), loader: 'js', resolveDir: root };
      });
      // The library files of the specifiers: their re-export of the protocol is left out.
      const files = new Map(specifiers.filter((s) => protocols[s]).map((s) => [req.resolve(s), protocols[s]]));
      if (!files.size) return;
      build.onLoad({ filter: /\.js$/ }, (args) => {
        const protocol = files.get(args.path);
        if (!protocol) return undefined;
        const text = readFileSync(args.path, 'utf8');
        // This onLoad wins over lazy-builtins.mjs's for vscode-languageserver/node's main.js: its line edits (LAZY_FILES) go here.
        return { contents: withLazyLines(args.path, text.replace(protocolReexport(protocol), '')), loader: 'js' };
      });
    },
  };
}
