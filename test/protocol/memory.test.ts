// Issue 12: 10 000 incremental edits of a ~1 MB report over LSP; the server's heap (after a full
// GC, via the test-only govreport/_debugHeap request) stays within 2× of the heap after the first
// edit, and every edit is applied (length and checksum of the server's text).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checksum, DEBUG_HEAP_REQUEST, type DebugHeapResult } from '../../server/src/lsp/debugHeap';
import { SourceText } from '../../server/src/core/text/source';
import { ensureBuilt, SAMPLES, TestClient } from './client';

/** About `bytes` UTF-8 bytes: the huaian report, then the samples repeated (as the bench builds it). */
function synthetic(bytes: number): string {
  const read = (f: string) => readFileSync(join(SAMPLES, f), 'utf8').replace(/^\uFEFF/, '');
  const base = read('huaian-2024.txt');
  const others = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt') && !f.startsWith('huaian')).sort().map(read);
  const parts = [base];
  let size = Buffer.byteLength(base);
  for (let i = 0; size < bytes; i++) {
    const chunk = '\n' + (i % 2 === 0 ? base : others[i % others.length]!);
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return parts.join('');
}

const EDITS = 10_000;
/** Edits sent between two waits for the diagnostics (faster than the debounce: only some are analysed). */
const BURST = 1000;
/**
 * Each heap is the second of two requests in a row: the first one's full GC can report ~10 MiB that
 * the very next one frees with no work between them (seen: 37.9 MiB, then 27.8 at once and 300 ms
 * later; V8 keeping garbage through one collection, not memory the server holds).
 */
const heapAtRest = async (client: TestClient, uri: string) => {
  await client.request<DebugHeapResult>(DEBUG_HEAP_REQUEST, { uri });
  return client.request<DebugHeapResult>(DEBUG_HEAP_REQUEST, { uri });
};

describe('memory over a long editing session', () => {
  let client: TestClient;
  before(async () => {
    ensureBuilt();
    client = new TestClient({ execArgv: ['--expose-gc'], env: { GOVREPORT_DEBUG_HEAP: '1' } });
    await client.initialize();
  });
  after(async () => { await client.stop(); });

  it(`${EDITS} edits of a 1 MB report: heap within 2× of after the first edit, every edit applied`, async () => {
    const uri = 'file:///reports/big-2024.txt';
    const original = synthetic(1_000_000);
    const src = new SourceText(original);
    // Digits outside the first lines: each edit rewrites one of them (the length never changes).
    const digits: number[] = [];
    for (let i = 2000; i < original.length; i++) { const c = original.charCodeAt(i); if (c >= 48 && c <= 57) digits.push(i); }
    const local = original.split('');
    const edit = (k: number) => {
      const at = digits[(k * 7919) % digits.length]!;
      const d = String(k % 10);
      local[at] = d;
      const start = src.positionAt(at);
      const end = src.positionAt(at + 1);
      client.change(uri, k + 2, [{ range: { start, end }, text: d }]);
    };

    client.open(uri, original);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    edit(0);
    await client.waitForDiagnostics(uri, (p) => p.version === 2, 60_000);
    const first = await heapAtRest(client, uri);
    assert.ok(first.collected, 'the server runs with --expose-gc');

    for (let k = 1; k < EDITS; k++) {
      edit(k);
      if (k % BURST === 0 || k === EDITS - 1) await client.waitForDiagnostics(uri, (p) => p.version === k + 2, 60_000);
    }
    const last = await heapAtRest(client, uri);
    const expected = local.join('');
    assert.equal(last.length, expected.length);
    assert.equal(last.checksum, checksum(expected), 'the server holds the text after every edit');
    const mb = (n: number) => (n / 2 ** 20).toFixed(1);
    console.log(`heap after edit 1: ${mb(first.heapUsed)} MiB; after edit ${EDITS}: ${mb(last.heapUsed)} MiB`);
    assert.ok(last.heapUsed <= 2 * first.heapUsed, `heap ${mb(last.heapUsed)} MiB > 2 × ${mb(first.heapUsed)} MiB`);
  });
});
