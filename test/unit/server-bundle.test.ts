/**
 * How the server bundles are built for a fast start (scripts/lazy-builtins.mjs, scripts/named-exports.mjs):
 * the stand-ins behave as the modules they stand for, and load or copy nothing at module init.
 */
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..');

// ---- scripts/lazy-builtins.mjs: crypto / child_process of the LSP libraries load on first use ----
type LazyBuiltins = {
  LAZY_BUILTINS: string[]; lazyBuiltinSource: (name: string) => string; lazyBuiltinsPlugin: esbuild.Plugin;
  LAZY_OS: { file: RegExp; from: string; to: string };
};
const loadLazy = async () => (await import(pathToFileURL(join(ROOT, 'scripts', 'lazy-builtins.mjs')).href)) as LazyBuiltins;

describe('lazy built-ins of the server bundles', () => {
  it('the stand-in behaves as the module: properties, `in`, keys', async () => {
    const { lazyBuiltinSource } = await loadLazy();
    const m = { exports: {} as Record<string, unknown> };
    new Function('module', 'require', lazyBuiltinSource('crypto'))(m, createRequire(__filename));
    const real = createRequire(__filename)('node:crypto') as Record<string, unknown>;
    assert.equal(m.exports.randomBytes, real.randomBytes);
    assert.ok('createHash' in m.exports);
    assert.deepEqual(Object.keys(m.exports).sort(), Object.keys(real).sort());
  });

  it('a bundle requires the real module only when a property is used', async () => {
    const { lazyBuiltinsPlugin } = await loadLazy();
    const r = await esbuild.build({
      stdin: { contents: "const c = require('crypto'); const cp = require('child_process'); module.exports = () => c.randomBytes(4).length;", loader: 'js', resolveDir: __dirname },
      bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', plugins: [lazyBuiltinsPlugin],
    });
    const text = r.outputFiles[0]!.text;
    assert.doesNotMatch(text, /require\("(crypto|child_process)"\)/, 'no eager bare require left');
    const loads: string[] = [];
    const req = (id: string) => { loads.push(id); return createRequire(__filename)(id) as unknown; };
    const m = { exports: {} as unknown };
    new Function('module', 'exports', 'require', text)(m, m.exports, req);
    assert.deepEqual(loads, [], 'nothing loaded at module init');
    assert.equal((m.exports as () => number)(), 4);
    assert.deepEqual(loads, ['node:crypto']);
  });
});

describe('vscode-jsonrpc/node without os at start', () => {
  it('the line replaced is in the installed library, and os is used there for tmpdir() only', async () => {
    const { LAZY_OS } = await loadLazy();
    const main = createRequire(join(ROOT, 'package.json')).resolve('vscode-jsonrpc/node');
    assert.match(main, LAZY_OS.file);
    const text = (await import('node:fs')).readFileSync(main, 'utf8');
    assert.ok(text.includes(LAZY_OS.from), 'vscode-jsonrpc changed its import of os: update LAZY_OS');
    assert.deepEqual([...new Set(text.match(/\bos\.\w+/g))], ['os.tmpdir']);
  });

  it('the stand-in gives the same tmpdir, loading os on the call', async () => {
    const { LAZY_OS } = await loadLazy();
    const loads: string[] = [];
    const req = (id: string) => { loads.push(id); return createRequire(__filename)(id) as unknown; };
    const os = new Function('require', `${LAZY_OS.to} return os;`)(req) as { tmpdir(): string };
    assert.deepEqual(loads, []);
    assert.equal(os.tmpdir(), (await import('node:os')).tmpdir());
    assert.deepEqual(loads, ['os']);
  });
});

// ---- scripts/named-exports.mjs: vscode-languageserver imported without a namespace copy per importer ----
type NamedExports = {
  namedExportsSource: (specifier: string, names: string[], protocol?: string, fromProtocol?: Set<string>) => string;
  namedExportsPlugin: (root: string, specifiers: string[], protocols?: Record<string, string>) => esbuild.Plugin;
  LANGUAGESERVER_PROTOCOLS: Record<string, string>;
};
const loadNamed = async () => (await import(pathToFileURL(join(ROOT, 'scripts', 'named-exports.mjs')).href)) as NamedExports;

