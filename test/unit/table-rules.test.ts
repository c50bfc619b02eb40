// Table rules GR011, GR013, GR101–GR112 on small Markdown fixtures whose figures the test controls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../server/src/core/analyze';
import { applyEdits, computeFixAll } from '../../server/src/core/features/fixAll';
import { hoverAt } from '../../server/src/core/features/hover';
import { inlayHints } from '../../server/src/core/features/inlay';
import type { VersionId } from '../../server/src/core/standard/types';
import { analyzeMini, consistentT3, consistentT4, report, type Figures } from './tableFixture';

const TABLE_CODES = /^GR(011|013|1\d\d)$/;

function run(version: VersionId, t3?: Figures, t4?: Figures, t2?: Map<'T2.1' | 'T2.5' | 'T2.6' | 'T2.8' | 'T2.9', Figures>) {
  const text = report(version, { ...(t3 ? { t3 } : {}), ...(t4 ? { t4 } : {}), ...(t2 ? { t2 } : {}) });
  const a = analyzeMini(text, version);
  return { text, a, table: (code: string) => a.findings.filter((f) => f.code === code) };
}

const tableCodes = (a: Analysis) => a.findings.filter((f) => TABLE_CODES.test(f.code) && f.code !== 'GR011').map((f) => f.code);
const slice = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

/** 表三 with a few cases: 予以公开 12 + 部分公开 3 by 自然人, 2 by 法律服务机构 under （六）3; 2 carried in, 1 out. */
const baseT3 = (version: VersionId = '2021') => consistentT3(version, (r, c) => {
  if (r === 'disclosed' && c === 'natural') return 12;
  if (r === 'partial' && c === 'natural') return 3;
  if (r === (version === '2021' ? 'other.other' : 'other') && c === 'legal') return 2;
  return 0;
}, (c) => (c === 'natural' ? 2 : 0), (c) => (c === 'natural' ? 1 : 0));
const baseT4 = () => consistentT4((b, r) => (r === 'upheld' ? 2 : b === 'review' ? 1 : 0));

describe('table rules: a consistent report is clean', () => {
  for (const version of ['2019', '2021'] as const) {
    it(`${version}: consistent 表三/表四 give no GR101–GR104, and the inlay summary says ✓`, () => {
      const { a } = run(version, baseT3(version), baseT4());
      assert.deepEqual(tableCodes(a).filter((c) => /GR10[1-4]/.test(c)), []);
      const summaries = inlayHints(a).filter((h) => h.label.includes('勾稽'));
      assert.equal(summaries.length, 2);
      assert.ok(summaries.every((h) => h.label === '✓ 勾稽关系成立'));
    });
  }
});

