/**
 * Shared helpers of the text and cross-report rules (GR2xx, GR3xx, GR023/GR024): table values as
 * exact integers, readable cell names for messages, related information pointing at cells.
 */
import { readConfidently } from '../../tables/confidence';
import { ObjectMemo } from '../../model/objectMemo';
import { cellAt, cellSpan, rowKeysOf, rowLabelSpan, rowSpan } from '../../tables/cells';
import type { Cell, ReportModel, Table } from '../../model/types';
import type { TableKey, TableSpec } from '../../standard/types';
import type { Span } from '../../text/source';
import { cellName, tableName } from '../../tables/names';
import { cellNum } from '../../tables/cellNumbers';
import { specOf } from '../../tables/checked';
import { T4_BLOCK_COLUMNS, type T4BlockKey } from '../../standard/t4';
import { visibleSpan } from '../../tables/spans';
import type { Related } from '../../types';
import type { RuleContext } from '../types';

/** The first table of a kind read with confidence (no comparison with guessed cells). */
/** Per table list: the first confidently read table of each key (null: none). */
const firstConfident = new ObjectMemo<readonly Table[], Map<TableKey, Table | null>>();

/**
 * The first confidently read table of `key`. Memoised per table list: the text rules ask once per
 * claim, and a report with many tables and no confident T3 made that tables × claims.
 */
export function tableOf(model: ReportModel, key: TableKey): Table | undefined {
  let byKey = firstConfident.get(model.tables);
  if (byKey === undefined) firstConfident.set(model.tables, (byKey = new Map()));
  let table = byKey.get(key);
  if (table === undefined) byKey.set(key, (table = model.tables.find((t) => t.key === key && readConfidently(t)) ?? null));
  return table ?? undefined;
}

export interface CellRef {
  table: Table;
  spec: TableSpec;
  rowKey: string;
  columnKey: string;
  cell: Cell | undefined;
  /** Exact integer value: blank / placeholder / missing cell = 0; null when not a whole number. */
  value: bigint | null;
}

function intOf(cell: Cell | undefined): bigint | null {
  const n = cellNum(cell);
  if (!n || n.scale !== 0) return null;
  return n.units;
}

/** A cell of a model's table by keys; undefined when the table or row is absent. */
export function cellRef(model: ReportModel, key: TableKey, rowKey: string, columnKey: string): CellRef | undefined {
  const table = tableOf(model, key);
  if (!table) return undefined;
  const spec = specOf(table, model.checkedVersion);
  if (!spec) return undefined;
  // Rows of one key may be several (表四 written as three rows of five): look in all of them.
  if (!rowKeysOf(table).has(rowKey)) return undefined;
  const cell = cellAt(table, rowKey, columnKey);
  return { table, spec, rowKey, columnKey, cell, value: intOf(cell) };
}

/**
 * The value of a cell that was actually filled in: null for a blank or absent cell (and for a
 * non-integer). Rules comparing figures use this, never `value`, so a missing cell is never a 0.
 */
export function filledValue(ref: CellRef | undefined): bigint | null {
  if (!ref || !ref.cell || ref.cell.value.kind === 'blank') return null;
  return ref.value;
}

/** "表三“一、本年新收政府信息公开申请数量·总计”" */
export function refName(ref: CellRef): string {
  return `${tableName(ref.spec)}“${cellName(ref.spec, ref.rowKey, ref.columnKey)}”`;
}

/** Where a cell is shown (a blank cell: the white space it would be typed into, else its row). */
export function refSpan(model: ReportModel, ref: CellRef): Span {
  const cell = ref.cell;
  if (cell) {
    const owner = ref.table.rows.find((r) => r.cells.includes(cell));
    return visibleSpan(model.source, cellSpan(cell), owner && rowLabelSpan(owner));
  }
  const row = ref.table.rows.find((r) => r.key === ref.rowKey);
  return row ? rowLabelSpan(row) ?? rowSpan(row) : ref.table.span;
}

export function refRelated(ctx: RuleContext, model: ReportModel, ref: CellRef, uri?: string): Related {
  // A blank or absent cell says so: it is not "的数值为0".
  const blank = !ref.cell || ref.cell.value.kind === 'blank';
  return {
    span: refSpan(model, ref),
    message: blank
      ? ctx.t('GR2xx.cellBlank', { cell: refName(ref) })
      : ctx.t('GR2xx.cell', { cell: refName(ref), value: ref.value === null ? ref.cell!.text : ref.value.toString() }),
    ...(uri ? { uri } : {}),
  };
}

/**
 * T4 block total: the 总计 cell, or the sum of its four parts when 总计 is blank and all four are
 * filled in; null when that sum would count a blank part as 0.
 */
export function t4Total(model: ReportModel, block: T4BlockKey): { value: bigint; ref: CellRef } | null {
  // The spec's own key strings (standard/t4.ts): a key built here would be compared character by character.
  const keys = T4_BLOCK_COLUMNS.get(block)!;
  const total = cellRef(model, 'T4', 'data', keys.total);
  if (!total) return null;
  const filled = filledValue(total);
  if (filled !== null) return { value: filled, ref: total };
  let sum = 0n;
  for (let i = 0; i < keys.parts.length; i++) {
    const v = filledValue(cellRef(model, 'T4', 'data', keys.parts[i]!));
    if (v === null) return null;
    sum += v;
  }
  return { value: sum, ref: total };
}
