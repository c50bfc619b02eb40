/**
 * scripts/lazy-builtins.mjs LAZY_FILES: vscode-languageserver/node's `Files` helpers load ./files.js
 * on the first call, not at the server's start; they answer as the library's own functions do.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..');
type Edit = { file: RegExp; from: string; to: string; names: string[] };
type LazyBuiltins = { LAZY_FILES: Edit; withLazyLines: (path: string, text: string) => string };
const load = async () => (await import(pathToFileURL(join(ROOT, 'scripts', 'lazy-builtins.mjs')).href)) as LazyBuiltins;
const libRequire = createRequire(join(ROOT, 'package.json'));
/** vscode-languageserver/node → lib/node/main.js (the file the edit is for). */
const mainFile = () => libRequire.resolve('vscode-languageserver/node');

describe('vscode-languageserver/node without ./files.js at start', () => {
  it('the line replaced is in the installed library, and fm is read there for the listed names only', async () => {
    const { LAZY_FILES } = await load();
    const main = mainFile();
    assert.match(main, LAZY_FILES.file);
    const text = readFileSync(main, 'utf8');
    assert.ok(text.includes(LAZY_FILES.from), 'vscode-languageserver changed its import of ./files: update LAZY_FILES');
    assert.deepEqual([...new Set(text.match(/\bfm\.\w+/g))].sort(), LAZY_FILES.names.map((n) => `fm.${n}`).sort());
  });

  it('the stand-in requires ./files.js on the first call and answers as the library does', async () => {
    const { LAZY_FILES } = await load();
    const files = createRequire(mainFile())('./files') as Record<string, (...a: unknown[]) => unknown>;
    const loads: string[] = [];
    const req = (id: string) => { loads.push(id); return files; };
    const star = (m: unknown) => m;
    const fm = new Function('require', '__importStar', `${LAZY_FILES.to} return fm;`)(req, star) as Record<string, (...a: unknown[]) => unknown>;
    assert.deepEqual(loads, [], 'nothing required when the library loads');
    assert.deepEqual(Object.keys(fm).sort(), [...LAZY_FILES.names].sort());
    const uri = pathToFileURL(join(ROOT, 'package.json')).href;
    assert.equal(fm.uriToFilePath!(uri), files.uriToFilePath!(uri));
    assert.deepEqual(loads, ['./files']);
    fm.uriToFilePath!(uri);
    assert.deepEqual(loads, ['./files'], 'required once');
  });

  it('with the server bundle\'s plugins (scripts/build.mjs), whichever loads the file, ./files.js sits behind the stand-in', async () => {
    const named = (await import(pathToFileURL(join(ROOT, 'scripts', 'named-exports.mjs')).href)) as {
      namedExportsPlugin: (root: string, specifiers: string[], protocols?: Record<string, string>) => esbuild.Plugin; LANGUAGESERVER_PROTOCOLS: Record<string, string>;
    };
    const shared = (await import(pathToFileURL(join(ROOT, 'scripts', 'shared-protocol.mjs')).href)) as { sharedProtocolPlugin: esbuild.Plugin };
    const { lazyBuiltinsPlugin } = (await import(pathToFileURL(join(ROOT, 'scripts', 'lazy-builtins.mjs')).href)) as { lazyBuiltinsPlugin: esbuild.Plugin };
    const r = await esbuild.build({
      stdin: { contents: "import { createConnection } from 'vscode-languageserver/node'; export { createConnection };", loader: 'ts', resolveDir: ROOT },
      bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
      plugins: [named.namedExportsPlugin(ROOT, Object.keys(named.LANGUAGESERVER_PROTOCOLS), named.LANGUAGESERVER_PROTOCOLS), shared.sharedProtocolPlugin, lazyBuiltinsPlugin],
    });
    const text = r.outputFiles[0]!.text;
    assert.match(text, /(m\d*) \|\| \(\1 = __importStar\(require_files\(\)\)\)/, 'the stand-in is in the bundle');
    assert.doesNotMatch(text, /fm = __importStar\(require_files\(\)\)/, 'no eager require of ./files.js');
  });

  it('a bundle of the library with the edit runs nothing of ./files.js at load, and the first call loads it', async () => {
    const { withLazyLines } = await load();
    const main = mainFile();
    assert.ok(withLazyLines(main, readFileSync(main, 'utf8')).includes('m || (m = __importStar(require("./files")))'));
    // A bundle of the library with the edit: loading it runs nothing of files.js (its url/path/fs copies).
    const { lazyBuiltinsPlugin } = (await import(pathToFileURL(join(ROOT, 'scripts', 'lazy-builtins.mjs')).href)) as { lazyBuiltinsPlugin: esbuild.Plugin };
    const r = await esbuild.build({
      entryPoints: [main], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', plugins: [lazyBuiltinsPlugin],
    });
    const text = r.outputFiles[0]!.text;
    const seen: string[] = [];
    const req = (id: string) => { seen.push(id); return libRequire(id) as unknown; };
    const m = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', '__filename', '__dirname', text)(m, m.exports, req, main, join(main, '..'));
    assert.ok(!seen.includes('url'), 'files.js (the only requirer of url) did not run at load');
    const Files = m.exports.Files as Record<string, (...a: unknown[]) => unknown>;
    assert.equal(Files.uriToFilePath!('file:///tmp/x.txt'), '/tmp/x.txt');
    assert.ok(seen.includes('url'), 'files.js ran on the first call');
  });
});
