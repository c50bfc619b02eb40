/**
 * Shared pieces of Table construction: Row/Cell objects, expected cell counts, label spans,
 * version of a table from its own columns and rows. Loops over arrays are indexed: the CLI runs
 * this in V8's unoptimised tiers, where each for-of step (and each destructuring) allocates.
 */
import { withMemoSlot } from '../../model/objectMemo';
import type { Cell, Row, Table, TableShape } from '../../model/types';
import type { TableKey, TableSpec, VersionId } from '../../standard/types';
import { parseCell } from '../../text/numbers';
import type { Span } from '../../text/source';
import { isGroupRow, type RowMatch } from './rows';
import { keyList } from './spaceAlignedColumns';
import { isT2, specOf, specsOf } from './spec';
import type { RawCell } from './types';
import { cellText } from './cellText';

export function makeCell(c: RawCell, column: string | null): Cell {
  return { column, text: c.text, start: c.start, end: c.end, value: parseCell(c.text) };
}

/** makeCell of the source range [start, end) (the same Cell), without a RawCell first. */
export function makeCellAt(src: string, start: number, end: number, column: string | null): Cell {
  const text = cellText(src, start, end);
  return { column, text, start, end, value: parseCell(text) };
}

/** Span of the label as written, numbering included ("2. 其他法律法规禁止公开"); GR108 keeps the numbering. */
export function labelSpanOf(cells: readonly RawCell[]): Span | null {
  let first = 0;
  while (first < cells.length && cells[first]!.text === '') first++;
  if (first === cells.length) return null;
  let last = cells.length - 1;
  while (cells[last]!.text === '') last--;
  return { start: cells[first]!.start, end: cells[last]!.end };
}

export function rowOf(match: RowMatch | null, label: string, labelSpan: Span | null, span: Span, cells: Cell[], expectedCells: number): Row {
  return {
    key: match?.row.key ?? null, label, labelStart: labelSpan ? labelSpan.start : -1, labelEnd: labelSpan ? labelSpan.end : -1,
    match: match?.match ?? null, start: span.start, end: span.end, cells, expectedCells,
  };
}

/** Number of value cells a row of `key` should have. */
export function expectedCount(key: TableKey | null, version: VersionId | null, recognised: number, fallback: number): number {
  if (!key) return fallback;
  if (key === 'T4') return 15;
  if (isT2(key) && !version && recognised > 0) return recognised;
  return specOf(key, version).columns.length;
}

const columnKeys = new Map<TableSpec, readonly string[]>();

/**
 * Column keys of the spec, in order: one array per spec, made once (the specs never change) and
 * by keyList (pushed, not mapped: see spaceAlignedColumns.ts), so the readers' code meets one kind of array.
 */
export function specColumns(key: TableKey, version: VersionId | null): readonly string[] {
  const spec = specOf(key, version);
  let keys = columnKeys.get(spec);
  if (!keys) columnKeys.set(spec, keys = keyList(spec.columns.map((c) => c.key)));
  return keys;
}

/** The version a T2 table belongs to: header votes, else a row only one version has. */
export function t2Version(key: TableKey, votes: Record<VersionId, number>, rows: Row[]): VersionId | null {
  const specs = specsOf(key);
  if (specs.length === 1) return specs[0]!.version;
  if (votes[2019] !== votes[2021]) return votes[2019] > votes[2021] ? '2019' : '2021';
  for (const r of rows) {
    if (!r.key) continue;
    const has = specs.filter((s) => s.spec.rows.some((x) => x.key === r.key));
    if (has.length === 1) return has[0]!.version;
  }
  return null;
}

/** 表三: sub-rows of （六） → 2021; numbers on the （六） row itself → 2019. */
export function t3Version(rows: Row[]): VersionId | null {
  let v2021 = false;
  let v2019 = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!r.key) continue;
    if (r.key.startsWith('other.')) v2021 = true;
    else if (r.key === 'other' && r.cells.length > 0) v2019 = true;
  }
  return v2021 ? '2021' : v2019 ? '2019' : null;
}

/** After the version is known: group rows of that version keep no blank cells. */
export function settleGroups(key: TableKey, version: VersionId | null, rows: Row[]): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!r.key || !isGroupRow(key, r.key, version)) continue;
    if (r.cells.every((c) => c.value.kind === 'blank')) {
      r.cells = [];
      r.expectedCells = 0;
    } else r.expectedCells = 0;
  }
}

export function spanOf(spans: Span[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return { start, end };
}

/** The span covering a row's label fragments and its cells. */
export function spanOfParts(a: readonly Span[], b: readonly Cell[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const part = a[i]!;
    if (part.start < start) start = part.start;
    if (part.end > end) end = part.end;
  }
  for (let i = 0; i < b.length; i++) {
    const cell = b[i]!;
    if (cell.start < start) start = cell.start;
    if (cell.end > end) end = cell.end;
  }
  return { start, end };
}

/** The texts of `parts`, joined. */
export function joinTexts(parts: readonly { text: string }[]): string {
  let s = '';
  for (let i = 0; i < parts.length; i++) s += parts[i]!.text;
  return s;
}

export function emptyTable(shape: TableShape, key: TableKey | null, span: Span): Table {
  return withMemoSlot({ key, version: null, shape, span, caption: null, headerSpan: null, columns: [], rows: [], readable: true, reading: { level: 'confident', notes: [] } });
}
