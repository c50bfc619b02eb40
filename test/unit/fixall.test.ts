// computeFixAll / applyEdits / diffEdits: fixed point, minimal edits against the original, idempotence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeModel, type Analysis } from '../../server/src/core/analyze';
import type { Finding, TextEdit } from '../../server/src/core/types';
import { applyEdits, computeFixAll, diffEdits } from '../../server/src/core/features/fixAll';
import { parseReport } from '../../server/src/core/parse/report';
import type { VersionId } from '../../server/src/core/standard/types';
import { analyzeMini, consistentT3, consistentT4, report } from './tableFixture';

const t3 = () => consistentT3('2021', (r, c) => (r === 'disclosed' && c === 'natural' ? 12 : r === 'unable.notHeld' && c === 'business' ? 4 : 0), (c) => (c === 'natural' ? 3 : 0), (c) => (c === 'natural' ? 5 : 0));
const t4 = () => consistentT4((b, r) => (r === 'upheld' ? 3 : r === 'pending' ? 1 : 0));
const mini = (version: VersionId) => (text: string) => analyzeMini(text, version);

/** An analysis with one error finding whose safe fix is `edits` (no tables). */
function fakeAnalysis(edits: TextEdit[]): Analysis {
  const finding: Finding = { code: 'GR999', severity: 'error', span: { start: 0, end: 1 }, message: 'x', fixes: [{ title: 'x', edits, safe: true }] };
  return { model: parseReport(''), findings: [finding], cancelled: false };
}

describe('applyEdits / diffEdits', () => {
  it('applyEdits applies in any order and drops overlaps', () => {
    assert.equal(applyEdits('abcdef', [{ span: { start: 4, end: 5 }, newText: 'X' }, { span: { start: 1, end: 2 }, newText: 'YY' }]), 'aYYcdXf');
    assert.equal(applyEdits('abcdef', [{ span: { start: 1, end: 4 }, newText: '-' }, { span: { start: 2, end: 3 }, newText: '+' }]), 'a-ef');
    assert.equal(applyEdits('abc', [{ span: { start: 3, end: 3 }, newText: 'd' }]), 'abcd');
  });

  it('diffEdits: per-cell edits on changed lines, whole hunks when lines are added', () => {
    const a = '一\n| a | 1 | 2 |\n三\n';
    const b = '一\n| a | 7 | 2 |\n三\n';
    assert.deepEqual(diffEdits(a, b), [{ span: { start: 8, end: 9 }, newText: '7' }]);
    const c = 'x\ny\n';
    const d = 'x\nnew\ny\n';
    const e = diffEdits(c, d);
    assert.equal(applyEdits(c, e), d);
    assert.deepEqual(diffEdits(a, a), []);
  });

  it('diffEdits never splits a surrogate pair and keeps CRLF', () => {
    const a = '𠀀1\r\n𠀀2\r\n';
    const b = '𠀁1\r\n𠀀3\r\n';
    const e = diffEdits(a, b);
    assert.equal(applyEdits(a, e), b);
    for (const x of e) {
      const s = a.charCodeAt(x.span.start);
      assert.ok(!(s >= 0xdc00 && s <= 0xdfff), 'starts on a low surrogate');
    }
  });

  it('random texts: applyEdits(a, diffEdits(a, b)) === b', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const alphabet = ['a', '1', '|', '\t', '\n', '\r\n', '表', '𠀀', ' '];
    for (let k = 0; k < 300; k++) {
      const mk = () => Array.from({ length: rnd(30) }, () => alphabet[rnd(alphabet.length)]).join('');
      const a = mk();
      const b = rnd(2) ? mk() : a.replace(/1/g, '2');
      assert.equal(applyEdits(a, diffEdits(a, b)), b);
    }
  });
});

