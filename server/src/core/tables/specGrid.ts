/**
 * A table's cells as a dense grid over its spec's rows and columns (positions, first wins), and a
 * spec's identities with their keys turned into those positions. mayFail reads every term of
 * every check: by position each is an array read, where cellIndex scanned the row's cells
 * comparing column keys (most of mayFail's time on a typical 表三).
 */
import type { Cell, Table } from '../model/types';
import type { Identity, TableSpec } from '../standard/types';
import { ObjectMemo } from '../model/objectMemo';

/** Row and column keys of a spec by position (the first of a repeated key wins). */
export interface SpecAxes { rows: Map<string, number>; cols: Map<string, number> }

const axesBySpec = new WeakMap<TableSpec, SpecAxes>();

export function axesOf(spec: TableSpec): SpecAxes {
  let axes = axesBySpec.get(spec);
  if (!axes) {
    const rows = new Map<string, number>();
    for (let i = 0; i < spec.rows.length; i++) if (!rows.has(spec.rows[i]!.key)) rows.set(spec.rows[i]!.key, rows.size);
    const cols = new Map<string, number>();
    for (let i = 0; i < spec.columns.length; i++) if (!cols.has(spec.columns[i]!.key)) cols.set(spec.columns[i]!.key, cols.size);
    axesBySpec.set(spec, (axes = { rows, cols }));
  }
  return axes;
}

/**
 * `cells[row * width + col]`: the first cell read at that (row key, column), as cellIndex gives it
 * (rows in reading order, cells in order, first wins). `present[row]`: some row has that key
 * (rowKeysOf), with or without cells.
 */
export interface SpecGrid { width: number; cells: (Cell | undefined)[]; present: Uint8Array }

// Inner maps are plain Maps: specs are static data (as the identities' memo).
const grids = new ObjectMemo<Table, Map<TableSpec, SpecGrid>>();

export function gridOf(table: Table, spec: TableSpec): SpecGrid {
  let bySpec = grids.get(table);
  if (!bySpec) grids.set(table, (bySpec = new Map()));
  let grid = bySpec.get(spec);
  if (!grid) bySpec.set(spec, (grid = buildGrid(table, axesOf(spec))));
  return grid;
}

function buildGrid(table: Table, axes: SpecAxes): SpecGrid {
  const width = axes.cols.size;
  const cells = new Array<Cell | undefined>(axes.rows.size * width).fill(undefined);
  const present = new Uint8Array(axes.rows.size);
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.key === null) continue;
    const ri = axes.rows.get(row.key);
    if (ri === undefined) continue;
    present[ri] = 1;
    const base = ri * width;
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c]!;
      if (cell.column === null) continue;
      const ci = axes.cols.get(cell.column);
      if (ci !== undefined && cells[base + ci] === undefined) cells[base + ci] = cell;
    }
  }
  return { width, cells, present };
}

/** An identity with its keys as positions (the same lists, in the same order). */
export type IdentityPlan =
  | { kind: 'rowSum'; rule: string; rows: number[]; partCols: number[]; totalCol: number }
  | { kind: 'columnSum'; rule: string; totalRow: number; partRows: number[]; cols: number[] }
  | { kind: 'balance'; rule: string; left: number[]; right: number[]; solveFor: number; cols: number[] }
  | { kind: 'blockSum'; rule: string; row: number; partCols: number[]; totalCol: number };

const plansBySpec = new WeakMap<TableSpec, IdentityPlan[] | null>();

// Row keys of a spec's rowSum over 'all' rows and its column keys: static data, listed once.
const summedRows = new WeakMap<TableSpec, string[]>();
const columnKeys = new WeakMap<TableSpec, string[]>();

/** The rows a rowSum identity checks: its own list, or for 'all' every row of the spec but group labels (made once per spec). */
export function rowSumKeys(spec: TableSpec, rows: readonly string[] | 'all'): readonly string[] {
  if (rows !== 'all') return rows;
  let keys = summedRows.get(spec);
  if (!keys) summedRows.set(spec, (keys = spec.rows.filter((r) => !r.groupLabel).map((r) => r.key)));
  return keys;
}

/** The columns an identity over 'all' columns checks: every column of the spec (made once per spec). */
export function columnsOf(spec: TableSpec, cols: 'all' | string[]): string[] {
  if (cols !== 'all') return cols;
  let keys = columnKeys.get(spec);
  if (!keys) columnKeys.set(spec, (keys = spec.columns.map((c) => c.key)));
  return keys;
}

/** The spec's identities as positions (rows and columns as evaluate() lists them); null when one names a row or column the spec lacks. */
export function plansOf(spec: TableSpec): IdentityPlan[] | null {
  let plans = plansBySpec.get(spec);
  if (plans === undefined) plansBySpec.set(spec, (plans = compile(spec)));
  return plans;
}

function compile(spec: TableSpec): IdentityPlan[] | null {
  const { rows, cols } = axesOf(spec);
  let ok = true;
  const at = (m: Map<string, number>, k: string): number => {
    const i = m.get(k);
    if (i === undefined) { ok = false; return -1; }
    return i;
  };
  const r = (keys: readonly string[]) => keys.map((k) => at(rows, k));
  const c = (keys: readonly string[]) => keys.map((k) => at(cols, k));
  const plans = spec.identities.map((id: Identity): IdentityPlan => {
    switch (id.kind) {
      case 'rowSum': return { kind: 'rowSum', rule: id.rule, rows: r(rowSumKeys(spec, id.rows)), partCols: c(id.partColumns), totalCol: at(cols, id.totalColumn) };
      case 'columnSum': return { kind: 'columnSum', rule: id.rule, totalRow: at(rows, id.totalRow), partRows: r(id.partRows), cols: c(columnsOf(spec, id.columns)) };
      case 'balance': return { kind: 'balance', rule: id.rule, left: r(id.left), right: r(id.right), solveFor: at(rows, id.solveFor), cols: c(columnsOf(spec, id.columns)) };
      case 'blockSum': return { kind: 'blockSum', rule: id.rule, row: at(rows, id.row), partCols: c(id.partColumns), totalCol: at(cols, id.totalColumn) };
    }
  });
  return ok ? plans : null;
}
