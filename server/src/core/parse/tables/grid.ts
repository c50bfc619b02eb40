/**
 * A run of grid-like rows (Markdown, TSV, one cell per line) → Table. Label cells may sit in any
 * of the first cells; value cells are the cells after the last label cell (at most the expected
 * number when the extra leading cells are blank).
 */
import type { Cell, Row, Table } from '../../model/types';
import type { TableKey, VersionId } from '../../standard/types';
import type { SourceText, Span } from '../../text/source';
import { emptyTable, expectedCount, joinTexts, labelSpanOf, makeCell, rowOf, settleGroups, spanOf, specColumns, t2Version, t3Version } from './build';
import { readHeader, type HeaderInfo } from './columns';
import { identify } from './identify';
import { groupAfter, isGroupRow, matchRow, matchRowFuzzy, type RowMatch } from './rows';
import { captionOf, cellKind, isT2, rawNumberingLength, T4_COLUMN_KEYS, T4_DATA_ROW, T4_RESULT_ORDER, t4BlockOf } from './spec';
import type { Piece, RawCell, RawRow } from './types';

/** At most this many fuzzy label lookups per table (a real 表三 has a few misspelt labels at most). */
const FUZZY_PER_TABLE = 32;

const isNumber = (t: string) => t !== '' && cellKind(t) === 'number';
const isText = (t: string) => t !== '' && cellKind(t) === 'text';

function firstFilled(row: RawRow): RawCell | undefined {
  return row.cells.find((c) => c.text !== '');
}

function isBody(key: TableKey | null, row: RawRow): boolean {
  const first = firstFilled(row);
  if (!first) return key !== 'T4' ? true : row.cells.length > 0;
  if (key === 'T4') {
    const texts = row.cells.filter((c) => isText(c.text));
    if (texts.length === 0) return true;
    return texts.length === 1 && texts[0] === first && t4BlockOf(first.text) !== null && row.cells.length > 1
      && row.cells.some((c) => c !== first);
  }
  if (key && matchRow(key, first.text)) return true;
  return row.cells.some((c) => isNumber(c.text));
}

export function buildGridTable(src: SourceText, piece: Piece): Table | null {
  let rows = piece.rows.filter((r) => r.cells.length > 0);
  if (!rows.length) return null;
  let headerCount = piece.headerCount;

  // Caption: a first row "第二十条第（X）项" (alone, or followed by the header cells).
  let caption: Table['caption'] = null;
  let captionKey: TableKey | null = null;
  const f0 = firstFilled(rows[0]!);
  const cap = f0 ? captionOf(f0.text) : null;
  if (f0 && cap) {
    const span = { start: f0.start + cap.start, end: f0.start + cap.end };
    caption = { text: src.text.slice(span.start, span.end), span };
    captionKey = cap.key;
    const rest = rows[0]!.cells.slice(rows[0]!.cells.indexOf(f0) + 1);
    if (rest.some((c) => c.text !== '')) rows[0] = { ...rows[0]!, cells: rest };
    else {
      rows = rows.slice(1);
      if (headerCount !== undefined) headerCount = Math.max(0, headerCount - 1);
    }
  }
  const key = captionKey ?? identify(rows);

  let h: number;
  if (headerCount !== undefined) h = Math.min(headerCount, rows.length);
  else if (!key) h = rows.length > 1 && !rows[0]!.cells.some((c) => isNumber(c.text)) ? 1 : 0;
  else {
    h = 0;
    while (h < rows.length && !isBody(key, rows[h]!)) h++;
  }
  const header = rows.slice(0, h);
  const body = rows.slice(h);
  const info = readHeader(key, header, piece.grid);
  const headerWidth = header.length ? Math.max(...header.map((r) => r.cells.length)) : 0;

  if (!key) {
    // Unknown tables are kept only when they clearly are tables.
    const wide = rows.filter((r) => r.cells.filter((c) => c.text !== '').length >= 2).length;
    if (piece.shape === 'cellPerLine' || rows.length < 2 || wide < 2) return null;
  }

  let version: VersionId | null = null;
  let out: Row[];
  if (key === 'T4') out = t4Rows(body, info, headerWidth, piece.grid);
  else {
    const pre = isT2(key) && key ? t2Version(key, info.votes, []) : null;
    out = bodyRows(key, pre, body, info, headerWidth, piece.grid);
    if (key && isT2(key)) version = t2Version(key, info.votes, out);
    else if (key === 'T3') version = t3Version(out);
    if (key) settleGroups(key, version, out);
  }

  const first = src.line(rows[0]?.firstLine ?? src.lineIndexAt(caption!.span.start));
  const startLine = caption ? src.line(src.lineIndexAt(caption.span.start)) : first;
  const lastRow = rows[rows.length - 1];
  const endLine = src.line(lastRow ? lastRow.lastLine : startLine.index);
  const table = emptyTable(piece.shape, key, { start: startLine.start, end: endLine.end });
  table.version = version;
  table.caption = caption;
  table.headerSpan = header.length ? spanOf(header.map((r) => r.span)) : null;
  // 表四 in three rows of five: the header names results; the model's columns are block·result keys.
  table.columns = key === 'T4' && !info.t4Wide ? T4_COLUMN_KEYS.filter((c) => info.columns.includes(c.slice(c.indexOf('.') + 1))) : info.columns;
  table.rows = out;
  // Rows whose cells were placed although their count is off (GR109): recorded as guesses.
  // Indexed loops over rows here and below: for-of allocates per step in the CLI's unoptimised tiers.
  for (let k = 0; k < out.length; k++) {
    const r = out[k]!;
    if (r.expectedCells > 0 && r.cells.length !== r.expectedCells) table.reading.notes.push({ kind: 'guessed', reason: 'rowsShifted', span: { start: r.start, end: r.end } });
  }
  return table;
}

