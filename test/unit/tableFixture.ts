/**
 * Fixtures for the table-rule tests: whole reports built from figures, in the canonical Markdown
 * layout (helper-4's renderer) or as tab-separated / one-cell-per-line pasted tables, so that the
 * tests know exactly which figure sits where.
 */
import { renderTableBlock, valueKey } from '../../server/src/core/render/markdownTable';
import { T3_NOTE, T4_BLOCKS, T4_RESULTS, tableSpec } from '../../server/src/core/standard/index';
import type { TableKey, TableSpec, VersionId } from '../../server/src/core/standard/types';

export type Figures = Map<string, string>;
export type Shape = 'markdown' | 'tsv' | 'cellPerLine';

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
  } else {
    for (const row of grid) {
      for (const c of row) lines.push(`\t${c}`);
      lines.push('');
    }
    lines.pop();
  }
  return lines.join(eol);
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

// ------------------------------------------------------------------ a stand-in Markdown reader
import { analyzeModel } from '../../server/src/core/analyze';
import type { Cell, Row, Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { labelKey } from '../../server/src/core/text/normalize';
import { parseCell } from '../../server/src/core/text/numbers';

/**
 * Reads canonical Markdown tables (as rendered) only. Used while the real reader is not there, and
 * to check the rules independently of it.
 */
export function miniRead(text: string, version: VersionId): Table[] {
  const lines = text.split('\n');
  const offsets: number[] = [];
  let o = 0;
  for (const l of lines) { offsets.push(o); o += l.length + 1; }
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.startsWith('|')) { i++; continue; }
    const start = i;
    while (i < lines.length && lines[i]!.startsWith('|')) i++;
    const block = lines.slice(start, i).map((t, k) => ({ t, off: offsets[start + k]! }));
    const header = block[0]!.t;
    const cellsOf = (line: { t: string; off: number }) => {
      const out: { text: string; start: number; end: number }[] = [];
      const pipes: number[] = [];
      for (let k = 0; k < line.t.length; k++) if (line.t[k] === '|') pipes.push(k);
      for (let k = 0; k + 1 < pipes.length; k++) {
        const raw = line.t.slice(pipes[k]! + 1, pipes[k + 1]);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        const s = line.off + pipes[k]! + 1 + (text ? lead : Math.floor(raw.length / 2));
        out.push({ text, start: s, end: s + text.length });
      }
      return out;
    };
    const captionLine = start >= 2 ? lines[start - 2]! : '';
    const item = /第二十条第(（.）)项/.exec(captionLine)?.[1];
    let s: TableSpec | undefined;
    if (header.includes('勾稽')) s = spec(version, 'T3');
    else if (header.includes('类别')) s = spec(version, 'T4');
    else if (item) s = (['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9'] as TableKey[]).map((k) => tableSpec(version, k)).find((x) => x?.item === item);
    if (!s) continue;
    const rows: Row[] = [];
    for (const line of block.slice(2)) {
      const cs = cellsOf(line);
      const label = cs[0]!;
      let key: string | null = null;
      let match: Row['match'] = null;
      let cols: string[] = s.columns.map((c) => c.key);
      if (s.key === 'T4') {
        const b = T4_BLOCKS.find((x) => x.label === label.text);
        key = 'data'; match = 'exact';
        cols = T4_RESULTS.map((r) => `${b!.key}.${r.key}`);
      } else {
        const lk = labelKey(label.text);
        for (const r of s.rows) {
          if (labelKey(r.numbering + r.label) === lk) { key = r.key; match = 'exact'; }
          else if (r.variants.some((v) => labelKey(r.numbering + v) === lk)) { key = r.key; match = 'variant'; }
        }
      }
      const rs = s.rows.find((r) => r.key === key);
      const values = cs.slice(1);
      const group = !!rs?.groupLabel;
      const cells: Cell[] = group ? [] : values.map((c, k) => ({ column: cols[k] ?? null, text: c.text, span: { start: c.start, end: c.end }, value: parseCell(c.text) }));
      rows.push({
        key, label: label.text, labelSpan: { start: label.start, end: label.end }, match,
        span: { start: line.off, end: line.off + line.t.length }, cells, expectedCells: group ? 0 : cols.length,
      });
    }
    const first = item ? offsets[start - 2]! : block[0]!.off;
    const last = block[block.length - 1]!;
    tables.push({
      key: s.key, version, shape: 'markdown', span: { start: first, end: last.off + last.t.length },
      caption: item ? { text: captionLine, span: { start: offsets[start - 2]!, end: offsets[start - 2]! + captionLine.length } } : null,
      headerSpan: { start: block[0]!.off, end: block[0]!.off + header.length }, columns: s.columns.map((c) => c.key), rows, readable: true,
    });
  }
  return tables;
}

