// Table rules on the real samples (test/fixtures/samples).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFixAll, applyEdits } from '../../server/src/core/features/fixAll';
import { hoverAt } from '../../server/src/core/features/hover';
import { inlayHints } from '../../server/src/core/features/inlay';
import { analyzeSample, at, sample } from './helpers';
import { analyze } from '../../server/src/core/analyze';

const ARITH = /^GR10[1-4]$/;

/** Skip (with the reason) while the reader does not find the sample's 表三. */
describe('sample 001 (镇坪县 2019, tab-separated)', () => {
  const a = analyzeSample('001');
  const text = a.model.source.text;
  const t3 = a.model.tables.find((t) => t.key === 'T3')!;
  const lineOf = (f: { span: { start: number } }) => a.model.source.lineIndexAt(f.span.start);
  const totalLine = a.model.source.allLines().findIndex((l) => /^\(七\)\s*总计/.test(l.text));

  it('T3: the （七） row disagrees: GR101 on its blank total, GR102 on 其他 / 总计; none is fixed on a guess', () => {
    const g101 = at(a, 'GR101');
    const onTotalRow = g101.filter((d) => lineOf(d.finding) === totalLine);
    assert.equal(onTotalRow.length, 1);
    // Several cells disagree at once: no single cell explains them, so none is blamed.
    assert.match(onTotalRow[0]!.message, /^（七）总计·总计 为 空（按 0 计），但各类申请人之和为 1（其他 1，其余为 0）；表中不止一处有误/);
    assert.ok(onTotalRow[0]!.finding.span.end > onTotalRow[0]!.finding.span.start, 'visible range');
    const g102 = at(a, 'GR102');
    const msgs = g102.map((d) => d.message);
    assert.ok(msgs.some((m) => m.startsWith('（七）总计·其他 为 1，但各办理结果之和为 0')), msgs.join('\n'));
    assert.ok(msgs.some((m) => m.startsWith('（七）总计·总计 为 空（按 0 计），但各办理结果之和为 1')), msgs.join('\n'));
    // Two short rows lack their 自然人 cell: a missing cell is never taken as 0, so the 自然人
    // column sum is not claimed.
    assert.ok(!msgs.some((m) => m.startsWith('（七）总计·自然人')), msgs.join('\n'));
    assert.ok(g102.every((d) => lineOf(d.finding) === totalLine));
    assert.ok(g102.every((d) => (d.finding.related?.length ?? 0) >= 17));
    // Short rows (GR109): the table's reading is not trusted, so no arithmetic fix is safe.
    assert.ok([...g101, ...g102].every((d) => !d.finding.fixes?.some((x) => x.safe)));
  });

  it('T3: 四 has no cells at all: the balance is not evaluated (GR103 claims nothing)', () => {
    assert.deepEqual(at(a, 'GR103').map((d) => d.message), []);
  });

  it('GR108 on "2. 其他法律法规禁止公开", keeping the numbering', () => {
    const g = at(a, 'GR108');
    const d = g.find((x) => x.text === '其他法律法规禁止公开');
    assert.ok(d, g.map((x) => x.text).join(','));
    const fixed = applyEdits(text, d.finding.fixes![0]!.edits);
    assert.match(fixed, /\t2\. 其他法律行政法规禁止公开\t/);
  });

  it('the short row is still read right (GR109) and its cells line up', () => {
    assert.ok(at(a, 'GR109').length >= 1);
    const disclosed = t3.rows.find((r) => r.key === 'disclosed')!;
    assert.equal(disclosed.cells.find((c) => c.column === 'natural')?.text, '1');
    assert.equal(disclosed.cells.find((c) => c.column === 'total')?.text, '1');
  });

  it('T4 has no data row: GR013', () => {
    assert.ok(at(a, 'GR013').some((d) => /表四/.test(d.message)));
  });

  it('pasted tables get GR112 with a rewrite that re-reads into the same figures', () => {
    const g = at(a, 'GR112');
    assert.ok(g.length >= 1);
    const onT3 = g.find((d) => d.finding.fixes?.length && a.model.tables.find((t) => t.key === 'T3' && d.finding.span.start >= t.span.start && d.finding.span.start < t.span.end));
    if (!onT3) return; // no placeable rewrite (a figure the reader could not place)
    const fix = onT3.finding.fixes![0]!;
    assert.equal(fix.kind, 'refactor.rewrite');
    assert.equal(fix.safe, false);
    const b = analyze(applyEdits(text, fix.edits));
    const md = b.model.tables.find((t) => t.key === 'T3')!;
    assert.equal(md.shape, 'markdown');
    assert.deepEqual(figures(md), figures(t3));
  });

  it('inlay: no cell is called wrong (several disagree, none located); the summary counts failures', () => {
    const hints = inlayHints(a);
    assert.ok(!hints.some((h) => h.label.startsWith('应为')), hints.map((h) => h.label).join(','));
    assert.ok(hints.some((h) => /勾稽关系 \d+ 处不成立/.test(h.label)));
  });

  it('hover on the blank （七）·总计 explains the sum, and like GR101 does not call the total wrong', () => {
    const d = at(a, 'GR101').find((x) => lineOf(x.finding) === totalLine)!;
    assert.match(d.message, /表中不止一处有误/);
    const h = hoverAt(a, d.finding.span.start);
    assert.ok(h);
    assert.match(h.markdown, /各项之和为 \*\*1\*\*/);
    assert.match(h.markdown, /表中不止一处有误，请逐格核对/);
    assert.doesNotMatch(h.markdown, /应为 \*\*1\*\*/);
  });

  it('fix-all: arithmetic fixed to a fixed point, nothing outside the tables touched, idempotent', () => {
    const r = computeFixAll(text);
    assert.equal(r.converged, true);
    const b = analyze(r.text);
    assert.deepEqual(b.findings.filter((f) => ARITH.test(f.code) && f.fixes?.some((x) => x.safe)).map((f) => f.message), []);
    assert.deepEqual(computeFixAll(r.text).edits, []);
    for (const e of r.edits) {
      assert.ok(a.model.tables.some((t) => e.span.start >= t.span.start && e.span.end <= t.span.end) || !/^\d*$/.test(e.newText), `edit outside tables: ${JSON.stringify(e)}`);
    }
  });
});

