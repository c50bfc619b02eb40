/**
 * The table reader (core/parse/tables) on the real samples and on synthetic tables of every shape:
 * which standard table, which version, every figure as a reviewer reads it, exact spans.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellAt } from '../../server/src/core/tables/cells';
import type { Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { readTables } from '../../server/src/core/parse/tables/index';
import { renderTableBlock } from '../../server/src/core/render/markdownTable';
import { tableSpec } from '../../server/src/core/standard/versions';
import { SourceText } from '../../server/src/core/text/source';
import { sample } from './helpers';

const T3_COLS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
const read = (text: string) => readTables(new SourceText(text));
const vals = (t: Table, row: string) => T3_COLS.map((c) => cellAt(t, row, c)?.text ?? null);
const shapes = (ts: Table[]) => ts.map((t) => [t.key, t.shape, t.version]);

/** Every span of every table covers exactly its text; blank cells have empty spans. */
function spansExact(text: string, tables: Table[]) {
  for (const t of tables) {
    assert.ok(t.span.start <= t.span.end && t.span.end <= text.length);
    if (t.caption) assert.equal(text.slice(t.caption.span.start, t.caption.span.end), t.caption.text);
    for (const r of t.rows) {
      assert.ok(r.start <= r.end, 'row span');
      for (const c of r.cells) {
        assert.equal(text.slice(c.start, c.end), c.text);
        if (c.text === '') assert.equal(c.start, c.end);
        assert.ok(c.start >= t.span.start && c.end <= t.span.end, 'cell inside table');
      }
    }
  }
}