describe('named exports of vscode-languageserver in the server bundle', () => {
  it('the stand-in exports each identifier once, and the module as default', async () => {
    const { namedExportsSource } = await loadNamed();
    const src = namedExportsSource('lib', ['a', 'b$', '__esModule', 'default', 'not-an-identifier']);
    assert.deepEqual(src.match(/export const \w+\$?/g), ['export const a', 'export const b$']);
    assert.match(src, /export default m;/);
  });

  it('importers get plain bindings: no __toESM copy, one copy of the library', async () => {
    const { namedExportsPlugin } = await loadNamed();
    const entry = (name: string) => `import { createConnection, TextDocuments } from '${name}'; export const ${name.replace(/\W/g, '_')} = { createConnection, TextDocuments };`;
    const r = await esbuild.build({
      stdin: { contents: `export * from './a'; export * from './b';`, loader: 'js', resolveDir: ROOT },
      plugins: [namedExportsPlugin(ROOT, ['vscode-languageserver', 'vscode-languageserver/node']), {
        name: 'files', setup(b) {
          b.onResolve({ filter: /^\.\/(a|b)$/ }, (a) => ({ path: a.path, namespace: 'files' }));
          b.onLoad({ filter: /.*/, namespace: 'files' }, (a) => ({ contents: entry(a.path === './a' ? 'vscode-languageserver' : 'vscode-languageserver/node'), loader: 'js', resolveDir: ROOT }));
        },
      }],
      bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
    });
    const text = r.outputFiles[0]!.text;
    assert.doesNotMatch(text, /__toESM\(require_/, 'no namespace copy');
    const m = { exports: {} as Record<string, { createConnection: unknown; TextDocuments: unknown }> };
    new Function('module', 'exports', 'require', '__filename', '__dirname', text)(m, m.exports, createRequire(join(ROOT, 'x.js')), join(ROOT, 'x.js'), ROOT);
    const a = m.exports.vscode_languageserver!;
    const b = m.exports.vscode_languageserver_node!;
    assert.equal(typeof a.createConnection, 'function');
    assert.equal(typeof b.createConnection, 'function');
    assert.equal(a.TextDocuments, b.TextDocuments, '/node re-exports the common API: one class, one copy of the library');
  });

  it('without the library\'s re-export of the protocol, every name still reads what the library exports', async () => {
    const { namedExportsPlugin, LANGUAGESERVER_PROTOCOLS } = await loadNamed();
    const specs = ['vscode-languageserver', 'vscode-languageserver/node'];
    assert.deepEqual(Object.keys(LANGUAGESERVER_PROTOCOLS), specs);
    const r = await esbuild.build({
      stdin: { contents: "export * as common from 'vscode-languageserver'; export * as node from 'vscode-languageserver/node';", loader: 'js', resolveDir: ROOT },
      plugins: [namedExportsPlugin(ROOT, specs, LANGUAGESERVER_PROTOCOLS)],
      bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', mainFields: ['module', 'main'],
    });
    const text = r.outputFiles[0]!.text;
    assert.doesNotMatch(text, /__exportStar\(require\("vscode-languageserver-protocol/, 'the re-export is left out');
    const req = createRequire(join(ROOT, 'x.js'));
    const m = { exports: {} as Record<string, Record<string, unknown>> };
    new Function('module', 'exports', 'require', '__filename', '__dirname', text)(m, m.exports, req, join(ROOT, 'x.js'), ROOT);
    // Function names as esbuild may rename them in a bundle (a leading _, a number at the end).
    const shape = (v: unknown) => (typeof v === 'function' ? `function ${(v as { name: string }).name.replace(/^_+|\d+$/g, '')}` : v && typeof v === 'object' ? `object ${Object.keys(v).sort().join(',')}` : JSON.stringify(v));
    for (const [key, spec] of [['common', specs[0]!], ['node', specs[1]!]] as const) {
      const real = req(spec) as Record<string, unknown>;
      const names = Object.keys(real).filter((n) => n !== 'default' && n !== '__esModule');
      assert.ok(names.length > 300, spec);
      for (const n of names) assert.equal(shape(m.exports[key]![n]), shape(real[n]), `${spec}: ${n}`);
    }
  });

  it('reads are pure: a name no file imports is not read at start', async () => {
    const { namedExportsSource } = await loadNamed();
    const src = namedExportsSource('lib', ['a', 'b'], 'proto', new Set(['b']));
    assert.match(src, /export const a = \/\* @__PURE__ \*\/ \(\(\) => m\.a\)\(\);/);
    assert.match(src, /export const b = \/\* @__PURE__ \*\/ \(\(\) => p\.b\)\(\);/);
    const used = await esbuild.build({
      stdin: { contents: "import { a } from 'standin'; console.log(a);", loader: 'js', resolveDir: ROOT },
      plugins: [{ name: 's', setup(b) {
        b.onResolve({ filter: /^standin$/ }, () => ({ path: 'standin', namespace: 's' }));
        b.onResolve({ filter: /^(lib|proto)$/ }, (a) => ({ path: a.path, external: true }));
        b.onLoad({ filter: /.*/, namespace: 's' }, () => ({ contents: src, loader: 'js' }));
      } }],
      bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
    });
    const out = used.outputFiles[0]!.text;
    assert.match(out, /m\.a/);
    assert.doesNotMatch(out, /p\.b/, 'the unused name is dropped');
  });
});

// ---- scripts/ascii-bundle.mjs: the server bundle's regexes written with \uXXXX escapes check the same ----
type AsciiBundle = { asciiOnly: (text: string) => string };
const loadAscii = async () => (await import(pathToFileURL(join(ROOT, 'scripts', 'ascii-bundle.mjs')).href)) as AsciiBundle;

describe('ASCII-only server bundle', () => {
  it('escapes what is not ASCII; leaves a text with an identity escape of such a character alone', async () => {
    const { asciiOnly } = await loadAscii();
    assert.equal(asciiOnly('/[。；;]/u.test("。")'), '/[\\u3002\\uff1b;]/u.test("\\u3002")');
    assert.equal(asciiOnly('/\\。/'), '/\\。/');
    assert.equal(new RegExp(asciiOnly('[一-十😀]+'), 'u').exec('x一五😀y')?.[0], '一五😀');
  });

  it('the core bundled and escaped as in dist/ finds exactly what the sources find, on every sample', async () => {
    const { asciiOnly } = await loadAscii();
    const r = await esbuild.build({
      absWorkingDir: ROOT, entryPoints: ['server/src/core/index.ts'], bundle: true, platform: 'node', target: 'node20',
      mainFields: ['module', 'main'], format: 'cjs', minify: true, write: false, outfile: 'core.js', logLevel: 'silent',
    });
    const text = asciiOnly(r.outputFiles[0]!.text);
    assert.doesNotMatch(text, /[\u0080-\uffff]/);
    const m = { exports: {} as { analyze: (t: string) => { findings: unknown[] } } };
    new Function('module', 'exports', 'require', text)(m, m.exports, createRequire(join(ROOT, 'x.js')));
    const { analyze } = await import('../../server/src/core/index');
    const dir = join(ROOT, 'test', 'fixtures', 'samples');
    const { readdirSync, readFileSync } = await import('node:fs');
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
    assert.ok(names.length > 0);
    for (const n of names) {
      const t = readFileSync(join(dir, n), 'utf8');
      assert.equal(JSON.stringify(m.exports.analyze(t).findings), JSON.stringify(analyze(t).findings), n);
    }
  });
});
