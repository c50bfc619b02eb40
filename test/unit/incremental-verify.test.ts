/**
 * The idle check of an incrementally parsed model against a full parse, in steps
 * (core/incremental/verify.ts, AnalysisCache.verifyAsync, lsp/idleVerify.ts): its full parse is
 * parseReport's, it finds a divergence and switches to the full model, and a change of the
 * document (or cancel) stops it between steps without deciding anything.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { modelDifference, valueDifference } from '../../server/src/core/incremental/compare';
import { verify, verifySteps } from '../../server/src/core/incremental/verify';
import type { ReportModel } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { readTables, readTablesSteps } from '../../server/src/core/parse/tables/index';
import { SourceText } from '../../server/src/core/text/source';
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

describe('readTablesSteps (the idle check\'s table read, in steps)', () => {
  // Every sample (all five shapes) three times, and a long space-aligned PDF text one line lower
  // (its tokens at a line index are not the other text's): yields in every phase.
  const mixed = Array.from({ length: 3 }, () => SAMPLES.map(sample).join('\n')).join('\n');
  const pdf = '前言\n' + Array.from({ length: 30 }, () => sample('huaian')).join('\n');
  const run = (steps: Generator<void, ReturnType<typeof readTables>, void>) => {
    let s = steps.next();
    while (!s.done) s = steps.next();
    return s.value;
  };

  it('yields every few thousand lines, within the space-aligned scan too', () => {
    const src = new SourceText(pdf);
    const steps = readTablesSteps(src);
    let n = 0;
    while (!steps.next().done) n++;
    // Classification every 4096 lines and the space-aligned scan every 2048, besides the phases.
    assert.ok(n >= Math.floor(src.lineCount / 4096) + Math.floor(src.lineCount / 2048) + 3, `${n} steps for ${src.lineCount} lines`);
  });

  it('the idle check\'s full parse of a long text, read in many steps, is parseReport\'s', () => {
    const ref = parseReport(mixed);
    const v = verify(ref);
    assert.equal(v.difference, null);
    assert.equal(modelDifference(v.full, ref), null);
  });

  it('paused at any step, other reads meanwhile (one abandoned) change nothing of its result', () => {
    // The same lines with other numbers: what another read leaves in a shared cache would show.
    const other = mixed.replace(/[0-9]/g, (d) => String((Number(d) + 3) % 10));
    const ref = readTables(new SourceText(mixed));
    const refOther = readTables(new SourceText(other));
    let total = 0;
    for (const steps = readTablesSteps(new SourceText(mixed)); !steps.next().done;) total++;
    for (let k = 0; k <= total; k++) {
      const a = readTablesSteps(new SourceText(mixed));
      for (let i = 0; i < k; i++) a.next();
      // Another read in full, and one paused at the same step and left there (a newer version stops a check).
      assert.equal(valueDifference(readTables(new SourceText(other)), refOther), null, `read while paused at ${k}`);
      const abandoned = readTablesSteps(new SourceText(other));
      for (let i = 0; i < k; i++) abandoned.next();
      assert.equal(valueDifference(run(a), ref), null, `paused at step ${k} of ${total}`);
    }
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