/**
 * Value columns for the cells from `start` on: per header cell index when the row lines up with
 * the header, else in order.
 */
// The model's cell arrays are made at their length: a push grows an empty array to 17 slots, and
// these arrays live as long as the model (through every scavenge of an analysis).
function assign(cells: RawCell[], start: number, info: HeaderInfo, headerWidth: number, grid: boolean, seq: readonly string[]): Cell[] {
  const n = cells.length > start ? cells.length - start : 0;
  const out = new Array<Cell>(n);
  const colAt = info.colAt;
  if (grid && colAt && cells.length === headerWidth) {
    // colAt may be shorter than the row: bounds checked, as a read past its end deoptimises the reader.
    for (let j = 0; j < n; j++) out[j] = makeCell(cells[start + j]!, start + j < colAt.length ? colAt[start + j]! : null);
    return out;
  }
  const offset = n > seq.length ? n - seq.length : 0;
  for (let j = 0; j < n; j++) out[j] = makeCell(cells[start + j]!, j >= offset ? seq[j - offset] ?? null : null);
  return out;
}

/** The non-blank cells before index `end`. */
function filledBefore(cells: RawCell[], end: number): RawCell[] {
  const out: RawCell[] = [];
  for (let i = 0; i < end; i++) if (cells[i]!.text !== '') out.push(cells[i]!);
  return out;
}

/**
 * A row label wrapped over two lines ("5.属于三类内部" alone, then "事务信息⇥3⇥4…"): joined when
 * neither part names a row and the two together do.
 */
function joinWrappedLabels(key: TableKey, body: RawRow[]): RawRow[] {
  const out: RawRow[] = [];
  for (let i = 0; i < body.length; i++) {
    const r = body[i]!;
    const next = body[i + 1];
    // The only filled cell, if exactly one (counted in place: no filtered copy per row).
    let only: RawCell | null = null;
    let filled = 0;
    for (let j = 0; j < r.cells.length && filled < 2; j++) if (r.cells[j]!.text !== '') { only = r.cells[j]!; filled++; }
    const head = next ? firstFilled(next) : undefined;
    if (next && head && only && filled === 1 && isText(only.text) && isText(head.text)
      && !matchRow(key, only.text) && !matchRow(key, head.text) && matchRow(key, only.text + head.text)) {
      const cell = { text: only.text + head.text, start: only.start, end: head.end };
      const cells = next.cells.map((c) => (c === head ? cell : c));
      out.push({ cells, span: { start: r.span.start, end: next.span.end }, firstLine: r.firstLine, lastLine: next.lastLine });
      i++;
      continue;
    }
    out.push(r);
  }
  return out;
}

