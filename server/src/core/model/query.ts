/** Cell lookup by (row key, column key), independent of the layout the table arrived in. */
import type { Cell, Row, Table } from './types';

export function findRow(table: Table, rowKey: string): Row | undefined {
  return table.rows.find((r) => r.key === rowKey);
}

export function cellAt(table: Table, rowKey: string, columnKey: string): Cell | undefined {
  for (const row of table.rows) {
    if (row.key !== rowKey) continue;
    const cell = row.cells.find((c) => c.column === columnKey);
    if (cell) return cell;
  }
  return undefined;
}
