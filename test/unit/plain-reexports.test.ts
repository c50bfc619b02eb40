/**
 * scripts/plain-reexports.mjs: dist/lsp-protocol.js copies the values its `export *` layers re-export
 * instead of defining a getter per name and layer; the bundle exports the same names with the same
 * values as with TypeScript's getters (the libraries' exports are all set before they are re-exported).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..');
type Plain = { STAR_BINDING: RegExp; plainReexportsPlugin: esbuild.Plugin };
const load = async () => (await import(pathToFileURL(join(ROOT, 'scripts', 'plain-reexports.mjs')).href)) as Plain;
const libRequire = createRequire(join(ROOT, 'package.json'));

/** The protocol bundle as scripts/build.mjs makes it (scripts/shared-protocol.mjs), with or without the plugin, run. */
async function protocolBundle(withPlugin: boolean): Promise<Record<string, unknown>> {
  const { plainReexportsPlugin } = await load();
  const { lazyBuiltinsPlugin } = (await import(pathToFileURL(join(ROOT, 'scripts', 'lazy-builtins.mjs')).href)) as { lazyBuiltinsPlugin: esbuild.Plugin };
  const { sharedProtocolEntry } = (await import(pathToFileURL(join(ROOT, 'scripts', 'shared-protocol.mjs')).href)) as { sharedProtocolEntry: (root: string) => { stdin: esbuild.StdinOptions } };
  const r = await esbuild.build({
    stdin: sharedProtocolEntry(ROOT).stdin, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'],
    write: false, logLevel: 'silent', plugins: withPlugin ? [plainReexportsPlugin, lazyBuiltinsPlugin] : [lazyBuiltinsPlugin],
  });
  const m = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', r.outputFiles[0]!.text)(m, m.exports, libRequire);
  return m.exports;
}

/** What a value is, comparable across two instances of the library (esbuild may rename a class: `_ResponseError`). */
function shape(v: unknown): string {
  if (typeof v === 'function') return `function ${v.name.replace(/^_/, '')}`;
  if (v && typeof v === 'object') return `object {${Object.keys(v).sort().join(',')}}`;
  return `${typeof v} ${String(v)}`;
}

describe('dist/lsp-protocol.js re-exports as plain copies', () => {
  it('every file of the libraries that re-exports with `export *` has TypeScript\'s helper as the plugin expects', async () => {
    const { STAR_BINDING } = await load();
    const files = ['vscode-jsonrpc/node', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/node'].map((s) => libRequire.resolve(s));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.match(text, /__exportStar\(require\(/, file);
      assert.match(text, STAR_BINDING, `${file}: the helper changed, update STAR_BINDING`);
    }
  });

  it('the same names with the same values as the library, as data properties', async () => {
    const plain = await protocolBundle(true);
    const getters = await protocolBundle(false);
    const lib = libRequire('vscode-languageserver-protocol/node') as Record<string, unknown>;
    assert.deepEqual(Object.keys(plain).sort(), Object.keys(lib).sort());
    assert.deepEqual(Object.keys(plain).sort(), Object.keys(getters).sort());
    for (const k of Object.keys(lib)) {
      assert.equal(shape(plain[k]), shape(lib[k]), k);
      assert.equal(shape(plain[k]), shape(getters[k]), k);
    }
    const accessors = (o: object) => Object.values(Object.getOwnPropertyDescriptors(o)).filter((d) => d.get).length;
    assert.ok(accessors(getters) > 250, `${accessors(getters)} getters without the plugin`);
    assert.ok(accessors(plain) < 10, `${accessors(plain)} getters left`);
  });
});