/** analyze() with the stand-in reader's tables when the real reader finds none. */
export function analyzeMini(text: string, version: VersionId) {
  const model = parseReport(text);
  if (model.tables.length === 0) {
    model.tables = miniRead(text, version);
    model.tableSpans = model.tables.map((t) => t.span);
  }
  return analyzeModel(model);
}

/** Stand-in reader for the tab-separated tables `renderShape(…, 'tsv')` writes (T2, T3, T4). */
export function miniReadTsv(text: string, version: VersionId): Table[] {
  const lines = text.split('\n');
  const offsets: number[] = [];
  let o = 0;
  for (const l of lines) { offsets.push(o); o += l.length + 1; }
  const fields = (k: number) => {
    const out: { text: string; start: number; end: number }[] = [];
    let s = 0;
    const t = lines[k]!;
    for (const part of t.split('\t')) {
      out.push({ text: part, start: offsets[k]! + s, end: offsets[k]! + s + part.length });
      s += part.length + 1;
    }
    return out;
  };
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.split('\t')[0]!;
    let s: TableSpec | undefined;
    let headerLines = 1;
    let caption: Table['caption'] = null;
    if (first === '信息内容') {
      const item = /第二十条第(（.）)项/.exec(lines[i - 2] ?? '')?.[1];
      s = (['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9'] as TableKey[]).map((k) => tableSpec(version, k)).find((x) => x?.item === item);
      caption = { text: lines[i - 2]!, span: { start: offsets[i - 2]!, end: offsets[i - 2]! + lines[i - 2]!.length } };
    } else if (first === T3_NOTE) { s = spec(version, 'T3'); headerLines = 3; }
    else if (first === '行政复议') { s = spec(version, 'T4'); headerLines = 3; }
    if (!s || !lines[i]!.includes('\t')) continue;
    const rows: Row[] = [];
    let k = i + headerLines;
    for (; k < lines.length && lines[k] !== ''; k++) {
      const f = fields(k);
      const span = { start: offsets[k]!, end: offsets[k]! + lines[k]!.length };
      if (s.key === 'T4') {
        const cells = f.map((c, n) => ({ column: s!.columns[n]?.key ?? null, text: c.text, span: { start: c.start, end: c.end }, value: parseCell(c.text) }));
        rows.push({ key: 'data', label: '', labelSpan: null, match: 'exact', span, cells, expectedCells: 15 });
        continue;
      }
      const label = f[0]!;
      const lk = labelKey(label.text);
      const rs = s.rows.find((r) => labelKey((s!.key === 'T3' ? r.numbering : '') + r.label) === lk);
      const cells = rs?.groupLabel ? [] : f.slice(1).map((c, n) => ({ column: s!.columns[n]?.key ?? null, text: c.text, span: { start: c.start, end: c.end }, value: parseCell(c.text) }));
      rows.push({ key: rs?.key ?? null, label: label.text, labelSpan: { start: label.start, end: label.end }, match: rs ? 'exact' : null, span, cells, expectedCells: rs?.groupLabel ? 0 : s.columns.length });
    }
    const start = caption ? caption.span.start : offsets[i]!;
    tables.push({
      key: s.key, version, shape: 'tsv', span: { start, end: offsets[k - 1]! + lines[k - 1]!.length }, caption,
      headerSpan: { start: offsets[i]!, end: offsets[i + headerLines - 1]! + lines[i + headerLines - 1]!.length },
      columns: s.columns.map((c) => c.key), rows, readable: true,
    });
    i = k;
  }
  return tables;
}

/** analyze() reading tab-separated tables with the stand-in when the real reader finds none. */
export function analyzeMiniTsv(text: string, version: VersionId) {
  const model = parseReport(text);
  if (model.tables.length === 0) {
    model.tables = [...miniReadTsv(text, version), ...miniRead(text, version)].sort((a, b) => a.span.start - b.span.start);
    model.tableSpans = model.tables.map((t) => t.span);
  }
  return analyzeModel(model);
}
