/**
 * Shared helpers of the table rules (GR011, GR013, GR101–GR112), the hover and the inlay hints:
 * which spec a table is checked against, readable names of rows/columns/cells, exact values,
 * visible diagnostic ranges for blank cells, and cell edits that keep the table's own shape.
 */
import { readConfidently } from '../../model/query';
import type { Cell, Row, Table } from '../../model/types';
import { displayWidth } from '../../render/width';
import { tableSpec } from '../../standard/versions';
import type { ColumnSpec, FormatSpec, RowSpec, TableSpec, VersionId } from '../../standard/types';
import { formatUnits, type CellValue } from '../../text/numbers';
import type { SourceText, Span } from '../../text/source';
import type { TextEdit } from '../../types';

/** An exact number: `units` scaled by 10^scale. */
export interface Num { units: bigint; scale: number }

export const ZERO: Num = { units: 0n, scale: 0 };

/** The spec a table's rows and columns are read against: its own version, else the checked format. */
export function specOf(table: Table, format: FormatSpec | VersionId): TableSpec | undefined {
  if (!table.key) return undefined;
  const version = table.version ?? (typeof format === 'string' ? format : format.version);
  return tableSpec(version, table.key);
}

export interface CheckedTable { table: Table; spec: TableSpec }

// Every table rule asks for the same list: made once per model's table list (and format).
const checkedLists = new WeakMap<readonly Table[], { format: FormatSpec; list: readonly CheckedTable[] }>();

/** Tables the value rules look at: identified and read with confidence (no arithmetic on guesses). */
export function checkedTables(tables: readonly Table[], format: FormatSpec): readonly CheckedTable[] {
  const cached = checkedLists.get(tables);
  if (cached?.format === format) return cached.list;
  const out: CheckedTable[] = [];
  for (const table of tables) {
    if (!readConfidently(table)) continue;
    const spec = specOf(table, format);
    if (spec) out.push({ table, spec });
  }
  checkedLists.set(tables, { format, list: out });
  return out;
}

// ---------------------------------------------------------------- numbers

/** Value used in sums: blank, placeholder and a missing cell count 0; text is null (not usable). */
export function numOf(value: CellValue | undefined): Num | null {
  if (!value) return ZERO;
  switch (value.kind) {
    case 'blank':
    case 'placeholder':
      return ZERO;
    case 'number':
      return { units: value.units, scale: value.scale };
    default:
      return null;
  }
}

export function cellNum(cell: Cell | undefined): Num | null {
  return numOf(cell?.value);
}

export function addNum(a: Num, b: Num): Num {
  // Nearly every figure is a whole number: skip the bigint powers when the scales agree.
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

export function negNum(a: Num): Num {
  return { units: -a.units, scale: a.scale };
}

export function subNum(a: Num, b: Num): Num {
  return addNum(a, negNum(b));
}

export function sumNums(xs: readonly Num[]): Num {
  // Whole numbers (the usual case) add up without a Num per step.
  let units = 0n;
  for (const x of xs) {
    if (x.scale !== 0) return xs.reduce(addNum, ZERO);
    units += x.units;
  }
  return xs.length ? { units, scale: 0 } : ZERO;
}

export function cmpNum(a: Num, b: Num): number {
  const d = subNum(a, b).units;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isZero(a: Num): boolean {
  return a.units === 0n;
}

export function fmtNum(a: Num): string {
  return formatUnits(a.units, a.scale);
}

/** True when the cell is blank or absent. */
export function isBlank(cell: Cell | undefined): boolean {
  return !cell || cell.value.kind === 'blank';
}

// ---------------------------------------------------------------- names

/** "部分公开（区分处理的，…）" → "部分公开"; "本年收费金额（单位：万元）" → "本年收费金额". */
export function shortLabel(label: string): string {
  const s = label.replace(/[（(][^（）()]*[）)]$/, '').trim();
  return s || label;
}

/**
 * Names and row specs per spec, built on first use. Specs are fixed data, and messages name cells
 * all the time (GR107 one hint per blank cell, GR101–GR106, the hover and the inlay hints).
 */
interface SpecNames {
  rows: Map<string, RowSpec>;
  columns: Map<string, ColumnSpec>;
  rowNames: Map<string, string>;
  columnNames: Map<string, string>;
  /** row key → column key → cell name. */
  cellNames: Map<string, Map<string, string>>;
}

const specNames = new WeakMap<TableSpec, SpecNames>();

function namesOf(spec: TableSpec): SpecNames {
  let n = specNames.get(spec);
  if (!n) {
    const rows = new Map<string, RowSpec>();
    // The first row of a key wins, as `find` would.
    for (const r of spec.rows) if (!rows.has(r.key)) rows.set(r.key, r);
    const columns = new Map<string, ColumnSpec>();
    for (const c of spec.columns) if (!columns.has(c.key)) columns.set(c.key, c);
    n = { rows, columns, rowNames: new Map(), columnNames: new Map(), cellNames: new Map() };
    specNames.set(spec, n);
  }
  return n;
}

export function rowSpecOf(spec: TableSpec, key: string): RowSpec | undefined {
  return namesOf(spec).rows.get(key);
}

export function columnSpec(spec: TableSpec, key: string): ColumnSpec | undefined {
  return namesOf(spec).columns.get(key);
}

/** "（七）总计", "（三）1.属于国家秘密", "一、本年新收政府信息公开申请数量", "规章"; "" for 表四's single row. */
export function rowName(spec: TableSpec, key: string): string {
  const names = namesOf(spec).rowNames;
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = computeRowName(spec, key)));
  return name;
}