describe('computeFixAll', () => {
  it('nothing to fix: no edits, 0 rounds', () => {
    const text = report('2021', { t3: t3(), t4: t4() });
    const r = computeFixAll(text, { analyzeFn: mini('2021'), codes: ['GR101', 'GR102', 'GR103', 'GR104'] });
    assert.deepEqual(r.edits, []);
    assert.equal(r.rounds, 0);
    assert.equal(r.text, text);
  });

  it('one wrong total: restored exactly, one pass; the changes say cell, old → new, rule', () => {
    const f = t3();
    f.set('disclosed|total', '15'); // should be 12: its row sum and the 总计 column sum fail
    const text = report('2021', { t3: f, t4: t4() });
    const r = computeFixAll(text, { analyzeFn: mini('2021'), codes: ['GR101', 'GR102', 'GR103', 'GR104'] });
    assert.equal(r.converged, true);
    assert.equal(r.text, report('2021', { t3: t3(), t4: t4() }));
    assert.equal(r.rounds, 1);
    assert.equal(r.edits.length, 1);
    assert.deepEqual(r.changes.map((c) => [c.cell, c.oldText, c.newText, c.codes.join()]), [['（一）予以公开·总计', '15', '12', 'GR101,GR102']]);
    assert.deepEqual(r.remaining, []);
  });

  it('two wrong totals: no single cell explains them, nothing is written', () => {
    const f = t3();
    f.set('disclosed|total', '15'); // should be 12
    f.set('total|total', '20'); // should be 16
    const text = report('2021', { t3: f, t4: t4() });
    const r = computeFixAll(text, { analyzeFn: mini('2021'), codes: ['GR101', 'GR102', 'GR103', 'GR104'] });
    assert.equal(r.converged, true);
    assert.deepEqual(r.edits, []);
    const left = analyzeMini(r.text, '2021').findings.filter((x) => /^GR10[1-4]$/.test(x.code));
    assert.ok(left.length >= 3);
    assert.ok(left.every((x) => !x.fixes?.some((y) => y.safe)));
    assert.ok(left.every((x) => /无法确定哪一格有误|表中不止一处有误/.test(x.message)), left.map((x) => x.message).join('\n'));
  });

  it('CRLF text stays CRLF', () => {
    const f = t3();
    f.set('total|natural', '99');
    const text = report('2021', { t3: f, t4: t4() }, 'markdown', '\r\n');
    const r = computeFixAll(text, { analyzeFn: (t) => analyzeModel(withMini(t, '2021', '\r\n')) });
    assert.ok(r.edits.length > 0);
    assert.ok(!/[^\r]\n/.test(r.text), 'a bare LF appeared');
  });

  it('never touches an unreadable table', () => {
    const f4 = t4();
    f4.set('data|review.total', '99');
    const text = report('2021', { t3: t3(), t4: f4 });
    const fn = (t: string) => {
      const model = withMini(t, '2021');
      for (const tb of model.tables) if (tb.key === 'T4') tb.readable = false;
      return analyzeModel(model);
    };
    const r = computeFixAll(text, { analyzeFn: fn });
    const t4span = fn(text).model.tables.find((x) => x.key === 'T4')!.span;
    assert.ok(r.edits.every((e) => e.span.end <= t4span.start || e.span.start >= t4span.end));
    assert.match(r.text, /99/);
  });

  it('blank cells filled with 0 stay right-aligned under ---:', () => {
    const text = report('2021', { t3: t3(), t4: t4() });
    const r = computeFixAll(text, { analyzeFn: mini('2021'), codes: ['GR011'] });
    assert.match(r.text, /\| 规章 +\| +0 \| +0 \| +0 \|/);
    assert.equal(r.text.length, text.length);
  });

  it('codes restricts the rules applied', () => {
    const f = t3();
    f.set('disclosed|business', '');
    f.set('total|natural', '99');
    const text = report('2021', { t3: f, t4: t4() });
    // GR101 is not applied; GR107's fill-with-0 is the author's choice, never applied by fix-all.
    const r = computeFixAll(text, { analyzeFn: mini('2021'), codes: ['GR107'] });
    assert.match(r.text, /99/);
    assert.equal(r.edits.length, 0);
    const all = computeFixAll(text, { analyzeFn: mini('2021') });
    assert.doesNotMatch(all.text, /\| 99 \|/);
  });

  it('maxRounds bounds the work and says when it did not converge', () => {
    // A stand-in analysis that always offers one more safe fix (a counter that keeps growing).
    const grow = (text: string) => fakeAnalysis([{ span: { start: 0, end: text.length }, newText: String(Number(text) + 1) }]);
    const r1 = computeFixAll('1', { analyzeFn: grow, maxRounds: 3 });
    assert.equal(r1.converged, false);
    assert.equal(r1.stopped, 'maxRounds');
    assert.equal(r1.rounds, 3);
    assert.equal(r1.text, '4');
    assert.equal(r1.iterations, 4);
  });

  it('fixes that go round in circles: stops at the repeat, says so, never loops', () => {
    const flip = (text: string) => fakeAnalysis([{ span: { start: 0, end: 1 }, newText: text[0] === 'a' ? 'b' : 'a' }]);
    const r = computeFixAll('a', { analyzeFn: flip, maxRounds: 50 });
    assert.equal(r.converged, false);
    assert.equal(r.stopped, 'oscillation');
    assert.equal(r.rounds, 1);
    assert.ok(r.iterations <= 3);
    // The error it touched is still there, and the result says so.
    assert.equal(r.remaining.length, 1);
  });

  it('a located leaf: restored in one round, then a fixed point', () => {
    const f = t3();
    f.set('disclosed|natural', '20'); // should be 12
    const text = report('2021', { t3: f, t4: t4() });
    const codes = ['GR101', 'GR102', 'GR103', 'GR104'];
    const r = computeFixAll(text, { analyzeFn: mini('2021'), codes });
    assert.equal(r.converged, true);
    assert.equal(r.rounds, 1);
    assert.equal(r.text, report('2021', { t3: t3(), t4: t4() }));
    assert.deepEqual(computeFixAll(r.text, { analyzeFn: mini('2021'), codes }).edits, []);
  });

});

/** The real reader's model; fails when it reads no table (no stand-in can hide a regression). */
function withMini(text: string, _version: VersionId, _eol = '\n') {
  const model = parseReport(text);
  if (model.tables.length === 0) throw new Error('the table reader read no table');
  return model;
}
