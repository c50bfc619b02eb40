/**
 * The idle check of an incrementally parsed model against a full parse, in steps
 * (core/incremental/verify.ts, AnalysisCache.verifyAsync, lsp/idleVerify.ts): its full parse is
 * parseReport's, it finds a divergence and switches to the full model, and a change of the
 * document (or cancel) stops it between steps without deciding anything.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { modelDifference } from '../../server/src/core/incremental/compare';
import { verify, verifySteps } from '../../server/src/core/incremental/verify';
import type { ReportModel } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { AnalysisCache } from '../../server/src/lsp/analysisCache';
import { IdleVerifier } from '../../server/src/lsp/idleVerify';
import { SAMPLES_DIR, sample } from './helpers';

const SAMPLES = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => f.replace(/\.txt$/, ''));

/** A document whose text the test changes in place (as TextDocuments updates its documents). */
function editable(text: string) {
  const d = { uri: 'file:///r.txt', languageId: 'govreport', version: 1, text, getText: () => d.text };
  return d;
}

/** Inserts a character at the end of line 3 (outside any table): the next model is parsed incrementally. */
function typeOne(d: { version: number; text: string }): void {
  const at = d.text.split('\n').slice(0, 3).join('\n').length;
  d.text = d.text.slice(0, at) + '。' + d.text.slice(at);
  d.version++;
}

/** huaian analysed, then one character typed and analysed again (an incremental model). */
function analysedAfterOneEdit() {
  const cache = new AnalysisCache();
  const d = editable(sample('huaian'));
  cache.analysis(d, {});
  typeOne(d);
  return { cache, d, a: cache.analysis(d, {}) };
}

/** A wrong table in an incremental model: what the idle check is there to catch. */
function corrupt(m: ReportModel): void {
  const t = m.tables[m.tables.length - 1]!;
  t.span = { start: t.span.start, end: t.span.end + 1 };
}

describe('idle verification in steps', () => {
  it('its full parse is parseReport on every sample (the steps are parseReport\'s own)', () => {
    for (const name of SAMPLES) {
      const text = sample(name);
      const ref = parseReport(text);
      const v = verify(ref);
      assert.equal(v.difference, null, name);
      assert.equal(modelDifference(v.full, ref), null, name);
    }
  });

  it('finds a divergence, and where', () => {
    const text = sample('huaian');
    const m = parseReport(text);
    corrupt(m);
    const v = verify(m);
    assert.match(v.difference ?? '', /^model\..*tables\[\d+\]\.span\.end$/);
    assert.equal(modelDifference(v.full, parseReport(text)), null);
  });

  it('yields between steps', () => {
    const steps = verifySteps(parseReport(sample('huaian')));
    let n = 0;
    while (!steps.next().done) n++;
    assert.ok(n >= 3, `${n} steps`);
  });

  it('AnalysisCache.verifyAsync switches to the full model on a divergence and drops the analysis', async () => {
    const { cache, d, a } = analysedAfterOneEdit();
    corrupt(a.model);
    const diff = await cache.verifyAsync(d, () => false, 0);
    assert.match(diff ?? '', /tables\[\d+\]\.span\.end$/);
    assert.equal(cache.peek(d, {}), undefined, 'the analysis of the wrong model is dropped');
    assert.notEqual(cache.model(d), a.model);
    assert.equal(modelDifference(cache.model(d), parseReport(d.text)), null);
    assert.equal(await cache.verifyAsync(d, () => false, 0), null, 'the full model needs no check');
  });

  it('AnalysisCache.verifyAsync finds nothing on a correct incremental model, and the next check is skipped', async () => {
    const { cache, d, a } = analysedAfterOneEdit();
    assert.equal(await cache.verifyAsync(d, () => false, 0), null);
    assert.equal(cache.peek(d, {}), a, 'the analysis stays');
  });

  it('a change of the document during the check stops it without deciding', async () => {
    const { cache, d, a } = analysedAfterOneEdit();
    corrupt(a.model);
    const pending = cache.verifyAsync(d, () => false, 0);
    typeOne(d); // a keystroke arrives while the check waits for its next slice
    assert.equal(await pending, null);
    const stopped = cache.verifyAsync({ ...d, version: d.version - 1 }, () => false, 0);
    assert.equal(await stopped, null, 'nothing cached for that version');
  });

  it('stop() ends the check between steps', async () => {
    const { cache, d, a } = analysedAfterOneEdit();
    corrupt(a.model);
    let stop = false;
    const pending = cache.verifyAsync(d, () => stop, 0);
    stop = true;
    assert.equal(await pending, null);
    assert.equal(cache.model(d), a.model, 'the model stays until a check completes');
    assert.ok(await cache.verifyAsync(d, () => false, 0), 'a later check still finds it');
  });
});

describe('IdleVerifier', () => {
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('re-publishes after a difference', async () => {
    const republished: string[] = [];
    const logs: string[] = [];
    const v = new IdleVerifier({ verify: async () => 'model.tables[0]', republish: (u) => republished.push(u), log: (m) => logs.push(m), delayMs: 1 });
    v.touch('a');
    await settle(20);
    assert.deepEqual(republished, ['a']);
    assert.equal(v.stats.differed, 1);
    assert.match(logs[0] ?? '', /differed from the full parse at model\.tables\[0\]/);
  });

  it('cancel() during a check tells it to stop', async () => {
    let stopped: (() => boolean) | undefined;
    let finish!: (d: string | null) => void;
    const v = new IdleVerifier({
      verify: (_u, stop) => { stopped = stop; return new Promise((r) => { finish = r; }); },
      republish: () => assert.fail('no re-publish'), log: () => undefined, delayMs: 1,
    });
    v.touch('a');
    await settle(20);
    assert.equal(stopped?.(), false);
    v.cancel('a');
    assert.equal(stopped?.(), true);
    finish(null);
    await settle(5);
    v.dispose();
  });
});