describe('tables in the real samples', () => {
  it('001 (TSV): five T2 sub-tables of 2019, "3400660 元" with its unit', () => {
    const text = sample('001');
    const ts = read(text);
    assert.deepEqual(shapes(ts), [
      ['T2.1', 'tsv', '2019'], ['T2.5', 'tsv', '2019'], ['T2.6', 'tsv', '2019'], ['T2.8', 'tsv', '2019'], ['T2.9', 'tsv', '2019'],
      ['T3', 'tsv', '2019'], ['T4', 'tsv', null],
    ]);
    assert.deepEqual(ts.map((t) => t.caption?.text ?? null).slice(0, 5), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    assert.deepEqual(ts[0]!.columns, ['newMade', 'newPublished', 'totalPublished']);
    assert.deepEqual(['newMade', 'newPublished', 'totalPublished'].map((c) => cellAt(ts[0]!, 'normative', c)?.text), ['5', '5', '5']);
    assert.deepEqual(['newMade', 'newPublished', 'totalPublished'].map((c) => cellAt(ts[0]!, 'rules', c)?.value.kind), ['blank', 'blank', 'blank']);
    assert.equal(cellAt(ts[1]!, 'license', 'delta')?.text, '84');
    assert.deepEqual(cellAt(ts[4]!, 'procurement', 'amount')?.value, { kind: 'number', units: 3400660n, scale: 0, unit: '元' });
    assert.equal(cellAt(ts[4]!, 'procurement', 'projects')?.text, '12');
    spansExact(text, ts);
  });

  it('001 (TSV): T3 read as a reviewer reads it; label cells in varying columns', () => {
    const text = sample('001');
    const t3 = read(text).find((t) => t.key === 'T3')!;
    assert.deepEqual(t3.columns, T3_COLS);
    assert.deepEqual(vals(t3, 'new'), ['', '', '', '', '', '1', '1']);
    assert.deepEqual(vals(t3, 'disclosed'), ['1', '', '', '', '', '', '1']);
    assert.deepEqual(vals(t3, 'total'), ['', '', '', '', '', '1', '']);
    const prohibited = t3.rows.find((r) => r.key === 'withheld.prohibited')!;
    assert.equal(prohibited.match, 'variant');
    assert.equal(prohibited.label, '2. 其他法律法规禁止公开');
    assert.equal(text.slice(prohibited.labelStart, prohibited.labelEnd), '2. 其他法律法规禁止公开');
    const security = t3.rows.find((r) => r.key === 'withheld.security')!;
    assert.equal(security.match, 'exact');
    assert.equal(security.cells.length, 7);
    // The label of 1. sits in the 自然人 column: one value cell short (GR109), read per header column.
    const secret = t3.rows.find((r) => r.key === 'withheld.stateSecret')!;
    assert.equal(secret.cells.length, 6);
    assert.equal(secret.expectedCells, 7);
    assert.equal(secret.cells[0]!.column, 'business');
    // Group labels sharing a line with their first sub-row are rows of their own, without cells.
    const groups = t3.rows.filter((r) => r.expectedCells === 0).map((r) => r.key);
    assert.deepEqual(groups, ['results', 'withheld', 'unable', 'notProcessed']);
    assert.ok(t3.rows.filter((r) => r.expectedCells === 0).every((r) => r.cells.length === 0));
    // 2019: （六） carries its own cells.
    assert.equal(t3.rows.find((r) => r.key === 'other')!.cells.length, 7);
    // The detached "四、结转下年度继续办理" is T3's last row and lies inside the table.
    const last = t3.rows[t3.rows.length - 1]!;
    assert.equal(last.key, 'carriedOut');
    assert.equal(last.cells.length, 0);
    assert.ok(last.start >= t3.span.start && last.end <= t3.span.end);
    assert.equal(t3.rows.filter((r) => r.key === null).length, 0);
  });

  it('001 (TSV): T4 header over four lines, no data row', () => {
    const text = sample('001');
    const t4 = read(text).find((t) => t.key === 'T4')!;
    assert.deepEqual(t4.rows, []);
    assert.equal(t4.columns.length, 15);
    assert.equal(t4.columns[0], 'review.upheld');
    assert.equal(t4.columns[14], 'afterReview.total');
    assert.ok(t4.headerSpan);
    assert.ok(text.slice(t4.span.start, t4.span.end).startsWith('行政复议'));
  });

  it('001 through parseReport: the detached row is not a section; tables sit in their sections', () => {
    const m = parseReport(sample('001'));
    assert.deepEqual(m.sections.map((s) => [s.key, s.tables.map((t) => t.key)]), [
      ['overview', []], ['proactive', ['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9']], ['requests', ['T3']], ['review', ['T4']], ['problems', []], ['other', []],
    ]);
  });

  it('003 (one cell per line): T2 incl. T2.9 "政府集中釆购" without value cells', () => {
    const text = sample('003');
    const ts = read(text);
    assert.deepEqual(shapes(ts), [
      ['T2.1', 'cellPerLine', '2019'], ['T2.5', 'cellPerLine', '2019'], ['T2.6', 'cellPerLine', '2019'], ['T2.8', 'cellPerLine', '2019'],
      ['T2.9', 'cellPerLine', '2019'], ['T3', 'cellPerLine', '2019'], ['T4', 'cellPerLine', null],
    ]);
    const t29 = ts[4]!;
    assert.equal(t29.rows.length, 1);
    const row = t29.rows[0]!;
    assert.equal(row.key, 'procurement');
    assert.equal(row.match, 'variant');
    assert.equal(text.slice(row.labelStart, row.labelEnd), '政府集中釆购');
    assert.equal(row.cells.length, 0);
    assert.equal(row.expectedCells, 2);
    // Blank cells: an empty span right after the tab of their line.
    const c = cellAt(ts[0]!, 'rules', 'newMade')!;
    assert.equal(c.value.kind, 'blank');
    assert.equal(text[c.start - 1], '\t');
    spansExact(text, ts);
  });

  it('003 (one cell per line): T3 and T4 right after T2, no section headings', () => {
    const text = sample('003');
    const ts = read(text);
    const t3 = ts[5]!;
    assert.deepEqual(t3.columns, T3_COLS);
    assert.deepEqual(vals(t3, 'new'), ['1', '', '', '', '', '', '1']);
    assert.deepEqual(vals(t3, 'disclosed'), ['1', '', '', '', '', '', '1']);
    assert.deepEqual(vals(t3, 'total'), ['1', '', '', '', '', '', '1']);
    assert.deepEqual(vals(t3, 'withheld.stateSecret'), ['', '', '', '', '', '', '']);
    assert.equal(t3.rows[t3.rows.length - 1]!.key, 'carriedOut');
    // Every 2019 row is there (27 keys: 23 with figures, 4 group labels).
    assert.equal(new Set(t3.rows.map((r) => r.key)).size, 27);
    assert.ok(text.slice(t3.span.start, t3.span.end).includes('（本列数据的勾稽关系为'));
    const t4 = ts[6]!;
    assert.equal(t4.rows.length, 1);
    assert.equal(t4.rows[0]!.key, 'data');
    assert.equal(t4.rows[0]!.cells.length, 15);
    assert.ok(t4.rows[0]!.cells.every((c) => c.value.kind === 'blank' && text[c.start - 1] === '\t'));
    assert.equal(cellAt(t4, 'data', 'direct.pending')?.value.kind, 'blank');
    assert.ok(text.slice(t4.span.start, t4.span.end).trimStart().startsWith('行政复议'));
    // parseReport: T3 and T4 are orphans (no heading 三/四), the 一…六 headings inside tables are not sections.
    const m = parseReport(text);
    assert.equal(m.tables.length, 7);
    assert.ok(!m.sections.some((s) => s.heading.title.startsWith('结转下年度')));
  });

  it('huaian-2024 (space-aligned PDF text): T2 of 2021', () => {
    const text = sample('huaian');
    const ts = read(text);
    assert.deepEqual(shapes(ts), [
      ['T2.1', 'spaceAligned', '2021'], ['T2.5', 'spaceAligned', '2021'], ['T2.6', 'spaceAligned', '2021'], ['T2.8', 'spaceAligned', '2021'],
      ['T3', 'spaceAligned', '2021'], ['T4', 'spaceAligned', null],
    ]);
    const [t21, t25, t26, t28] = ts as [Table, Table, Table, Table];
    assert.equal(t21.caption?.text, '第二十条 第（一）项');
    assert.deepEqual(['issued', 'repealed', 'inForce'].map((c) => cellAt(t21, 'rules', c)?.text), ['1', '0', '11']);
    assert.deepEqual(['issued', 'repealed', 'inForce'].map((c) => cellAt(t21, 'normative', c)?.text), ['8', '26', '66']);
    assert.equal(cellAt(t25, 'license', 'decisions')?.text, '447228');
    assert.equal(cellAt(t26, 'penalty', 'decisions')?.text, '3985758');
    assert.equal(cellAt(t26, 'coercion', 'decisions')?.text, '88283');
    assert.deepEqual(cellAt(t28, 'fees', 'amount')?.value, { kind: 'number', units: 961716n, scale: 1 });
    spansExact(text, ts);
  });

  it('huaian-2024 (space-aligned PDF text): every T3 row, wrapped and vertical labels included', () => {
    const t3 = read(sample('huaian')).find((t) => t.key === 'T3')!;
    assert.deepEqual(t3.columns, T3_COLS);
    const z = (n: number) => [String(n), '0', '0', '0', '0', '0', String(n)];
    const expected: Record<string, string[]> = {
      new: ['3001', '53', '0', '0', '61', '4', '3119'],
      carriedIn: z(34),
      disclosed: ['1288', '21', '0', '0', '50', '3', '1362'],
      partial: ['447', '7', '0', '0', '0', '0', '454'],
      'withheld.stateSecret': z(2),
      'withheld.prohibited': ['30', '1', '0', '0', '0', '0', '31'],
      'withheld.security': z(5),
      'withheld.thirdParty': z(6),
      'withheld.internal': ['7', '1', '0', '0', '0', '0', '8'],
      'withheld.process': z(12),
      'withheld.enforcement': z(9),
      'withheld.query': z(105),
      'unable.notHeld': ['746', '12', '0', '0', '10', '1', '769'],
      'unable.needCreate': z(11),
      'unable.unclear': z(1),
      'notProcessed.petition': ['56', '6', '0', '0', '0', '0', '62'],
      'notProcessed.repeat': z(25),
      'notProcessed.publication': z(0),
      'notProcessed.abusive': z(0),
      'notProcessed.confirm': z(1),
      'other.noCorrection': ['67', '3', '0', '0', '1', '0', '71'],
      'other.noFee': z(6),
      'other.other': ['108', '2', '0', '0', '0', '0', '110'],
      total: ['2932', '53', '0', '0', '61', '4', '3050'],
      carriedOut: z(103),
    };
    for (const [row, v] of Object.entries(expected)) assert.deepEqual(vals(t3, row), v, row);
    // The five group labels are found too (三、 written vertically, "（三）不 / 予公开" split), without cells.
    const groups = t3.rows.filter((r) => r.cells.length === 0).map((r) => r.key).sort();
    assert.deepEqual(groups, ['notProcessed', 'other', 'results', 'unable', 'withheld']);
    assert.equal(t3.rows.length, 30);
    assert.ok(t3.rows.every((r) => r.key !== null && r.match === 'exact'));
  });

  it('huaian-2024 (space-aligned PDF text): T4 header over many lines, one line of 15 numbers', () => {
    const text = sample('huaian');
    const t4 = read(text).find((t) => t.key === 'T4')!;
    assert.equal(t4.rows.length, 1);
    assert.equal(t4.rows[0]!.cells.map((c) => c.text).join(' '), '72 64 178 37 351 13 4 8 1 26 12 1 1 6 20');
    assert.equal(cellAt(t4, 'data', 'review.total')?.text, '351');
    assert.equal(cellAt(t4, 'data', 'direct.total')?.text, '26');
    assert.equal(cellAt(t4, 'data', 'afterReview.total')?.text, '20');
    assert.ok(!text.slice(t4.span.start, t4.span.end).includes('四、政府信息公开'));
  });

  it('000, 002, 004: no tables at all', () => {
    for (const s of ['000', '002', '004']) assert.deepEqual(read(sample(s)), [], s);
  });
});

// ---------------------------------------------------------------- synthetic

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const T3_MD_2021 = [
  `| ${NOTE} | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |`,
  '| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  '| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
  '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  '| 三、本年度办理结果 |  |  |  |  |  |  |  |',
  '| 　（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |',
  '| 　（三）不予公开 |  |  |  |  |  |  |  |',
  '| 　　2.其他法律法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  '| 　（五）不予处理 |  |  |  |  |  |  |  |',
  '| 　　3.其他 | 9 | 9 | 9 | 9 | 9 | 9 | 9 |',
  '| 　（六）其他处理 |  |  |  |  |  |  |  |',
  '| 　　1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  '| 　　3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  '| 　（七）总计 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |',
  '| 　（八）不知道的行 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |',
  '| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
];
const T4_MD = [
  '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
  '| :--- | ---: | ---: | ---: | ---: | ---: |',
  '| 行政复议 | 1 | 2 | 3 | 4 | 10 |',
  '| 行政诉讼·未经复议直接起诉 | 5 | 6 | 7 | 8 | 26 |',
  '| 行政诉讼·复议后起诉 | 9 | 10 | 11 | 12 | 42 |',
];
const T4_COLS = ['review', 'direct', 'afterReview'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => `${b}.${r}`));