function computeRowName(spec: TableSpec, key: string): string {
  const r = rowSpecOf(spec, key);
  if (!r) return key;
  if (spec.key === 'T4') return '';
  let prefix = '';
  if (r.group) {
    const g = rowSpecOf(spec, r.group);
    if (g && g.key !== 'results' && g.numbering) prefix = g.numbering;
  }
  return `${prefix}${r.numbering}${shortLabel(r.label)}`;
}

export function columnName(spec: TableSpec, key: string): string {
  const names = namesOf(spec).columnNames;
  let name = names.get(key);
  if (name === undefined) {
    const c = columnSpec(spec, key);
    names.set(key, (name = c ? shortLabel(c.label) : key));
  }
  return name;
}

/** "（七）总计·自然人"; for 表四 the column alone ("行政复议·总计"). */
export function cellName(spec: TableSpec, rowKey: string, columnKey: string): string {
  const byRow = namesOf(spec).cellNames;
  let byColumn = byRow.get(rowKey);
  if (!byColumn) byRow.set(rowKey, (byColumn = new Map()));
  let name = byColumn.get(columnKey);
  if (name === undefined) {
    const r = rowName(spec, rowKey);
    const c = columnName(spec, columnKey);
    byColumn.set(columnKey, (name = r ? `${r}·${c}` : c));
  }
  return name;
}

export function tableName(spec: TableSpec): string {
  return spec.item ? `第二十条第${spec.item}项表` : spec.title.split(' ')[0]!;
}

// ---------------------------------------------------------------- spans

/** [ \u3000\u00a0] (by code: these run for every blank cell a rule reports). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0;
}

/** [ \t\u3000\u00a0] */
function isWhite(c: number): boolean {
  return c === 0x09 || isSpace(c);
}

/**
 * A range an editor can show. A blank cell's span is empty; widen it over the spaces around it
 * (between two pipes), else to the one tab that opens (or closes) the cell, else to `fallback`
 * (the row label), else to the line.
 */
export function visibleSpan(src: SourceText, span: Span, fallback?: Span | null): Span {
  if (span.end > span.start) return span;
  const text = src.text;
  let s = span.start;
  let e = span.end;
  while (s > 0 && isSpace(text.charCodeAt(s - 1))) s--;
  while (e < text.length && isSpace(text.charCodeAt(e))) e++;
  if (e > s) return { start: s, end: e };
  if (s > 0 && text[s - 1] === '\t') return { start: s - 1, end: s };
  if (text[e] === '\t') return { start: e, end: e + 1 };
  if (fallback && fallback.end > fallback.start) return fallback;
  const line = src.lines[src.lineIndexAt(span.start)]!;
  if (line.end > line.start) return { start: line.start, end: line.end };
  return span;
}

