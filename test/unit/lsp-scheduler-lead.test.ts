/**
 * The scheduler's early start for slow documents (server/src/lsp/scheduler.ts leadFor): a document
 * whose runs take longer than half the debounce starts them earlier, so that they still end by the
 * deadline, but never sooner than a short quiet time after the change. On a hand-stepped clock:
 * no timing depends on the machine.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticsScheduler, leadFor } from '../../server/src/lsp/scheduler';
import { ManualClock } from './manual-clock';

/** A scheduler whose runs take `computeMs` of clock time, yielding five times like analysisAsync. */
function harness(delayMs: number, computeMs: number) {
  const clock = new ManualClock();
  const docs = new Map<string, { version: number }>();
  const published: { version: number; at: number }[] = [];
  const started: { version: number; at: number }[] = [];
  const s = new DiagnosticsScheduler<string>({
    delayMs,
    clock,
    get: (uri) => docs.get(uri),
    async compute(uri, version, stop) {
      started.push({ version, at: clock.now() });
      for (let i = 0; i < 5; i++) {
        await clock.sleep(computeMs / 5);
        if (stop()) return null;
      }
      return `${uri}@${version}`;
    },
    publish: (_uri, version) => published.push({ version, at: clock.now() }),
  });
  return { clock, docs, published, started, s };
}

describe('DiagnosticsScheduler early start for slow documents', () => {
  it('leadFor: twice the longest run (+3 ms) up to half the debounce; beyond, the run plus 25 ms, at most the debounce less 30 ms', () => {
    assert.equal(leadFor(0, 150), 3);
    assert.equal(leadFor(20, 150), 43);
    assert.equal(leadFor(36, 150), 75, 'at the half');
    assert.equal(leadFor(40, 150), 75, 'a run that fits in the half keeps it');
    assert.equal(leadFor(50, 150), 75);
    assert.equal(leadFor(60, 150), 85);
    assert.equal(leadFor(90.2, 150), 116);
    assert.equal(leadFor(100, 150), 120, 'never sooner than 30 ms after the change');
    assert.equal(leadFor(1000, 150), 120);
    assert.equal(leadFor(100, 40), 20, 'a debounce too short for the quiet time: half of it');
  });

  it('a run of 100 ms starts 120 ms before the deadline and publishes at it (not 25 ms late)', async () => {
    const { clock, docs, published, started, s } = harness(150, 100);
    docs.set('a', { version: 1 });
    s.schedule('a', 0);
    await clock.advance(200);
    assert.deepEqual(published.map((p) => p.version), [1]);
    assert.equal(s.leadMs('a'), 120);
    docs.set('a', { version: 2 });
    const changed = clock.now();
    s.schedule('a');
    await clock.advance(29);
    assert.equal(started.length, 1, 'not started within the quiet time');
    await clock.advance(1);
    assert.deepEqual(started.map((r) => [r.version, r.at - changed]), [[1, -200], [2, 30]]);
    await clock.advance(200);
    assert.deepEqual(published.map((p) => [p.version, p.at - changed]), [[1, -100], [2, 150]]);
  });

  it('while typing (changes less than a debounce apart) a slow document keeps the half lead: keystrokes do not start runs they then cancel', async () => {
    const { clock, docs, published, started, s } = harness(150, 100);
    docs.set('a', { version: 1 });
    s.schedule('a', 0);
    await clock.advance(200);
    let v = 1;
    const typed: number[] = [];
    for (let k = 0; k < 6; k++) { // 20 ms, then 60 ms apart
      docs.set('a', { version: ++v });
      s.schedule('a');
      typed.push(clock.now());
      await clock.advance(k < 3 ? 20 : 60);
    }
    assert.equal(started.length, 1, 'no run started while typing: the first keystroke\'s 30 ms and the others\' 75 ms were not reached');
    await clock.advance(300);
    const last = typed[typed.length - 1]!;
    assert.deepEqual(started.slice(1).map((r) => [r.version, r.at - last]), [[v, 75]], 'the last keystroke\'s run starts at the half lead');
    assert.deepEqual(published.map((p) => [p.version, p.at - last]), [[1, 100 - last], [v, 175]], 'and, taking 100 ms, ends 25 ms late');
    assert.equal(s.stats.dropped, 0);
    // After a quiet debounce an edit is no keystroke of a run of typing: the long lead again.
    docs.set('a', { version: ++v });
    const changed = clock.now();
    s.schedule('a');
    await clock.advance(300);
    assert.deepEqual(published.slice(2).map((p) => [p.version, p.at - changed]), [[v, 150]]);
  });

  it('leadFor while typing: at most half the debounce', () => {
    assert.equal(leadFor(20, 150, true), 43);
    assert.equal(leadFor(60, 150, true), 75);
    assert.equal(leadFor(100, 150, true), 75);
  });
});
