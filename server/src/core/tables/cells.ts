/**
 * The cells of a table: lookup by (row key, column key), independent of the layout the table
 * arrived in, every value cell in reading order, and what a cell holds.
 */
import type { Cell, Row, Table } from '../model/types';
import type { Span } from '../text/source';
import { ObjectMemo } from '../model/objectMemo';

/** The cells of one row key: `get(column)` is the first cell read in that column. */
export interface RowCells {
  get(column: string): Cell | undefined;
}

/** A row with at most this many cells is scanned; a longer one (or a repeated key) gets a Map. */
const SCAN_MAX = 16;

/**
 * RowCells of the rows of one key. A row holds a handful of cells and most are asked for once, so
 * building a Map per row (most of the index's cost on a typical report) bought nothing: such a row
 * is scanned. A long row, or a key read in several rows, gets a Map on first use, so that asking
 * for every cell of a very wide table stays linear. Rows in reading order, cells in order: both
 * give the cell a Map filled first-wins holds.
 */
class KeyedRows implements RowCells {
  /** Further rows of the same key (rare: a table read twice, a repeated label). */
  more: Row[] | undefined;
  #byColumn: Map<string, Cell> | undefined;
  constructor(private readonly first: Row) {}

  get(column: string): Cell | undefined {
    if (this.more === undefined && this.first.cells.length <= SCAN_MAX) return cellIn(this.first, column);
    return (this.#byColumn ??= this.byColumn()).get(column);
  }

  private byColumn(): Map<string, Cell> {
    const m = new Map<string, Cell>();
    const add = (row: Row) => {
      const cells = row.cells;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c]!;
        if (cell.column !== null && !m.has(cell.column)) m.set(cell.column, cell);
      }
    };
    add(this.first);
    if (this.more !== undefined) for (let r = 0; r < this.more.length; r++) add(this.more[r]!);
    return m;
  }
}

function cellIn(row: Row, column: string): Cell | undefined {
  const cells = row.cells;
  for (let c = 0; c < cells.length; c++) if (cells[c]!.column === column) return cells[c];
  return undefined;
}

// Tables are immutable once read: index each one on first lookup (rules ask for many cells).
const index = new ObjectMemo<Table, Map<string, KeyedRows>>();

/** row key → column key → first cell read there (made on first use, then shared). */
export function cellIndex(table: Table): ReadonlyMap<string, RowCells> {
  return indexOf(table);
}

function indexOf(table: Table): Map<string, KeyedRows> {
  let m = index.get(table);
  if (!m) {
    m = new Map();
    const rows = table.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (row.key === null) continue;
      const keyed = m.get(row.key);
      if (!keyed) m.set(row.key, new KeyedRows(row));
      else (keyed.more ??= []).push(row);
    }
    index.set(table, m);
  }
  return m;
}

// The keys of a table's rows: GR013 asks which standard rows are there, the identities which rows to check.
const rowKeySets = new ObjectMemo<Table, ReadonlySet<string | null>>();

/** The row keys a table has (null for a row whose label was not recognised); made once per table. */
export function rowKeysOf(table: Table): ReadonlySet<string | null> {
  let keys = rowKeySets.get(table);
  if (!keys) {
    const out = new Set<string | null>();
    const rows = table.rows;
    for (let r = 0; r < rows.length; r++) out.add(rows[r]!.key);
    rowKeySets.set(table, (keys = out));
  }
  return keys;
}

export function findRow(table: Table, rowKey: string): Row | undefined {
  return table.rows.find((r) => r.key === rowKey);
}

export function cellAt(table: Table, rowKey: string, columnKey: string): Cell | undefined {
  return indexOf(table).get(rowKey)?.get(columnKey);
}


/** True when the cell is blank or absent. */
export function isBlank(cell: Cell | undefined): boolean {
  return !cell || cell.value.kind === 'blank';
}

/** True when the table holds a cell with non-placeholder text: its arithmetic fixes are not safe. */
export function hasTextCell(table: Table): boolean {
  return table.rows.some((r) => r.cells.some((c) => c.value.kind === 'text'));
}

export interface CellOfRow { row: Row; cell: Cell }

// Listed once per table: GR011 and GR105–GR111 all walk every cell.
const cellLists = new ObjectMemo<Table, readonly CellOfRow[]>();

/** All value cells of a table with their row, in reading order. */
export function cellsOf(table: Table): readonly CellOfRow[] {
  let list = cellLists.get(table);
  if (!list) {
    const out: CellOfRow[] = [];
    const rows = table.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = 0; c < row.cells.length; c++) out.push({ row, cell: row.cells[c]! });
    }
    cellLists.set(table, (list = out));
  }
  return list;
}

/** A cell's span as its own object, for code that keeps or hands on a Span (a finding, an edit). */
export function cellSpan(cell: Cell): Span {
  return { start: cell.start, end: cell.end };
}

/** The span of a row's label, null when it has none (labelStart -1). */
export function rowLabelSpan(row: Row): Span | null {
  return row.labelStart < 0 ? null : { start: row.labelStart, end: row.labelEnd };
}

/** A row's span as its own object (see cellSpan). */
export function rowSpan(row: Row): Span {
  return { start: row.start, end: row.end };
}
