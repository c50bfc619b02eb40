/**
 * The edit trace scripts/bench-lsp.mjs reads (server/src/lsp/editTrace.ts): off without
 * GOVREPORT_EDIT_TRACE; with a file, one line per published run, its stages in order, nothing for a
 * run that a newer version replaced.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { editTrace, openTrace } from '../../server/src/lsp/editTrace';

describe('edit trace', () => {
  it('is off unless GOVREPORT_EDIT_TRACE names a file', () => {
    assert.equal(process.env.GOVREPORT_EDIT_TRACE, undefined);
    assert.equal(editTrace, undefined);
    assert.equal(openTrace(''), undefined);
  });

  it('writes one line per published run, stages in order; a replaced run writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-edit-trace-test-'));
    try {
      const file = join(dir, 'trace.jsonl');
      const t = openTrace(file)!;
      t.scheduled('a', 2, 30, 150);
      t.mark('a', 2, 'started');
      t.scheduled('a', 3, 30, 150); // a newer change: version 2's run will not be published
      t.mark('a', 2, 'computed');
      t.published('a', 2);
      t.mark('a', 3, 'started');
      t.mark('a', 3, 'computed');
      t.mark('a', 3, 'publish');
      t.published('a', 3);
      t.published('a', 3); // once only
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(lines.length, 1);
      const r = lines[0]!;
      assert.equal(r.uri, 'a');
      assert.equal(r.version, 3);
      assert.equal(r.plannedStart, 30);
      assert.equal(r.deadline, 150);
      const times = ['scheduled', 'started', 'computed', 'publish', 'published'].map((k) => r[k] as number);
      for (const x of times) assert.equal(typeof x, 'number');
      assert.deepEqual(times, [...times].sort((a, b) => a - b));
      assert.ok(Array.isArray(r.gc));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
