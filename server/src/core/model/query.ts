/** Cell lookup by (row key, column key), independent of the layout the table arrived in. */
import type { Cell, Row, Table } from './types';

// Tables are immutable once read: index each one on first lookup (rules ask for many cells).
const index = new WeakMap<Table, Map<string, Map<string, Cell>>>();

/** row key → column key → first cell read there. */
function indexOf(table: Table): Map<string, Map<string, Cell>> {
  let m = index.get(table);
  if (!m) {
    m = new Map();
    for (const row of table.rows) {
      if (row.key === null) continue;
      let cols = m.get(row.key);
      if (!cols) m.set(row.key, (cols = new Map()));
      for (const cell of row.cells) {
        if (cell.column !== null && !cols.has(cell.column)) cols.set(cell.column, cell);
      }
    }
    index.set(table, m);
  }
  return m;
}

export function findRow(table: Table, rowKey: string): Row | undefined {
  return table.rows.find((r) => r.key === rowKey);
}

export function cellAt(table: Table, rowKey: string, columnKey: string): Cell | undefined {
  return indexOf(table).get(rowKey)?.get(columnKey);
}

/** Whether a table was read with confidence: only such tables are computed, compared or fixed. */
export function readConfidently(table: Table): boolean {
  return table.readable && table.reading.level === 'confident';
}