describe('synthetic tables', () => {
  for (const eol of ['\n', '\r\n'] as const) {
    it(`canonical Markdown T3 (2021) and T4, ${eol === '\n' ? 'LF' : 'CRLF'}`, () => {
      const text = ['某县2023年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...T3_MD_2021, '', '四、政府信息公开行政复议、行政诉讼情况', ...T4_MD, ''].join(eol);
      const ts = read(text);
      assert.deepEqual(shapes(ts), [['T3', 'markdown', '2021'], ['T4', 'markdown', null]]);
      const [t3, t4] = ts as [Table, Table];
      assert.deepEqual(t3.columns, T3_COLS);
      assert.deepEqual(vals(t3, 'new'), ['5', '1', '0', '0', '0', '0', '6']);
      assert.equal(cellAt(t3, 'disclosed', 'total')?.text, '4');
      // Group label rows: no cells; "2.其他法律法规禁止公开" a variant; "3.其他" only under （六）.
      for (const g of ['results', 'withheld', 'notProcessed', 'other']) {
        const r = t3.rows.find((x) => x.key === g)!;
        assert.equal(r.cells.length, 0, g);
        assert.equal(r.expectedCells, 0, g);
      }
      const v = t3.rows.find((r) => r.key === 'withheld.prohibited')!;
      assert.equal(v.match, 'variant');
      assert.equal(text.slice(v.labelStart, v.labelEnd), '2.其他法律法规禁止公开');
      const others = t3.rows.filter((r) => r.label.endsWith('3.其他'));
      assert.deepEqual(others.map((r) => r.key), [null, 'other.other']);
      assert.equal(cellAt(t3, 'other.other', 'natural')?.text, '1');
      // An unknown label is kept (key null) with its cells.
      const unknown = t3.rows.find((r) => r.label.includes('不知道的行'))!;
      assert.equal(unknown.key, null);
      assert.equal(unknown.cells.length, 7);
      assert.equal(t3.rows[t3.rows.length - 1]!.key, 'carriedOut');
      // 表四 in three rows of five: every one of the fifteen cells is found by cellAt.
      assert.deepEqual(T4_COLS.map((c) => cellAt(t4, 'data', c)?.text), ['1', '2', '3', '4', '10', '5', '6', '7', '8', '26', '9', '10', '11', '12', '42']);
      assert.ok(t4.rows.every((r) => r.key === 'data' && r.expectedCells === 5 && r.match === 'exact'));
      spansExact(text, ts);
      // Blank Markdown cells: an empty span inside the pipes, in the middle of the white space.
      const g = '| 三、本年度办理结果 |  |';
      const at = text.indexOf(g);
      assert.ok(at >= 0);
      const m = parseReport(text);
      assert.deepEqual(m.sections.map((s) => s.key), ['requests', 'review']);
    });
  }

  it('the project\'s own Markdown templates read back, figures in place', () => {
    for (const version of ['2019', '2021'] as const) {
      for (const key of ['T2.1', 'T2.5', 'T3', 'T4'] as const) {
        const spec = tableSpec(version, key)!;
        const values = new Map<string, string>();
        let n = 1;
        const pairs: [string, string][] = [];
        for (const r of spec.rows) {
          if (r.groupLabel) continue;
          for (const c of spec.columns) { values.set(`${r.key}|${c.key}`, String(n)); pairs.push([r.key, c.key]); n++; }
        }
        const text = renderTableBlock(spec, values, { eol: '\n' });
        const [t] = read(text);
        assert.ok(t, `${version} ${key}`);
        assert.equal(t.key, key);
        if (key !== 'T4') assert.equal(t.version, version, `${version} ${key}`);
        for (const [r, c] of pairs) assert.equal(cellAt(t, r, c)?.text, values.get(`${r}|${c}`), `${version} ${key} ${r} ${c}`);
        spansExact(text, [t]);
      }
    }
  });

  it('blank Markdown cells sit in the middle of the white space between the pipes', () => {
    const text = '第二十条第（八）项\n\n| 信息内容 | 本年收费金额（单位：万元） |\n| --- | ---: |\n| 行政事业性收费 |    |\n';
    const [t] = read(text);
    assert.equal(t!.key, 'T2.8');
    assert.equal(t!.version, '2021');
    const c = cellAt(t!, 'fees', 'amount')!;
    assert.equal(c.value.kind, 'blank');
    assert.equal(c.start, c.end);
    const before = text.lastIndexOf('|', c.start);
    const after = text.indexOf('|', c.start);
    assert.equal(c.start - before - 1, 2);
    assert.equal(after - c.start, 2);
  });

  it('CRLF TSV: spans stay exact, blank cells right after their tab', () => {
    const text = ['第二十条第（一）项', '', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t1\t\t3', '行政规范性文件\t4\t5\t6', ''].join('\r\n');
    const [t] = read(text);
    assert.deepEqual([t!.key, t!.shape, t!.version], ['T2.1', 'tsv', '2021']);
    const blank = cellAt(t!, 'rules', 'repealed')!;
    assert.equal(blank.value.kind, 'blank');
    assert.equal(text[blank.start - 1], '\t');
    assert.equal(cellAt(t!, 'normative', 'inForce')?.text, '6');
    assert.ok(!t!.rows.some((r) => r.cells.some((c) => c.text.includes('\r'))));
    spansExact(text, [t!]);
  });

  it('TSV T4 in one data row, and in three rows of five', () => {
    const wide = ['行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
      '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
      Array.from({ length: 15 }, (_, i) => String(i)).join('\t')].join('\n');
    const [t] = read(wide);
    assert.equal(t!.key, 'T4');
    assert.deepEqual(T4_COLS.map((c) => cellAt(t!, 'data', c)?.text), Array.from({ length: 15 }, (_, i) => String(i)));
    const rows = ['类别\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计', '行政复议\t1\t0\t0\t0\t1', '未经复议直接起诉\t0\t1\t0\t0\t1', '复议后起诉\t0\t0\t0\t2\t2'].join('\n');
    const [t4] = read(rows);
    assert.equal(t4!.key, 'T4');
    assert.equal(t4!.rows.length, 3);
    assert.equal(cellAt(t4!, 'data', 'direct.corrected')?.text, '1');
    assert.equal(cellAt(t4!, 'data', 'afterReview.pending')?.text, '2');
    assert.equal(cellAt(t4!, 'data', 'afterReview.total')?.text, '2');
  });

  it('flattened rows: unreadable, no number guessed', () => {
    const text = ['三、收到和处理政府信息公开申请情况', NOTE, '一、本年新收政府信息公开申请数量713000074', '二、上年结转政府信息公开申请数量0000000', '（一）予以公开6000006'].join('\n');
    const ts = read(text);
    assert.equal(ts.length, 1);
    const t = ts[0]!;
    assert.deepEqual([t.key, t.shape, t.readable], ['T3', 'flattened', false]);
    assert.deepEqual(t.rows.map((r) => r.key), ['new', 'carriedIn', 'disclosed']);
    assert.ok(t.rows.every((r) => r.cells.length === 0));
  });

  it('half-typed tables: a header only, a row without its closing pipe, a lone pipe', () => {
    const [h] = read(`| ${NOTE} | 自然人 | 商业企业 |`);
    assert.equal(h?.key, 'T3');
    assert.deepEqual(h!.rows, []);
    assert.deepEqual(h!.columns, ['natural', 'business']);
    const text = '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --: | --: | --: |\n| 规章 | 1 | 2 | 3';
    const [t] = read(text);
    assert.equal(t!.key, 'T2.1');
    assert.deepEqual(t!.rows[0]!.cells.map((c) => [c.column, c.text]), [['issued', '1'], ['repealed', '2'], ['inForce', '3']]);
    const [u] = read('| 信息内容 | 本年制发件数 |\n| 规章 | 1 |\n|\n| 行');
    assert.equal(u!.key, 'T2.1');
    spansExact(text, [t!]);
  });

  it('a 500-column table and a 5 MB single line (timings: npm run bench)', () => {
    const header = ['信息内容', ...Array.from({ length: 499 }, (_, i) => `列${i}`)].join('\t');
    const row = ['规章', ...Array.from({ length: 499 }, (_, i) => String(i))].join('\t');
    const [t] = read(`第二十条第（一）项\n${header}\n${row}\n`);
    assert.equal(t!.key, 'T2.1');
    const huge = '一、本年新收政府信息公开申请数量' + '１２３４５６，　|\t'.repeat(500000);
    const r = read(`第二十条第（一）项\n${huge}\n${huge}`);
    assert.ok(Array.isArray(r));
    assert.ok(Array.isArray(read('1\t'.repeat(2_500_000))));
    assert.ok(Array.isArray(read('|'.repeat(5_000_000))));
  });

  it('reads every sample the same way twice (no state kept between reads)', () => {
    const srcs = ['001', '003', 'huaian', '000'].map((s) => new SourceText(sample(s)));
    const keys = (s: SourceText) => readTables(s).map((t) => `${t.key}@${t.span.start}-${t.span.end}`);
    let total = 0;
    for (const s of srcs) {
      const first = keys(s);
      total += first.length;
      assert.deepEqual(keys(s), first);
    }
    assert.ok(total > 0);
  });
});
