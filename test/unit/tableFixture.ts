/**
 * Fixtures for the table-rule tests: whole reports built from figures, in the canonical Markdown
 * layout (helper-4's renderer) or as tab-separated / one-cell-per-line / space-aligned (PDF text)
 * pasted tables, so that the tests know exactly which figure sits where.
 */
import { renderTableBlock, valueKey } from '../../server/src/core/render/markdownTable';
import { displayWidth } from '../../server/src/core/render/width';
import { T3_NOTE, T4_BLOCKS, T4_RESULTS, tableSpec } from '../../server/src/core/standard/index';
import type { TableKey, TableSpec, VersionId } from '../../server/src/core/standard/types';

export type Figures = Map<string, string>;
export type Shape = 'markdown' | 'tsv' | 'cellPerLine' | 'spaceAligned';

export const spec = (version: VersionId, key: TableKey): TableSpec => tableSpec(version, key)!;

/** The figure keys ("row|column") of a table, in layout order. */
export function figureKeys(s: TableSpec): string[] {
  if (s.key === 'T4') return s.columns.map((c) => valueKey('data', c.key));
  return s.rows.filter((r) => !r.groupLabel).flatMap((r) => s.columns.map((c) => valueKey(r.key, c.key)));
}

/** A consistent 表三 from the leaf figures: totals, （七） and 四 computed. */
export function consistentT3(version: VersionId, leaf: (row: string, col: string) => number, carriedIn: (col: string) => number = () => 0, extraOut: (col: string) => number = () => 0): Figures {
  const s = spec(version, 'T3');
  const parts = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'];
  const outcomes = (s.identities.find((i) => i.kind === 'columnSum') as { partRows: string[] }).partRows;
  const v = new Map<string, number>();
  for (const r of outcomes) for (const c of parts) v.set(valueKey(r, c), leaf(r, c));
  for (const c of parts) {
    const total = outcomes.reduce((a, r) => a + v.get(valueKey(r, c))!, 0);
    v.set(valueKey('total', c), total);
    v.set(valueKey('carriedIn', c), carriedIn(c));
    v.set(valueKey('carriedOut', c), extraOut(c));
    // 一 + 二 = 七 + 四  →  一 = 七 + 四 − 二 (must stay ≥ 0: carriedIn ≤ total + extraOut)
    v.set(valueKey('new', c), total + extraOut(c) - carriedIn(c));
  }
  const rows = ['new', 'carriedIn', ...outcomes, 'total', 'carriedOut'];
  for (const r of rows) v.set(valueKey(r, 'total'), parts.reduce((a, c) => a + v.get(valueKey(r, c))!, 0));
  return new Map([...v].map(([k, n]) => [k, String(n)]));
}

/** A consistent 表四: parts given, totals computed. */
export function consistentT4(part: (block: string, result: string) => number): Figures {
  const m = new Map<string, string>();
  for (const b of T4_BLOCKS) {
    let sum = 0;
    for (const r of T4_RESULTS) {
      if (r.key === 'total') continue;
      const n = part(b.key, r.key);
      sum += n;
      m.set(valueKey('data', `${b.key}.${r.key}`), String(n));
    }
    m.set(valueKey('data', `${b.key}.total`), String(sum));
  }
  return m;
}

const SECTION_TITLES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

export interface ReportTables { t2?: Map<TableKey, Figures>; t3?: Figures; t4?: Figures }