describe('sample 003 (宜君县 2020, one cell per line)', () => {
  const a = analyzeSample('003');
  it('T3 is consistent: no GR101–GR104', () => {
    assert.deepEqual(a.findings.filter((f) => ARITH.test(f.code)).map((f) => f.message), []);
  });
  it('T4 is blank throughout: one GR011, no GR107 on it', () => {
    const t4 = a.model.tables.find((t) => t.key === 'T4')!;
    const inT4 = (f: { span: { start: number } }) => f.span.start >= t4.span.start && f.span.start < t4.span.end;
    assert.equal(a.findings.filter((f) => f.code === 'GR011' && inT4(f)).length, 1);
    assert.equal(a.findings.filter((f) => f.code === 'GR107' && inT4(f)).length, 0);
  });
  it('GR108 on 政府集中釆购', () => {
    assert.ok(at(a, 'GR108').some((d) => d.text.includes('釆购')));
  });
  it('inlay summary on T3: nothing fails; the 8 checks through 四 (no cells there) are not claimed', () => {
    const t3 = a.model.tables.find((t) => t.key === 'T3')!;
    const hints = inlayHints(a, t3.span);
    // 四、结转下年度继续办理 has no figures: a missing cell is never taken as 0.
    assert.ok(hints.some((h) => h.label === '8 处无法核对'), hints.map((h) => h.label).join(','));
    assert.ok(!hints.some((h) => h.label.startsWith('✗')), hints.map((h) => h.label).join(','));
  });
});

describe('sample huaian-2024 (space-aligned, a clean report)', () => {
  const a = analyzeSample('huaian');
  it('every identity holds: no GR101–GR104', () => {
    assert.deepEqual(a.findings.filter((f) => ARITH.test(f.code)).map((f) => f.message), []);
  });
  it('the 总计 column balances: 3119 + 34 = 3050 + 103 (hover on 四·总计)', () => {
    const t3 = a.model.tables.find((t) => t.key === 'T3')!;
    const cell = t3.rows.find((r) => r.key === 'carriedOut')?.cells.find((c) => c.column === 'total');
    assert.equal(cell?.text, '103');
    const h = hoverAt(a, cell!.start)!;
    assert.match(h.markdown, /应为 \*\*103\*\*/);
    assert.match(h.markdown, /3119/);
    assert.match(h.markdown, /相符/);
  });
});

describe('samples: every table rule keeps quiet where it should', () => {
  for (const p of ['000', '002', '004']) {
    it(`${p} has no tables: no table findings`, () => {
      const a = analyzeSample(p);
      assert.deepEqual(a.findings.filter((f) => /^GR(011|013|1\d\d)$/.test(f.code)).map((f) => f.code), []);
    });
  }
  it('sample text is read as is', () => {
    assert.ok(sample('001').length > 1000);
  });
});

function figures(t: import('../../server/src/core/model/types').Table): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of t.rows) {
    if (!r.key) continue;
    for (const c of r.cells) {
      if (!c.column) continue;
      const k = `${r.key}|${c.column}`;
      if (!(k in out) || out[k] === '') out[k] = c.value.kind === 'number' ? `${c.value.units}/${c.value.scale}` : c.value.kind === 'blank' ? '' : c.text;
    }
  }
  for (const k of Object.keys(out)) if (out[k] === '') delete out[k];
  return out;
}