/** The trimmed extent of the line holding `offset`. */
export function lineSpanAt(src: SourceText, offset: number): Span {
  const line = src.lines[src.lineIndexAt(offset)]!;
  let s = line.start;
  let e = line.end;
  while (s < e && isWhite(src.text.charCodeAt(s))) s++;
  while (e > s && isWhite(src.text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e } : { start: line.start, end: line.end };
}

/** Where a row diagnostic goes: its label, else its first line. */
export function rowAnchor(src: SourceText, row: Row): Span {
  if (row.labelSpan && row.labelSpan.end > row.labelSpan.start) return row.labelSpan;
  return lineSpanAt(src, row.span.start);
}

/** Where a table-level diagnostic goes: the first line of its header, else its first line. */
export function tableAnchor(src: SourceText, table: Table): Span {
  return lineSpanAt(src, table.headerSpan?.start ?? table.span.start);
}

/** Overlap for edits and cells: an empty span (a blank cell, an insertion) touches the spans around it. */
export function spansOverlap(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && (offset < span.end || (span.start === span.end && offset === span.start));
}

// ---------------------------------------------------------------- display width

/** Display width (CJK = 2), the same measure the Markdown renderer and formatter use. */
export { displayWidth };

// ---------------------------------------------------------------- cell edits

type Align = 'left' | 'right' | 'center';

function markdownDelimiterAlign(src: SourceText, table: Table, pipeIndex: number): Align | null {
  const first = src.lineIndexAt(table.span.start);
  const last = src.lineIndexAt(Math.max(table.span.start, table.span.end - 1));
  for (let i = first; i <= last; i++) {
    const t = src.lines[i]!.text.trim();
    if (!/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(t)) continue;
    const parts = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((p) => p.trim());
    const p = parts[pipeIndex];
    if (!p) return null;
    if (p.startsWith(':') && p.endsWith(':')) return 'center';
    if (p.endsWith(':')) return 'right';
    return 'left';
  }
  return null;
}

/**
 * The edit that writes `newText` into `cell`, keeping the table's shape: TSV and one-cell-per-line
 * cells are replaced in place (a blank one is filled at its empty span); a Markdown cell is
 * re-padded to its old display width when the new text fits, so the pipes stay aligned; a
 * space-aligned cell keeps the columns after it in place when there is room.
 */
export function cellEdit(src: SourceText, table: Table, cell: Cell, newText: string): TextEdit {
  const text = src.text;
  if (table.shape === 'markdown') {
    const line = src.lines[src.lineIndexAt(cell.span.start)]!;
    const left = text.lastIndexOf('|', cell.span.start - 1);
    const right = text.indexOf('|', cell.span.end);
    if (left >= line.start && right >= 0 && right <= line.end) {
      const inner = text.slice(left + 1, right);
      const width = displayWidth(inner);
      const need = displayWidth(newText);
      if (width >= need + 2) {
        let align: Align;
        if (cell.text !== '') {
          const lead = inner.length - inner.trimStart().length;
          const trail = inner.length - inner.trimEnd().length;
          align = lead > trail ? 'right' : lead === trail && lead > 1 ? 'center' : 'left';
        } else {
          const pipeIndex = countPipes(text.slice(line.start, left + 1)) - (/^\s*\|/.test(line.text) ? 1 : 0);
          align = markdownDelimiterAlign(src, table, pipeIndex) ?? 'right';
        }
        const spare = width - need;
        let padded: string;
        if (align === 'right') padded = ' '.repeat(spare - 1) + newText + ' ';
        else if (align === 'center') {
          const l = Math.floor(spare / 2);
          padded = ' '.repeat(l) + newText + ' '.repeat(spare - l);
        } else padded = ' ' + newText + ' '.repeat(spare - 1);
        return trimEdit(text, { span: { start: left + 1, end: right }, newText: padded });
      }
      return { span: { start: left + 1, end: right }, newText: ` ${newText} ` };
    }
    return { span: cell.span, newText };
  }
  if (table.shape === 'spaceAligned' && cell.text !== '') {
    const oldW = displayWidth(cell.text);
    const newW = displayWidth(newText);
    const line = src.lines[src.lineIndexAt(cell.span.start)]!;
    let after = cell.span.end;
    while (after < line.end && text[after] === ' ') after++;
    const spaces = after - cell.span.end;
    const atEol = after === line.end;
    if (!atEol && newW < oldW) return { span: cell.span, newText: newText + ' '.repeat(oldW - newW) };
    if (!atEol && newW > oldW && spaces - (newW - oldW) >= 2) {
      return { span: { start: cell.span.start, end: cell.span.end + (newW - oldW) }, newText };
    }
    return { span: cell.span, newText };
  }
  return { span: cell.span, newText };
}

/**
 * Replaces `span` (part of a cell, e.g. a label without its numbering) by `newText`; in a Markdown
 * table the cell keeps its display width when the padding allows (labels are left-aligned, so the
 * trailing spaces give or take the difference).
 */
export function rewriteInCell(src: SourceText, table: Table, span: Span, newText: string): TextEdit {
  const text = src.text;
  if (table.shape !== 'markdown') return { span, newText };
  const line = src.lines[src.lineIndexAt(span.start)]!;
  const left = text.lastIndexOf('|', span.start - 1);
  const right = text.indexOf('|', span.end);
  if (left < line.start || right < 0 || right > line.end) return { span, newText };
  const before = text.slice(left + 1, span.start);
  let after = text.slice(span.end, right);
  const width = displayWidth(text.slice(left + 1, right));
  let w = displayWidth(before + newText + after);
  while (w > width && after.endsWith('  ')) { after = after.slice(0, -1); w--; }
  if (w < width) after += ' '.repeat(width - w);
  return trimEdit(text, { span: { start: left + 1, end: right }, newText: before + newText + after });
}

function countPipes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === '|' && s[i - 1] !== '\\') n++;
  return n;
}