describe('GR101–GR104: exact sums, named cells, the wrong cell', () => {
  it('GR102 names the cell, both values and the non-zero terms; related on every summed cell', () => {
    const t3 = baseT3();
    t3.set('total|natural', '20');
    const { text, table } = run('2021', t3, baseT4());
    const [f] = table('GR102');
    assert.ok(f);
    assert.equal(f.message, '（七）总计·自然人 为 20，但各办理结果之和为 15（（一）予以公开 12 + （二）部分公开 3，其余为 0）');
    assert.equal(slice(text, f), '20');
    // The two other identities the wrong cell breaks (its row sum, its column's balance) come
    // first, then the 21 outcome rows (2021) it sums.
    assert.equal(f.related?.length, 23);
    assert.match(f.related![0]!.message, /^同样不成立：/);
    assert.ok(f.related!.every((r) => r.span.end > r.span.start));
    const fix = f.fixes![0]!;
    assert.equal(fix.safe, true);
    assert.equal(fix.title, '将（七）总计·自然人改为 15');
    // The Markdown cell is re-padded: same width, pipes stay where they were.
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed.length, text.length);
    assert.match(fixed, /\| {5}15 \| {8}0 \|/);
  });

  it('one wrong cell in two identities: both findings sit on it and name it; no correct cell is blamed', () => {
    const t3 = baseT3();
    t3.set('new|natural', '20'); // was 14: its row total (16) and its column's balance now fail
    const { text, table } = run('2021', t3, baseT4());
    const [r] = table('GR101');
    assert.equal(r!.message, '疑似一、本年新收政府信息公开申请数量·自然人有误（应为 14）：一、本年新收政府信息公开申请数量·总计 为 16，但各类申请人之和为 22（自然人 20 + 法律服务机构 2，其余为 0）');
    assert.equal(slice(text, r!), '20');
    const g = table('GR103');
    assert.equal(g.length, 1);
    // Not "四 应为 7": 四 is right, the localisation pins 一·自然人.
    assert.equal(g[0]!.message, '“自然人”列勾稽关系不成立：一 + 二 = 22（一 20 + 二 2），但（七）+ 四 = 16（（七） 15 + 四 1）；疑似一、本年新收政府信息公开申请数量·自然人有误，应为 14');
    assert.equal(slice(text, g[0]!), '20');
    for (const f of [r!, g[0]!]) {
      assert.equal(f.fixes!.length, 1);
      assert.equal(f.fixes![0]!.safe, true);
      assert.equal(f.fixes![0]!.edits[0]!.newText.trim(), '14');
    }
  });

  it('GR103: no fix when 四 would be negative', () => {
    const t3 = baseT3();
    t3.set('new|natural', '0');
    t3.set('new|total', '2');
    const { table } = run('2021', t3, baseT4());
    const g = table('GR103');
    assert.equal(g.length, 2); // 自然人 and 总计 columns
    assert.ok(g.every((x) => x.fixes === undefined));
  });

  it('a difference of 0 is never reported; blank counts 0; sums are exact bigint', () => {
    const t3 = baseT3();
    t3.set('disclosed|business', ''); // blank = 0: nothing changes
    t3.set('partial|natural', '900719925474099300'); // beyond 2^53
    t3.set('partial|total', '900719925474099300');
    t3.set('total|natural', '900719925474099312');
    t3.set('total|total', '900719925474099314');
    t3.set('new|natural', '900719925474099311');
    t3.set('new|total', '900719925474099313');
    const { a } = run('2021', t3, baseT4());
    assert.deepEqual(tableCodes(a).filter((c) => /GR10[1-4]/.test(c)), []);
  });

  it('GR104 on a 表四 block total', () => {
    const t4 = baseT4();
    t4.set('data|direct.total', '9');
    const { text, table } = run('2021', baseT3(), t4);
    const [f] = table('GR104');
    // Each 表四 cell is in one identity only: any of the five could be the wrong one.
    assert.equal(f!.message, '行政诉讼·未经复议直接起诉·总计 为 9，但结果维持、结果纠正、其他结果、尚未审结之和为 2（结果维持 2，其余为 0）；无法确定哪一格有误，可能是：行政诉讼·未经复议直接起诉·总计（→ 2）、行政诉讼·未经复议直接起诉·结果维持（→ 9）、行政诉讼·未经复议直接起诉·结果纠正（→ 7）、行政诉讼·未经复议直接起诉·其他结果（→ 7）、行政诉讼·未经复议直接起诉·尚未审结（→ 7）');
    assert.equal(slice(text, f!), '9');
    assert.equal(f!.related!.length, 4);
    assert.equal(f!.fixes!.length, 5);
    assert.ok(f!.fixes!.every((x) => !x.safe));
    assert.equal(f!.fixes![0]!.title, '假设 行政诉讼·未经复议直接起诉·总计 有误：改为 2');
  });

  it('a blank total: the diagnostic range is visible (widened over the cell padding)', () => {
    const t4 = baseT4();
    t4.set('data|review.total', '');
    const { text, table } = run('2021', baseT3(), t4);
    const [f] = table('GR104');
    assert.match(f!.message, /^行政复议·总计 为 空（按 0 计），但/);
    assert.ok(f!.span.end > f!.span.start);
    assert.match(slice(text, f!), /^ +$/);
    // The blank total is not reported a second time as GR107.
    assert.equal(table('GR107').length, 0);
    // The fix fills the cell in place.
    const fixed = applyEdits(text, f!.fixes![0]!.edits);
    assert.match(fixed, /\| 行政复议 +\| +2 \| +1 \| +1 \| +1 \| +5 \|/);
  });
});

