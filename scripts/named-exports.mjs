/**
 * `import { createConnection } from 'vscode-languageserver/node'` in an ES module bundles as
 * esbuild's __toESM(require(…)): a fresh namespace object with a getter per export, made again in
 * every importing file. vscode-languageserver re-exports the whole protocol (~420 names), and seven
 * server files import it: ~3000 getters defined at each server start (~5-10 ms on this VM). Here
 * such an import resolves to one ES module that reads each export once from the CommonJS module
 * (`export const X = m.X`); the importers then use plain bindings. The library's exports are
 * functions, classes and namespaces set once at load, so a snapshot reads the same as a live view.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** The source of the ES module standing for `specifier` (the CommonJS module with these export names). */
export function namedExportsSource(specifier, names) {
  const own = names.filter((n) => IDENT.test(n) && n !== 'default' && n !== '__esModule');
  return `const m = require(${JSON.stringify(specifier)});\n${own.map((n) => `export const ${n} = m.${n};`).join('\n')}\nexport default m;\n`;
}

/** esbuild: imports of `specifiers` → that ES module (its own require of the specifier resolves as usual). */
export function namedExportsPlugin(root, specifiers) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const filter = new RegExp(`^(${specifiers.map(escape).join('|')})$`);
  const req = createRequire(join(root, 'package.json'));
  return {
    name: 'named-exports',
    setup(build) {
      build.onResolve({ filter }, (args) => (args.namespace === 'named-exports' || args.kind === 'require-call' ? undefined : { path: args.path, namespace: 'named-exports' }));
      build.onLoad({ filter: /.*/, namespace: 'named-exports' }, (args) => ({
        contents: namedExportsSource(args.path, Object.keys(req(args.path))), loader: 'js', resolveDir: root,
      }));
    },
  };
}
