/**
 * dist/server.js is a bootstrap that loads the server through a V8 code cache (server/src/boot):
 * the first start writes the cache after its first diagnostics, the next starts use it, and a
 * corrupt or foreign cache never stops the server from starting or changes what it says.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CODE_CACHE_DIR_ENV } from '../../client/src/serverEnv';
import { ensureBuilt, readSample, sleep, TestClient } from './client';

const cacheDir = mkdtempSync(join(tmpdir(), 'govreport-server-cache-'));
const sample = readSample('huaian-2024');
const uri = 'file:///startup/huaian-2024.txt';
const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache')).sort();
const brief = (ds: Diagnostic[]) => ds.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character} ${d.message}`);

/** Starts the server with the cache directory, opens the sample, returns its first diagnostics. */
async function firstDiagnostics(): Promise<Diagnostic[]> {
  const c = new TestClient({ env: { [CODE_CACHE_DIR_ENV]: cacheDir } });
  try {
    await c.initialize();
    c.open(uri, sample.text, 'govreport');
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1, 20000);
    // The cache is written just after the first publish: give it a moment before shutting down.
    for (let i = 0; i < 50 && cacheFiles().length < 2; i++) await sleep(100);
    return p.diagnostics;
  } finally {
    await c.stop();
  }
}

describe('server start through the V8 code cache', () => {
  before(() => ensureBuilt());
  after(() => rmSync(cacheDir, { recursive: true, force: true }));
  let reference: string[] = [];

  it('the first start writes a cache for both bundles after its first diagnostics', async () => {
    reference = brief(await firstDiagnostics());
    assert.ok(reference.length > 0, 'the sample has findings');
    const files = cacheFiles();
    assert.equal(files.length, 2, files.join(', '));
    assert.ok(files.some((f) => f.startsWith('lsp-protocol.js.')) && files.some((f) => f.startsWith('server-main.js.')), files.join(', '));
  });

  it('the next start uses it and says the same', async () => {
    const before = cacheFiles().map((f) => readFileSync(join(cacheDir, f)));
    assert.deepEqual(brief(await firstDiagnostics()), reference);
    assert.deepEqual(cacheFiles().map((f) => readFileSync(join(cacheDir, f))), before, 'a valid cache is not rewritten');
  });

  it('a corrupt cache: the server still starts, says the same, and writes a good cache', async () => {
    for (const f of cacheFiles()) {
      const b = readFileSync(join(cacheDir, f));
      for (let i = 64; i < b.length; i += 997) b[i] = b[i]! ^ 0x5a;
      writeFileSync(join(cacheDir, f), b);
    }
    const spoilt = cacheFiles().map((f) => readFileSync(join(cacheDir, f)));
    assert.deepEqual(brief(await firstDiagnostics()), reference);
    assert.notDeepEqual(cacheFiles().map((f) => readFileSync(join(cacheDir, f))), spoilt, 'rewritten');
  });

  it('garbage in place of the cache: the server still starts and says the same', async () => {
    for (const f of cacheFiles()) writeFileSync(join(cacheDir, f), 'not a code cache');
    assert.deepEqual(brief(await firstDiagnostics()), reference);
  });
});