/** Shrinks an edit to the part that changes (common prefix/suffix removed). */
export function trimEdit(text: string, edit: TextEdit): TextEdit {
  const old = text.slice(edit.span.start, edit.span.end);
  let p = 0;
  while (p < old.length && p < edit.newText.length && old[p] === edit.newText[p]) p++;
  let s = 0;
  while (s < old.length - p && s < edit.newText.length - p && old[old.length - 1 - s] === edit.newText[edit.newText.length - 1 - s]) s++;
  return { span: { start: edit.span.start + p, end: edit.span.end - s }, newText: edit.newText.slice(p, edit.newText.length - s) };
}

/** True when the table holds a cell with non-placeholder text: its arithmetic fixes are not safe. */
export function hasTextCell(table: Table): boolean {
  return table.rows.some((r) => r.cells.some((c) => c.value.kind === 'text'));
}

export interface CellOfRow { row: Row; cell: Cell }

// Listed once per table: GR011 and GR105–GR111 all walk every cell.
const cellLists = new WeakMap<Table, readonly CellOfRow[]>();

/** All value cells of a table with their row, in reading order. */
export function cellsOf(table: Table): readonly CellOfRow[] {
  let list = cellLists.get(table);
  if (!list) {
    const out: CellOfRow[] = [];
    for (const row of table.rows) for (const cell of row.cells) out.push({ row, cell });
    cellLists.set(table, (list = out));
  }
  return list;
}

/** A readable name for any value cell, even in a row or column the reader could not match. */
export function nameOfCell(spec: TableSpec, row: Row, cell: Cell): string {
  if (row.key && cell.column) return cellName(spec, row.key, cell.column);
  const r = row.key ? rowName(spec, row.key) : row.label.trim();
  // An unrecognised column is named by its place, as a reader counts ("第3格"), not by an index.
  const c = cell.column ? columnName(spec, cell.column) : `第${row.cells.indexOf(cell) + 1}格`;
  return r ? `${r}·${c}` : c;
}

/** The column spec of a cell, if its column was recognised. */
export function columnSpecOf(spec: TableSpec, cell: Cell) {
  return cell.column ? columnSpec(spec, cell.column) : undefined;
}

/** Whether a row of the table is a group label (carries no numbers of its own). */
export function isGroupRow(spec: TableSpec, row: Row): boolean {
  return !!row.key && !!rowSpecOf(spec, row.key)?.groupLabel;
}

/** Text of the table before its first data row: caption, header and any unit note. */
export function headerText(src: SourceText, table: Table): string {
  const firstRow = table.rows.reduce((m, r) => Math.min(m, r.span.start), table.span.end);
  const end = Math.max(firstRow, table.headerSpan?.end ?? table.span.start);
  return src.text.slice(table.span.start, end);
}