describe('GR105 / GR106 / GR107 / GR011', () => {
  it('GR105: "无" is a placeholder (counted 0, a fix to 0 only on request); text is left out and its identities skipped', () => {
    const t3 = baseT3();
    t3.set('partial|business', '无');
    t3.set('withheld.query|research', '见附件');
    const { text, table, a } = run('2021', t3, baseT4());
    const f = table('GR105');
    assert.equal(f.length, 2);
    const ph = f.find((x) => slice(text, x) === '无')!;
    // What the author wrote as text is never turned into a figure by fix-all.
    assert.equal(ph.fixes![0]!.safe, false);
    assert.equal(ph.fixes![0]!.edits[0]!.newText.trim(), '0');
    const tx = f.find((x) => slice(text, x) === '见附件')!;
    assert.equal(tx.fixes, undefined);
    // No arithmetic diagnostic on the text cell's row or column, none twice.
    assert.deepEqual(tableCodes(a).filter((c) => /GR10[1-4]/.test(c)), []);
  });

  it('a table holding text gets no safe arithmetic fix', () => {
    const t3 = baseT3();
    t3.set('withheld.query|research', '见附件');
    t3.set('total|natural', '99');
    const { table } = run('2021', t3, baseT4());
    const [f] = table('GR102');
    assert.ok(f);
    assert.equal(f.fixes![0]!.safe, false);
  });

  it('GR106: negative or decimal counts; 本年增/减 may be negative', () => {
    const t3 = baseT3();
    t3.set('disclosed|business', '-2');
    t3.set('disclosed|research', '1.5');
    const t2 = new Map([['T2.5' as const, new Map([['license|lastYear', '10'], ['license|delta', '-3'], ['license|decisions', '4']])]]);
    const { text, table } = run('2019', t3, baseT4(), t2);
    const f = table('GR106');
    assert.deepEqual(f.map((x) => slice(text, x)).sort(), ['-2', '1.5']);
  });

  it('GR107 one hint per table whose (unsafe) fix fills all its blanks; a whole-blank table gets one GR011', () => {
    const t3 = baseT3();
    t3.set('disclosed|business', '');
    t3.set('partial|legal', '');
    const { text, table } = run('2021', t3, new Map());
    const g107 = table('GR107');
    assert.equal(g107.length, 1);
    assert.match(g107[0]!.message, /^本表 2 个空格按 0 计（表三：/);
    assert.equal(g107[0]!.fixes!.length, 1);
    assert.equal(g107[0]!.fixes![0]!.safe, false);
    assert.equal(g107[0]!.fixes![0]!.edits.length, 2);
    const filled = applyEdits(text, g107[0]!.fixes![0]!.edits);
    assert.equal(analyzeMini(filled, '2021').findings.filter((x) => x.code === 'GR107').length, 0);
    // 表四 blank throughout, and the empty T2 sub-tables: one GR011 each, no GR107 for them.
    const g011 = table('GR011');
    assert.equal(g011.length, 5);
  });
});

describe('GR013', () => {
  it('a missing T3 row is reported by name; the (unsafe) fix inserts it in its place', () => {
    const { text } = run('2021', baseT3(), baseT4());
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('2.重复申请'));
    const cut = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    const a = analyzeMini(cut, '2021');
    const f = a.findings.filter((x) => x.code === 'GR013');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.message, '表三缺少1行：“（五）2.重复申请”');
    const fix = f[0]!.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyEdits(cut, fix.edits);
    const fl = fixed.split('\n');
    assert.match(fl[i]!, /^\| 　　2\.重复申请 \|/);
    assert.match(fl[i - 1]!, /1\.信访举报投诉类申请/);
    const b = analyzeMini(fixed, '2021');
    assert.equal(b.findings.filter((x) => x.code === 'GR013').length, 0);
    // The inserted row's 7 blanks: one GR107 for the table.
    const g107 = b.findings.filter((x) => x.code === 'GR107');
    assert.equal(g107.length, 1);
    assert.match(g107[0]!.message, /^本表 7 个空格按 0 计/);
  });
});

describe('GR108 / GR109 / GR110 / GR111', () => {
  it('GR108: a variant label gets the standard one, numbering kept', () => {
    const { text } = run('2019', baseT3('2019'), baseT4());
    const variant = text.replace('2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开    ');
    const a = analyzeMini(variant, '2019');
    const f = a.findings.filter((x) => x.code === 'GR108');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.message, '“其他法律法规禁止公开”不是标准名称，应为“其他法律行政法规禁止公开”');
    assert.equal(variant.slice(f[0]!.span.start, f[0]!.span.end), '其他法律法规禁止公开');
    // The Markdown cell keeps its width: the fixed text is the canonical one again.
    assert.equal(applyEdits(variant, f[0]!.fixes![0]!.edits), text);
  });

  it('GR109: a row with a cell too few', () => {
    const { text } = run('2021', baseT3(), baseT4());
    const short = text.replace(/(\| 　　2\.重复申请 +\|[^|]*\|)[^|]*\|/, '$1');
    const a = analyzeMini(short, '2021');
    const f = a.findings.filter((x) => x.code === 'GR109');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /只有 6 个数值单元格，应为 7 个/);
  });

  it('GR110: 2021 （八） amount header without 万元; a cell in 元', () => {
    const text0 = report('2021', { t2: new Map([['T2.8', new Map([['fees|amount', '12.5']])]]) });
    const text = text0.replace('本年收费金额（单位：万元）', '本年收费金额             ');
    const a = analyzeMini(text, '2021');
    assert.equal(a.findings.filter((f) => f.code === 'GR110').length, 1);
    const b = analyzeMini(report('2021', { t2: new Map([['T2.8', new Map([['fees|amount', '125000元']])]]) }), '2021');
    const w = b.findings.filter((f) => f.code === 'GR110');
    assert.equal(w.length, 1);
    assert.match(w[0]!.message, /以“元”为单位/);
  });

  it('GR111: 本年新公开数量 > 对外公开总数量; more than six decimals in 万元', () => {
    const a = analyzeMini(report('2019', { t2: new Map([['T2.1', new Map([['rules|newMade', '1'], ['rules|newPublished', '9'], ['rules|totalPublished', '5']])]]) }), '2019');
    assert.equal(a.findings.filter((f) => f.code === 'GR111').length, 1);
    const b = analyzeMini(report('2021', { t2: new Map([['T2.8', new Map([['fees|amount', '1.1234567']])]]) }), '2021');
    assert.equal(b.findings.filter((f) => f.code === 'GR111').length, 1);
  });
});

