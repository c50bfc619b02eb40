/**
 * dist/client.js is UI only: authoring commands ask the server (lsp/handlers/authoring.ts), so no
 * file of server/src (the checking core) may be bundled into the client. Bundles the client entry
 * the way scripts/build.mjs does, in memory, and reads esbuild's metafile.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { it } from 'node:test';
import * as esbuild from 'esbuild';

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
