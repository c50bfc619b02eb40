/**
 * esbuild: the files of the packages named here are bundled as free of side effects (as package.json's
 * `"sideEffects": false` would say), so that a module none of whose exports is used is left out whole.
 *
 * jsonc-parser: the server and the CLI use parseTree and printParseErrorCode only, yet its
 * impl/string-intern.js (for the formatter, which is dropped) stayed in the bundles for its top-level
 * code: 1,200 indentation strings built at every server start (~1 ms of a start, and its bytecode in
 * the code cache). The package's modules only define functions and tables: nothing else depends on
 * their evaluation (test/unit/side-effect-free.test.ts checks that the bundle keeps what is used).
 */
export const SIDE_EFFECT_FREE_PACKAGES = ['jsonc-parser'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function sideEffectFreePlugin(packages = SIDE_EFFECT_FREE_PACKAGES) {
  const inPackage = new RegExp(`[\\\\/]node_modules[\\\\/](${packages.map(escape).join('|')})[\\\\/]`);
  const bare = new RegExp(`^(${packages.map(escape).join('|')})(/|$)`);
  return {
    name: 'side-effect-free',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'side-effect-free') return undefined; // the resolve call below
        const relativeInside = /^\.\.?\//.test(args.path) && inPackage.test(args.importer);
        if (!relativeInside && !bare.test(args.path)) return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, namespace: args.namespace, pluginData: 'side-effect-free' });
        if (r.errors.length || !inPackage.test(r.path)) return undefined;
        return { path: r.path, namespace: r.namespace, external: r.external, sideEffects: false };
      });
    },
  };
}
