import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { cellAt } from '../../server/src/core/tables/cells';
import type { Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { tableTemplate } from '../../server/src/core/features/templates';
import { sample } from './helpers';

const T3_COLS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
const rowValues = (t: Table, key: string) => T3_COLS.map((c) => cellAt(t, key, c)?.text ?? null);
/** Every cell's span covers exactly its text in the source. */
function spansExact(text: string, tables: Table[]) {
  for (const t of tables) for (const r of t.rows) for (const c of r.cells) assert.equal(text.slice(c.start, c.end), c.text);
}

describe('reading the real samples', () => {
  it('001: five T2 sub-tables (2019), 元 amount, T3 as a reviewer reads it, T4 without data row', () => {
    const text = sample('001');
    const m = parseReport(text);
    assert.deepEqual(m.tables.map((t) => [t.key, t.shape, t.version]), [
      ['T2.1', 'tsv', '2019'], ['T2.5', 'tsv', '2019'], ['T2.6', 'tsv', '2019'], ['T2.8', 'tsv', '2019'], ['T2.9', 'tsv', '2019'], ['T3', 'tsv', '2019'], ['T4', 'tsv', null],
    ]);
    const t29 = m.tables[4]!;
    const amount = cellAt(t29, 'procurement', 'amount')!;
    assert.deepEqual(amount.value, { kind: 'number', units: 3400660n, scale: 0, unit: '元' });
    const t3 = m.tables[5]!;
    assert.deepEqual(rowValues(t3, 'new'), ['', '', '', '', '', '1', '1']);
    assert.deepEqual(rowValues(t3, 'disclosed'), ['1', '', '', '', '', '', '1']);
    assert.deepEqual(rowValues(t3, 'total'), ['', '', '', '', '', '1', '']);
    const variant = t3.rows.find((r) => r.key === 'withheld.prohibited')!;
    assert.equal(variant.match, 'variant');
    assert.equal(text.slice(variant.labelStart, variant.labelEnd), '2. 其他法律法规禁止公开');
    // "3. 危及…" has its label in the first cell and is still read.
    assert.equal(t3.rows.find((r) => r.key === 'withheld.security')!.cells.length, 7);
    // Label in the 自然人 column: one value cell short (GR109), the others right-aligned.
    const short = t3.rows.find((r) => r.key === 'withheld.stateSecret')!;
    assert.equal(short.cells.length, 6);
    assert.equal(short.cells[0]!.column, 'business');
    // The detached "四、结转下年度继续办理" is T3's last row, not a section.
    assert.equal(t3.rows[t3.rows.length - 1]!.key, 'carriedOut');
    const t4 = m.tables[6]!;
    assert.equal(t4.rows.length, 0);
    assert.ok(t4.headerSpan);
    spansExact(text, m.tables);
  });

  it('003: one cell per line; T3 figures; T4 fifteen blank cells; 釆购 variant with no value cells', () => {
    const text = sample('003');
    const m = parseReport(text);
    assert.deepEqual(m.tables.map((t) => [t.key, t.shape]), [
      ['T2.1', 'cellPerLine'], ['T2.5', 'cellPerLine'], ['T2.6', 'cellPerLine'], ['T2.8', 'cellPerLine'], ['T2.9', 'cellPerLine'], ['T3', 'cellPerLine'], ['T4', 'cellPerLine'],
    ]);
    const t29 = m.tables[4]!;
    assert.equal(t29.rows[0]!.match, 'variant');
    assert.equal(t29.rows[0]!.cells.length, 0);
    const t3 = m.tables[5]!;
    assert.deepEqual(rowValues(t3, 'new'), ['1', '', '', '', '', '', '1']);
    assert.deepEqual(rowValues(t3, 'disclosed'), ['1', '', '', '', '', '', '1']);
    assert.deepEqual(rowValues(t3, 'total'), ['1', '', '', '', '', '', '1']);
    // 27 = every 2019 row: 23 with figures + 4 group labels (split off the line they share with their first sub-row).
    assert.equal(t3.rows.filter((r) => r.key).length, 27);
    assert.equal(t3.rows.filter((r) => r.key && r.expectedCells > 0).length, 23);
    const t4 = m.tables[6]!;
    assert.equal(t4.rows[0]!.cells.length, 15);
    assert.ok(t4.rows[0]!.cells.every((c) => c.value.kind === 'blank'));
    spansExact(text, m.tables);
  });

  it('huaian-2024: space-aligned PDF text, wrapped labels, every figure', () => {
    const text = sample('huaian');
    const m = parseReport(text);
    assert.deepEqual(m.tables.map((t) => [t.key, t.shape, t.version]), [
      ['T2.1', 'spaceAligned', '2021'], ['T2.5', 'spaceAligned', '2021'], ['T2.6', 'spaceAligned', '2021'], ['T2.8', 'spaceAligned', '2021'], ['T3', 'spaceAligned', '2021'], ['T4', 'spaceAligned', null],
    ]);
    const [t21, t25, t26, t28, t3, t4] = m.tables as [Table, Table, Table, Table, Table, Table];
    assert.deepEqual(['issued', 'repealed', 'inForce'].map((c) => cellAt(t21, 'normative', c)?.text), ['8', '26', '66']);
    assert.equal(cellAt(t25, 'license', 'decisions')?.text, '447228');
    assert.equal(cellAt(t26, 'coercion', 'decisions')?.text, '88283');
    assert.deepEqual(cellAt(t28, 'fees', 'amount')?.value, { kind: 'number', units: 961716n, scale: 1 });
    assert.deepEqual(rowValues(t3, 'new'), ['3001', '53', '0', '0', '61', '4', '3119']);
    assert.deepEqual(rowValues(t3, 'carriedIn'), ['34', '0', '0', '0', '0', '0', '34']);
    assert.deepEqual(rowValues(t3, 'partial'), ['447', '7', '0', '0', '0', '0', '454']);
    assert.deepEqual(rowValues(t3, 'notProcessed.confirm'), ['1', '0', '0', '0', '0', '0', '1']);
    assert.equal(cellAt(t3, 'other.noCorrection', 'total')?.text, '71');
    assert.equal(cellAt(t3, 'other.noFee', 'total')?.text, '6');
    assert.equal(cellAt(t3, 'other.other', 'total')?.text, '110');
    assert.deepEqual(rowValues(t3, 'total'), ['2932', '53', '0', '0', '61', '4', '3050']);
    assert.deepEqual(rowValues(t3, 'carriedOut'), ['103', '0', '0', '0', '0', '0', '103']);
    assert.equal(t3.rows.filter((r) => r.key).length, 30); // 25 with figures + 5 group labels
    assert.equal(t3.rows.filter((r) => r.cells.length > 0).length, 25);
    assert.deepEqual(t4.rows[0]!.cells.map((c) => c.text).join(' '), '72 64 178 37 351 13 4 8 1 26 12 1 1 6 20');
    spansExact(text, m.tables);
  });

  it('000, 002, 004 have no tables', () => {
    for (const s of ['000', '002', '004']) assert.equal(parseReport(sample(s)).tables.length, 0, s);
  });
});

describe('reading synthetic tables', () => {
  const report = (body: string, eol = '\n') => ['某县2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '', body, ''].join(eol);

  it('canonical Markdown T3 and T4 (as the templates write them), with CRLF', () => {
    for (const eol of ['\n', '\r\n'] as const) {
      const t3 = tableTemplate('2021', 'T3', eol).replace(/\| +0 \|$/m, '| 5 |');
      const t4 = tableTemplate('2021', 'T4', eol);
      const text = report(`${t3}${eol}${eol}四、政府信息公开行政复议、行政诉讼情况${eol}${eol}${t4}`, eol);
      const m = parseReport(text);
      assert.deepEqual(m.tables.map((t) => [t.key, t.shape, t.version]), [['T3', 'markdown', '2021'], ['T4', 'markdown', null]]);
      assert.equal(m.tables[0]!.rows.filter((r) => r.key).length, 30); // every 2021 row, group labels included
      assert.equal(m.tables[1]!.rows.flatMap((r) => r.cells).length, 15);
      assert.ok(m.tables[1]!.rows.flatMap((r) => r.cells).every((c) => c.column && c.value.kind === 'number'));
      spansExact(text, m.tables);
    }
  });

  it('flattened cells are refused with GR012, no figure guessed', () => {
    const text = report(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '一、本年新收政府信息公开申请数量713000074', '二、上年结转政府信息公开申请数量0000000'].join('\n'));
    const a = analyze(text);
    const t = a.model.tables[0]!;
    assert.equal(t.readable, false);
    // The rows are named (for the outline and messages) but carry no cells: no number is guessed.
    assert.ok(t.rows.every((r) => r.cells.length === 0));
    assert.ok(a.findings.some((f) => f.code === 'GR012'));
    assert.ok(!a.findings.some((f) => /^GR10[1-4]$/.test(f.code)));
  });

  it('half-typed tables: a header only, a row missing its trailing pipe', () => {
    const m1 = parseReport(report('| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 |'));
    assert.equal(m1.tables[0]?.key, 'T3');
    const m2 = parseReport(report('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --: | --: | --: |\n| 规章 | 1 | 2 | 3'));
    assert.deepEqual(m2.tables[0]!.rows[0]!.cells.map((c) => c.text), ['1', '2', '3']);
  });

  it('a 500-column table and a 5 MB line do not hang', () => {
    const wide = ['信息内容', ...Array.from({ length: 499 }, (_, i) => `列${i}`)].join('\t');
    const row = ['规章', ...Array.from({ length: 499 }, (_, i) => String(i))].join('\t');
    const m = parseReport(report(`第二十条第（一）项\n${wide}\n${row}`));
    assert.equal(m.tables[0]!.key, 'T2.1');
    const huge = parseReport(report(`第二十条第（一）项\n${'1\t'.repeat(2_500_000)}`));
    assert.ok(Array.isArray(huge.tables));
  });
});