describe('hover and inlay hints', () => {
  it('inlay: "应为 N" only after the located wrong cell; the summary counts the failures', () => {
    const t3 = baseT3();
    t3.set('total|natural', '20');
    const { text, a } = run('2021', t3, baseT4());
    const hints = inlayHints(a);
    // (七)·自然人 breaks its column (GR102), its row (GR101) and its balance (GR103); it is the one
    // cell that explains all three, so only it gets "应为" (not （七）·总计 nor 四, which are right).
    const should = hints.filter((h) => h.label.startsWith('应为'));
    assert.deepEqual(should.map((h) => h.label), ['应为 15']);
    assert.equal(text.slice(should[0]!.offset - 2, should[0]!.offset), '20');
    assert.ok(hints.some((h) => /勾稽关系 \d+ 处不成立/.test(h.label)));
    // Restricted to a span: only the hints inside it.
    assert.deepEqual(inlayHints(a, { start: 0, end: 10 }), []);
  });

  it('hover on a total: the expected sum, term by term; on a label: the row doc', () => {
    const t3 = baseT3();
    t3.set('total|natural', '20');
    const { text, a } = run('2021', t3, baseT4());
    const at = text.indexOf('| 　（七）总计');
    const cell = text.indexOf(' 20 ', at) + 1;
    const h = hoverAt(a, cell)!;
    assert.ok(h);
    assert.match(h.markdown, /\*\*（七）总计·自然人\*\* 应为 \*\*15\*\*/);
    assert.match(h.markdown, /（一）予以公开 \| 12/);
    assert.match(h.markdown, /相差 \+5/);
    const label = hoverAt(a, at + 5)!;
    assert.match(label.markdown, /本年度办理结果之和/);
    assert.equal(hoverAt(a, 0), null);
  });
});

describe('fix-all on Markdown', () => {
  it('reaches a fixed point: nothing fixable left, the rest of the text unchanged, idempotent', () => {
    const t3 = baseT3();
    t3.set('disclosed|natural', '10');
    t3.set('partial|business', '—');
    t3.set('disclosed|legal', '');
    const t4 = baseT4();
    t4.set('data|afterReview.total', '7');
    const { text } = run('2021', t3, t4);
    const fn = (t: string) => analyzeMini(t, '2021');
    const r = computeFixAll(text, { analyzeFn: fn });
    assert.equal(r.converged, true);
    assert.equal(applyEdits(text, r.edits), r.text);
    const after = fn(r.text);
    const left = after.findings.filter((f) => f.fixes?.some((x) => x.safe) && TABLE_CODES.test(f.code));
    assert.deepEqual(left.map((f) => f.code), []);
    // 表三 holds "—" (a cell the author left as text): read with low confidence, so its wrong
    // figure and its blank are reported but not edited; 表四's wrong total cannot be told from
    // its four parts (each cell is in one identity). Nothing is written on a guess.
    assert.deepEqual(after.findings.filter((f) => /GR10[1-5]/.test(f.code)).map((f) => f.code).sort(), ['GR101', 'GR102', 'GR104', 'GR105']);
    const guarded = fn(text).model.tables.filter((t) => t.key === 'T3' || t.key === 'T4').map((t) => t.span);
    assert.ok(r.edits.every((e) => guarded.every((g) => e.span.end <= g.start || e.span.start >= g.end)), 'an edit in 表三/表四');
    // Same line structure; only table lines changed.
    const A = text.split('\n');
    const B = r.text.split('\n');
    assert.equal(A.length, B.length);
    A.forEach((l, i) => { if (l !== B[i]) assert.ok(l.startsWith('|'), `line ${i + 1} changed: ${l}`); });
    assert.deepEqual(computeFixAll(r.text, { analyzeFn: fn }).edits, []);
  });
});
