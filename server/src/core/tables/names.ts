/**
 * Readable names of a spec's tables, rows, columns and cells for messages, hover and inlay hints
 * ("（七）总计·自然人"), cached per spec, and the row / column specs by key.
 */
import type { Cell, Row } from '../model/types';
import type { ColumnSpec, RowSpec, TableSpec } from '../standard/types';


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
