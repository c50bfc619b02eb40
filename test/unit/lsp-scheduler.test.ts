/**
 * Debounced, cancellable diagnostics (server/src/lsp/scheduler.ts) and the per-version analysis cache.
 * The scheduler runs on a hand-stepped clock: its timings are exact and a busy machine (the unit files
 * run in parallel) cannot make a test pass or fail.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { AnalysisCache, isReportDocument } from '../../server/src/lsp/analysisCache';
import { DiagnosticsScheduler } from '../../server/src/lsp/scheduler';
import { sample } from './helpers';
import { ManualClock } from './manual-clock';

function harness(delayMs = 20, computeMs = 0) {
  const clock = new ManualClock();
  const docs = new Map<string, { version: number }>();
  const published: { uri: string; version: number; result: string; at: number }[] = [];
  const computed: number[] = [];
  const s = new DiagnosticsScheduler<string>({
    delayMs,
    clock,
    get: (uri) => docs.get(uri),
    async compute(uri, version, stop) {
      computed.push(version);
      // A slow analysis that yields while it works, like analysisAsync.
      for (let i = 0; i < 5; i++) {
        await clock.sleep(computeMs / 5);
        if (stop()) return null;
      }
      return `${uri}@${version}`;
    },
    publish: (uri, version, result) => published.push({ uri, version, result, at: clock.now() }),
  });
  return { clock, docs, published, computed, s };
}

describe('DiagnosticsScheduler', () => {
  it('debounces: a burst of changes runs once, for the last version, a debounce after it', async () => {
    const { clock, docs, published, computed, s } = harness(150);
    for (let v = 1; v <= 10; v++) {
      docs.set('a', { version: v });
      s.schedule('a');
      await clock.advance(2);
    }
    await clock.advance(147);
    assert.deepEqual(computed, [], 'the debounce of the last change has not ended');
    await clock.advance(400);
    assert.deepEqual(computed, [10]);
    assert.deepEqual(published.map((p) => [p.version, p.at]), [[10, 18 + 150]]);
  });

  it('a newer version cancels the run in flight; the stale result is never published', async () => {
    const { clock, docs, published, computed, s } = harness(0, 200);
    docs.set('a', { version: 1 });
    s.schedule('a');
    await clock.advance(30); // run for version 1 is in flight
    docs.set('a', { version: 2 });
    s.schedule('a');
    await clock.advance(500);
    assert.deepEqual(computed, [1, 2]);
    assert.deepEqual(published.map((p) => p.version), [2]);
    assert.equal(s.stats.dropped, 1);
  });

  it('a version change without schedule() still stops the stale run', async () => {
    const { clock, docs, published, s } = harness(0, 200);
    docs.set('a', { version: 1 });
    s.schedule('a');
    await clock.advance(30);
    docs.set('a', { version: 2 }); // the change notification has not been handled yet
    await clock.advance(400);
    assert.deepEqual(published, []);
  });

  it('closing a document cancels its pending run', async () => {
    const { clock, docs, published, s } = harness(20);
    docs.set('a', { version: 1 });
    s.schedule('a');
    s.cancel('a');
    docs.delete('a');
    await clock.advance(50);
    assert.deepEqual(published, []);
    assert.equal(s.size, 0);
  });

  it('documents are independent', async () => {
    const { clock, docs, published, s } = harness(10);
    docs.set('a', { version: 1 });
    docs.set('b', { version: 7 });
    s.schedule('a');
    s.schedule('b');
    await clock.advance(50);
    assert.deepEqual(published.map((p) => p.result).sort(), ['a@1', 'b@7']);
  });

  it('starts a debounced run early (by the duration of the last run) but publishes no sooner than the deadline', async () => {
    const { clock, docs, published, computed, s } = harness(150, 40);
    docs.set('a', { version: 1 });
    s.schedule('a', 0); // opened: no debounce, the run's duration is learnt
    await clock.advance(150);
    assert.deepEqual(published.map((p) => p.version), [1]);
    const lead = s.leadMs('a');
    assert.equal(lead, 75, "twice the last run's 40 ms and more, capped at half the debounce");
    assert.equal(s.leadMs('never-run'), 0);
    docs.set('a', { version: 2 });
    const changed = clock.now();
    s.schedule('a');
    await clock.advance(74);
    assert.deepEqual(computed, [1], 'not started before the lead');
    await clock.advance(1 + 40); // started 75 ms before the deadline, done 40 ms later; its result waits
    assert.deepEqual(computed, [1, 2]);
    assert.equal(published.length, 1, 'held until the debounce ends');
    await clock.advance(100);
    assert.deepEqual(published.map((p) => p.version), [1, 2]);
    assert.equal(published[1]!.at - changed, 150, 'published when the debounce ends');
  });

  it('a change while an early result waits for its deadline drops that result', async () => {
    const { clock, docs, published, computed, s } = harness(150, 20);
    docs.set('a', { version: 1 });
    s.schedule('a', 0);
    await clock.advance(80);
    docs.set('a', { version: 2 });
    s.schedule('a');
    await clock.advance(140); // version 2 computed early (lead 43 ms, run 20 ms), waiting
    assert.deepEqual(computed, [1, 2]);
    assert.equal(published.length, 1);
    docs.set('a', { version: 3 });
    s.schedule('a');
    await clock.advance(250);
    assert.deepEqual(published.map((p) => p.version), [1, 3]);
    assert.equal(s.stats.dropped, 1);
    s.forget('a');
    assert.equal(s.leadMs('a'), 0, 'a closed document starts over');
  });

  it('an error in compute is reported, not thrown', async () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    const s = new DiagnosticsScheduler<string>({
      delayMs: 0,
      clock,
      get: () => ({ version: 1 }),
      compute: () => { throw new Error('boom'); },
      publish: () => assert.fail('must not publish'),
      onError: (_u, e) => errors.push(e),
    });
    s.schedule('a');
    await clock.advance(20);
    assert.equal(errors.length, 1);
  });
});

describe('DiagnosticsScheduler on the real clock', () => {
  // An opened document is scheduled with no delay, armed with setImmediate (not a 1 ms timer): it
  // must still run, and still be cancellable.
  function real() {
    const published: number[] = [];
    const fired = { count: 0 };
    const s = new DiagnosticsScheduler<string>({
      get: () => { fired.count++; return { version: 1 }; },
      compute: () => 'x',
      publish: (_u, version) => published.push(version),
    });
    return { s, published, fired };
  }
  // Event-loop turns, not a wall-clock wait: a loaded machine can make any timer fire first.
  const turns = async (n: number, until: () => boolean = () => false) => {
    for (let i = 0; i < n && !until(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  it('a zero-delay run publishes', async () => {
    const { s, published } = real();
    s.schedule('a', 0);
    await turns(1000, () => published.length > 0);
    assert.deepEqual(published, [1]);
    s.dispose();
  });

  it('a zero-delay run cancelled before it starts never fires', async () => {
    const { s, published, fired } = real();
    s.schedule('a', 0);
    s.cancel('a');
    await turns(50);
    assert.deepEqual(published, []);
    assert.equal(fired.count, 0, "the cancelled run's callback still ran");
    s.dispose();
  });
});

describe('AnalysisCache', () => {
  const text = sample('000');
  const doc = (version: number, t = text, languageId = 'plaintext') => ({ uri: 'file:///a.txt', languageId, version, getText: () => t });

  it('parses once per version and shares the model', () => {
    const c = new AnalysisCache();
    const m1 = c.model(doc(1));
    assert.equal(c.model(doc(1)), m1);
    assert.equal(c.analysis(doc(1), {}).model, m1);
    assert.notEqual(c.model(doc(2)), m1);
  });

  it('analysisAsync gives what analyze() gives, and stops when asked', async () => {
    const c = new AnalysisCache();
    const a = await c.analysisAsync(doc(1), { locale: 'zh-cn' }, () => false, 0);
    assert.ok(a);
    assert.deepEqual(a.findings, analyze(text, { locale: 'zh-cn' }).findings);
    const c2 = new AnalysisCache();
    assert.equal(await c2.analysisAsync(doc(1), {}, () => true), null);
    assert.equal(c2.peek(doc(1)), undefined, 'a cancelled run caches nothing');
  });

  it('a settings change invalidates analyses but not the parse', () => {
    const c = new AnalysisCache();
    const a1 = c.analysis(doc(1), {});
    c.settingsChanged();
    assert.equal(c.peek(doc(1)), undefined);
    const a2 = c.analysis(doc(1), { severities: { GR010: 'off' } });
    assert.equal(a2.model, a1.model);
    assert.ok(!a2.findings.some((f) => f.code === 'GR010'));
  });

  it('decides which documents are reports', () => {
    assert.equal(isReportDocument('plaintext', text), true);
    assert.equal(isReportDocument('markdown', '# 笔记\n\n今天开会。'), false);
    assert.equal(isReportDocument('govreport', ''), true);
  });
});