function bodyRows(key: TableKey | null, version: VersionId | null, body: RawRow[], info: HeaderInfo, headerWidth: number, grid: boolean): Row[] {
  const out: Row[] = [];
  if (key && key !== 'T4') body = joinWrappedLabels(key, body);
  const N = expectedCount(key, version, info.columns.length, Math.max(0, headerWidth - 1));
  const seq = key ? (info.columns.length === N ? info.columns : specColumns(key, version)) : [];
  let group: string | null = null;
  // Fuzzy label lookups per table are bounded (each compares with every standard label).
  let fuzzyBudget = FUZZY_PER_TABLE;
  for (let k = 0; k < body.length; k++) {
    const row = body[k]!;
    const cells = row.cells;
    const match = (t: string): RowMatch | null => (key ? matchRow(key, t, version, group) : null);
    // The last label cell: text that names a row, carries numbering, or sits left of the value cells.
    let L = -1;
    for (let i = 0; i < cells.length; i++) {
      const t = cells[i]!.text;
      if (!isText(t)) continue;
      if (i < cells.length - N || rawNumberingLength(t) > 0 || match(t) || (!key && i === 0)) L = i;
    }
    let start = L + 1;
    while (cells.length - start > N && cells[start]!.text === '') start++;
    const labels = filledBefore(cells, L + 1);

    // Leading label cells that are group labels ("三、本年度办理结果", "（三）不予公开") become rows of their own.
    let own = labels;
    while (key && own.length > 1) {
      const m = match(own[0]!.text);
      if (!m) break;
      if (isGroupRow(key, m.row.key, version) || groupAfter(key, m.row) === m.row.key) {
        out.push(rowOf(m, own[0]!.text, labelSpanOf([own[0]!]), own[0]!, [], 0));
        group = m.row.key;
        own = own.slice(1);
      } else break;
    }
    const label = joinTexts(own);
    let m: RowMatch | null = own.length ? match(own[own.length - 1]!.text) : null;
    let labelCells = own.length ? [own[own.length - 1]!] : [];
    if (own.length > 1) {
      const joined = match(label);
      if (joined || !m) { m = joined; labelCells = own; }
    }
    // No exact match: a misspelt label close to exactly one standard label (GR108, not a missing row).
    if (!m && key && own.length && fuzzyBudget-- > 0) {
      const fuzzy = matchRowFuzzy(key, label, version, group);
      if (fuzzy) { m = fuzzy; labelCells = own; }
    }
    if (key === null) m = null;
    const rowCells = assign(cells, start, info, headerWidth, grid, seq);
    const span = row.span;
    out.push(rowOf(m, label, m || labelCells.length ? labelSpanOf(labelCells) : null, span, rowCells, key ? N : cells.length - start));
    if (m && key) group = groupAfter(key, m.row);
  }
  return out;
}

function t4Rows(body: RawRow[], info: HeaderInfo, headerWidth: number, grid: boolean): Row[] {
  const out: Row[] = [];
  for (let k = 0; k < body.length; k++) {
    const row = body[k]!;
    const cells = row.cells;
    let L = -1;
    for (let i = 0; i < cells.length; i++) if (isText(cells[i]!.text) && (t4BlockOf(cells[i]!.text) || i === 0 || L === i - 1)) L = i;
    const labels = filledBefore(cells, L + 1);
    const label = joinTexts(labels);
    const block = label ? t4BlockOf(label) : null;
    let start = L + 1;
    const wide = info.t4Wide || (!block && cells.length - start > 5);
    const N = wide ? 15 : 5;
    while (cells.length - start > N && cells[start]!.text === '') start++;
    let rowCells: Cell[];
    if (wide) rowCells = assign(cells, start, info, headerWidth, grid, T4_COLUMN_KEYS);
    else {
      const results = info.columns.length === 5 && !info.t4Wide ? info.columns : T4_RESULT_ORDER;
      const prefix = block ? `${block.key}.` : '';
      const colAt = info.colAt && !info.t4Wide ? { ...info, colAt: info.colAt.map((c) => (c && block ? prefix + c : null)) } : info;
      rowCells = assign(cells, start, colAt, headerWidth, grid && !!block, results.map((r) => (block ? prefix + r : null)).filter((x): x is string => x !== null));
    }
    const match: RowMatch | null = null;
    const r = rowOf(match, label, labels.length ? labelSpanOf(labels) : null, row.span, rowCells, N);
    r.key = T4_DATA_ROW;
    r.match = block ? (block.exact ? 'exact' : 'alias') : null;
    out.push(r);
  }
  return out;
}

export type { Span };
