/**
 * dist/client.js is UI only: authoring commands ask the server (lsp/handlers/authoring.ts), so no
 * file of server/src (the checking core) may be bundled into the client. Bundles the client entry
 * the way scripts/build.mjs does, in memory, and reads esbuild's metafile.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { parse, satisfies } from '../../client/src/shims/semver';

const ROOT = join(__dirname, '..', '..');

it('the client bundle holds no server/src file (no checking code)', async () => {
  const r = await esbuild.build({
    absWorkingDir: ROOT, entryPoints: ['client/src/extension.ts'], bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['vscode'], write: false, metafile: true, outfile: 'client.js', logLevel: 'silent',
  });
  const inputs = Object.keys(r.metafile.inputs);
  assert.ok(inputs.some((f) => f.startsWith('client/src/commands')), 'the metafile lists the client sources');
  assert.deepEqual(inputs.filter((f) => f.startsWith('server/')), []);
  // Belt and braces: a core-only identifier (the rule registry's codes) does not occur in the output.
  const text = r.outputFiles[0]!.text;
  assert.doesNotMatch(text, /GR101|parseReport/);
});

// ---- scripts/thin-client.mjs: the feature modules the server never needs are inert in client.js ----
type ThinClient = { INERT_FEATURE_MODULES: string[]; thinClientPlugin: (root: string) => esbuild.Plugin };
const loadThinClient = async () => (await import(pathToFileURL(join(ROOT, 'scripts', 'thin-client.mjs')).href)) as ThinClient;

it('the shipped client bundle replaces the unused feature modules, semver and minimatch', async () => {
  const { INERT_FEATURE_MODULES, thinClientPlugin } = await loadThinClient();
  const r = await esbuild.build({
    absWorkingDir: ROOT, entryPoints: ['client/src/extension.ts'], bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['vscode'], write: false, metafile: true, outfile: 'client.js', logLevel: 'silent',
    mainFields: ['module', 'main'], plugins: [thinClientPlugin(ROOT)],
  });
  const inputs = Object.keys(r.metafile.inputs);
  const common = 'node_modules/vscode-languageclient/lib/common/';
  assert.ok(inputs.includes(`${common}textSynchronization.js`) && inputs.includes(`${common}completion.js`), 'kept features are bundled');
  assert.deepEqual(inputs.filter((f) => INERT_FEATURE_MODULES.some((m) => f === `${common}${m}.js`)), []);
  assert.deepEqual(inputs.filter((f) => /node_modules\/(semver|minimatch)\//.test(f)), []);
  assert.ok(inputs.includes('client/src/shims/inertFeatures.ts'));
});

it('the semver stand-in answers vscode-languageclient’s version check as semver does', () => {
  assert.deepEqual(parse('1.95.3'), { major: 1, minor: 95, patch: 3, prerelease: [] });
  assert.deepEqual(parse('1.96.0-insider')?.prerelease, ['insider']);
  assert.equal(parse('not a version'), null);
  assert.equal(satisfies(parse('1.91.0')!, '^1.91.0'), true);
  assert.equal(satisfies(parse('1.105.1')!, '^1.91.0'), true);
  assert.equal(satisfies(parse('1.90.9')!, '^1.91.0'), false);
  assert.equal(satisfies(parse('2.0.0')!, '^1.91.0'), false);
  assert.equal(satisfies('0.3.1', '^0.3.0'), true);
  assert.equal(satisfies('0.4.0', '^0.3.0'), false);
});

it('client and server bundles leave the LSP protocol libraries to the shared dist/lsp-protocol.js', async () => {
  const { sharedProtocolPlugin, SHARED_PROTOCOL_FILE } = (await import(pathToFileURL(join(ROOT, 'scripts', 'shared-protocol.mjs')).href)) as { sharedProtocolPlugin: esbuild.Plugin; SHARED_PROTOCOL_FILE: string };
  for (const entry of ['client/src/extension.ts', 'server/src/lsp/server.ts']) {
    const r = await esbuild.build({
      absWorkingDir: ROOT, entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
      external: ['vscode'], write: false, metafile: true, outfile: 'out.js', logLevel: 'silent', mainFields: ['module', 'main'],
      plugins: [sharedProtocolPlugin],
    });
    const inputs = Object.keys(r.metafile.inputs);
    assert.deepEqual(inputs.filter((f) => /node_modules\/vscode-(jsonrpc|languageserver-protocol|languageserver-types)\//.test(f)), [], entry);
    assert.match(r.outputFiles[0]!.text, new RegExp(`require\\("\\./${SHARED_PROTOCOL_FILE.replace('.', '\\.')}"\\)`), entry);
  }
});