/** A whole report of `version` with the given tables in `shape`. */
export function report(version: VersionId, tables: ReportTables, shape: Shape = 'markdown', eol: '\n' | '\r\n' = '\n'): string {
  const year = version === '2021' ? 2024 : 2020;
  const out: string[] = [`某县${year}年政府信息公开工作年度报告`, '', `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, ''];
  const t2keys: TableKey[] = version === '2021' ? ['T2.1', 'T2.5', 'T2.6', 'T2.8'] : ['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9'];
  SECTION_TITLES.forEach((title, i) => {
    out.push(title, '');
    if (i === 0) out.push('本机关认真贯彻落实条例，全年工作平稳有序。', '');
    if (i === 1) {
      for (const k of t2keys) {
        const f = tables.t2?.get(k) ?? new Map();
        out.push(renderShape(spec(version, k), f, shape, eol), '');
      }
    }
    if (i === 2 && tables.t3) out.push(renderShape(spec(version, 'T3'), tables.t3, shape, eol), '');
    if (i === 3 && tables.t4) out.push(renderShape(spec(version, 'T4'), tables.t4, shape, eol), '');
    if (i >= 4) out.push('无。', '');
  });
  out.push('某县人民政府办公室', `${year + 1}年1月20日`, '');
  return out.join(eol);
}

/** One table (caption included for T2) in the given shape. */
export function renderShape(s: TableSpec, f: Figures, shape: Shape, eol: '\n' | '\r\n' = '\n'): string {
  if (shape === 'markdown') return renderTableBlock(s, f, { eol });
  const grid = pastedGrid(s, f);
  const lines: string[] = [];
  if (s.item) lines.push(`第二十条第${s.item}项`, '');
  if (shape === 'tsv') {
    for (const row of grid) lines.push(row.join('\t'));
  } else if (shape === 'spaceAligned') {
    lines.push(...spaceAligned(grid, eol));
  } else {
    for (const row of grid) {
      for (const c of row) lines.push(`\t${c}`);
      lines.push('');
    }
    lines.pop();
  }
  return lines.join(eol);
}

/**
 * Text extracted from a PDF: the label cell padded with spaces, then each figure right-aligned in
 * a column of fixed width; header rows the same, blank lines between rows, a page number inside.
 */
function spaceAligned(grid: string[][], eol: string): string[] {
  const labelWidth = Math.max(...grid.map((r) => displayWidth(r[0] ?? ''))) + 4;
  const out: string[] = [];
  grid.forEach((row, i) => {
    const [label = '', ...cells] = row;
    let line = label + ' '.repeat(labelWidth - displayWidth(label));
    for (const c of cells) line += ' '.repeat(Math.max(2, 12 - displayWidth(c))) + c;
    out.push(line.trimEnd(), '');
    if (i === Math.floor(grid.length / 2)) out.push(`-${i}-`, '');
  });
  out.pop();
  return out.map((l) => l.replace(/\n/g, eol));
}

/** The grid of a pasted table: header row(s) then label + figures per row. */
function pastedGrid(s: TableSpec, f: Figures): string[][] {
  const get = (r: string, c: string) => f.get(valueKey(r, c)) ?? '';
  if (s.key === 'T4') {
    return [
      ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
      ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      s.columns.map((c) => get('data', c.key)),
    ];
  }
  if (s.key === 'T3') {
    const rows: string[][] = [
      [T3_NOTE, '申请人情况', '', '', '', '', '', ''],
      ['', '自然人', '法人或其他组织', '', '', '', '', '总计'],
      ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
    ];
    for (const r of s.rows) {
      const label = `${r.numbering}${r.label}`;
      rows.push(r.groupLabel ? [label] : [label, ...s.columns.map((c) => get(r.key, c.key))]);
    }
    return rows;
  }
  return [
    ['信息内容', ...s.columns.map((c) => c.label)],
    ...s.rows.map((r) => [r.label, ...s.columns.map((c) => get(r.key, c.key))]),
  ];
}

// ------------------------------------------------------------------ analysis with the real reader
import { analyzeModel } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/report';

/** Analyses with the real reader; fails (rather than falling back) when it reads no table. */
export function analyzeMini(text: string, _version: VersionId) {
  const model = parseReport(text);
  if (model.tables.length === 0) throw new Error('the table reader read no table');
  return analyzeModel(model);
}

/** Same as analyzeMini (kept for the tab-separated tests' readability). */
export function analyzeMiniTsv(text: string, version: VersionId) {
  return analyzeMini(text, version);
}
