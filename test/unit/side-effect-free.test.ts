/**
 * scripts/side-effect-free.mjs: jsonc-parser bundled as free of side effects. The bundles keep what
 * the server and the CLI use (parseTree, printParseErrorCode: the same answers as the library's) and
 * leave out the formatter's string tables that used to be built at every start.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import * as jsonc from 'jsonc-parser';

const ROOT = join(__dirname, '..', '..');
type SideEffectFree = { sideEffectFreePlugin: () => esbuild.Plugin };
const load = async () => (await import(pathToFileURL(join(ROOT, 'scripts', 'side-effect-free.mjs')).href)) as SideEffectFree;

async function bundle(plugins: esbuild.Plugin[]): Promise<string> {
  const r = await esbuild.build({
    stdin: { contents: "export { parseTree, printParseErrorCode } from 'jsonc-parser';", loader: 'ts', resolveDir: ROOT },
    bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], write: false, logLevel: 'silent', plugins,
  });
  return r.outputFiles[0]!.text;
}

describe('jsonc-parser bundled as free of side effects', () => {
  it('the formatter\'s string tables are left out (they were bundled without the plugin)', async () => {
    const { sideEffectFreePlugin } = await load();
    assert.match(await bundle([]), /string-intern\.js/);
    const text = await bundle([sideEffectFreePlugin()]);
    assert.doesNotMatch(text, /string-intern\.js|cachedBreakLinesWithSpaces/);
    assert.match(text, /impl\/parser\.js/);
  });

  it('what is used answers as the library does', async () => {
    const { sideEffectFreePlugin } = await load();
    const m = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', await bundle([sideEffectFreePlugin()]))(m, m.exports, require);
    const { parseTree, printParseErrorCode } = m.exports as unknown as typeof jsonc;
    const text = '{ "rules": { "GR001": "off", }, // comment\n "x": [1, 2 }';
    const errors: jsonc.ParseError[] = [];
    const expected: jsonc.ParseError[] = [];
    const plain = (n: unknown) => JSON.stringify(n, (k, v: unknown) => (k === 'parent' ? undefined : v));
    assert.equal(plain(parseTree(text, errors)), plain(jsonc.parseTree(text, expected)));
    assert.deepEqual(errors, expected);
    assert.ok(errors.length > 0);
    for (const e of errors) assert.equal(printParseErrorCode(e.error), jsonc.printParseErrorCode(e.error));
  });
});
