/**
 * How far a table as read can be trusted: whether it is computed at all (its figures summed,
 * compared with the text, fixed), whether its arithmetic may be checked, and whether fixes may be
 * offered as safe (fix-all) on it. ONE function decides, from the signals the model carries:
 * `tableConfidence`; `readConfidently(table)` is its `computed` answer for callers without a spec.
 *
 * Why: a fix computed on a table that was read wrongly (shifted cells, unrecognised columns, a
 * table in fragments) rewrites correct figures. When the reader is unsure, report and leave the
 * figures to the author.
 */
import type { Table } from '../model/types';
import type { TableSpec } from '../standard/types';
import { ObjectMemo } from '../model/objectMemo';

export type ConfidenceReason =
  /** The cells could not be separated at all (flattened text). */
  | 'unreadable'
  /** The reader was not confident of its reading (reading.level): the table is not computed at all. */
  | 'unsure'
  /** A value cell sits under a column the header did not name (placeholder or unknown header). */
  | 'unrecognisedColumn'
  /** Columns of the standard that the header does not have. */
  | 'missingColumn'
  /** A row with figures whose label was not recognised. */
  | 'unrecognisedRow'
  /** The same standard table appears more than once (read in fragments). */
  | 'fragment'
  /** A row has more or fewer cells than the table (GR109): cells may have shifted. */
  | 'cellCount'
  /** Space-aligned rows whose cells could not be aligned to the columns. */
  | 'unaligned'
  /** A cell of an identity holds text or a placeholder ("—", "无"), not a number. */
  | 'notANumber'
  /** The reader guessed part of the layout (pieces joined, placeholder columns mapped by position). */
  | 'guessed';

export interface TableConfidence {
  /** The figures are read with confidence: the table is computed, compared and fixed at all. */
  computed: boolean;
  /** GR101–GR104 may evaluate the identities. */
  arithmetic: boolean;
  /** Fixes on this table's figures may be safe (applied by fix-all). */
  fixes: boolean;
  /** Every reason that lowered the confidence, once each, in a stable order. */
  reasons: readonly ConfidenceReason[];
}

/** Reasons that stop the arithmetic itself (the figures are not where the columns say). */
const STOPS_ARITHMETIC: ReadonlySet<ConfidenceReason> = new Set(['unreadable', 'unsure', 'unrecognisedColumn', 'fragment', 'unaligned']);

/**
 * Per table: [spec, confidence without a twin, with one, spec, …] (null for no spec). A table meets
 * one or two specs (none, its own): a short list scanned, not a Map and an array per table.
 */
const memo = new ObjectMemo<Table, (TableSpec | TableConfidence | null | undefined)[]>();

/**
 * The confidence of `table` read against `spec`. `tables` (the model's list) tells whether the
 * same table was read more than once; pass it when known. Without a spec only the reading itself
 * is judged (`computed`); the spec-dependent reasons need the spec.
 */
export function tableConfidence(table: Table, spec?: TableSpec, tables: readonly Table[] = []): TableConfidence {
  // Memo per table, spec and whether the list holds a twin: one table object is shared by the
  // models of several versions of a document (incremental parse), whose lists may differ.
  const twin = !!spec && hasTwin(table, tables);
  const key = spec ?? null;
  let list = memo.get(table);
  // Made with its first entry (a push would grow an empty array to 17 slots).
  if (!list) memo.set(table, (list = [key, undefined, undefined]));
  let at = 0;
  while (at < list.length && list[at] !== key) at += 3;
  if (at === list.length) list.push(key, undefined, undefined);
  const slot = at + (twin ? 2 : 1);
  let c = list[slot] as TableConfidence | undefined;
  if (!c) list[slot] = c = compute(table, spec, twin);
  return c;
}

/** Per table list: how many of its tables have each key, and its members. */
const listKeys = new ObjectMemo<readonly Table[], { counts: Map<string, number>; members: Set<Table> }>();

/** Whether another table of `tables` has the key of `table` (the same table read more than once). */
function hasTwin(table: Table, tables: readonly Table[]): boolean {
  if (!table.key || !tables.length) return false;
  let k = listKeys.get(tables);
  if (!k) {
    k = { counts: new Map(), members: new Set(tables) };
    for (const t of tables) if (t.key) k.counts.set(t.key, (k.counts.get(t.key) ?? 0) + 1);
    listKeys.set(tables, k);
  }
  return (k.counts.get(table.key) ?? 0) - (k.members.has(table) ? 1 : 0) > 0;
}

/** Whether a table was read with confidence: only such tables are computed, compared or fixed. */
export function readConfidently(table: Table): boolean {
  return tableConfidence(table).computed;
}

/**
 * The reasons in the order finish() lists them (sorted by name, as they always were listed), each
 * a bit of the mask compute() collects: no Set per table and spec, and no copy of it to sort.
 */
// Every reason once: a Record over the union, so a reason added to the type and not here fails to compile.
const EVERY_REASON: Record<ConfidenceReason, true> = {
  unreadable: true, unsure: true, unrecognisedColumn: true, missingColumn: true, unrecognisedRow: true, fragment: true,
  cellCount: true, unaligned: true, notANumber: true, guessed: true,
};
const REASONS: readonly ConfidenceReason[] = (Object.keys(EVERY_REASON) as ConfidenceReason[]).sort();
const BIT = new Map<ConfidenceReason, number>(REASONS.map((r, i) => [r, 1 << i]));
const bit = (r: ConfidenceReason): number => BIT.get(r)!;
const UNREADABLE = bit('unreadable');
const UNSURE = bit('unsure');
const GUESSED = bit('guessed');
const FRAGMENT = bit('fragment');
const MISSING_COLUMN = bit('missingColumn');
const UNALIGNED = bit('unaligned');
const CELL_COUNT = bit('cellCount');
const UNRECOGNISED_ROW = bit('unrecognisedRow');
const UNRECOGNISED_COLUMN = bit('unrecognisedColumn');
const NOT_A_NUMBER = bit('notANumber');
let stopMask = 0;
for (const r of STOPS_ARITHMETIC) stopMask |= bit(r);
const STOPS = stopMask;

function compute(table: Table, spec: TableSpec | undefined, twin: boolean): TableConfidence {
  let reasons = 0;
  if (!table.readable) reasons |= UNREADABLE;
  else if (table.reading.level !== 'confident') reasons |= UNSURE;
  const computed = table.readable && table.reading.level === 'confident';
  if (!spec) return finish(computed, reasons);
  // What the reader guessed may be checked (the identities tell) but is never edited by fix-all.
  const notes = table.reading.notes;
  for (let i = 0; i < notes.length; i++) if (notes[i]!.kind === 'guessed') { reasons |= GUESSED; break; }
  if (twin) reasons |= FRAGMENT;
  // A table has at most a few dozen columns: includes() rather than a Set per table.
  const columns = table.columns;
  for (let i = 0; i < spec.columns.length; i++) if (!columns.includes(spec.columns[i]!.key)) { reasons |= MISSING_COLUMN; break; }
  const { inIdentity, groupRows } = rowSetsOf(spec);
  const shifted = table.shape === 'spaceAligned' ? UNALIGNED : CELL_COUNT;
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.key && groupRows.has(row.key)) continue;
    if (row.cells.length !== row.expectedCells) reasons |= shifted;
    const cells = row.cells;
    if (!row.key) {
      for (let c = 0; c < cells.length; c++) if (cells[c]!.value.kind === 'number') { reasons |= UNRECOGNISED_ROW; break; }
      continue;
    }
    const checked = inIdentity.has(row.key);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      const kind = cell.value.kind;
      if (cell.column === null) {
        if (kind !== 'blank') reasons |= UNRECOGNISED_COLUMN;
        continue;
      }
      if ((kind === 'text' || kind === 'placeholder') && checked) reasons |= NOT_A_NUMBER;
    }
  }
  return finish(computed, reasons);
}

/** Lists of reasons by mask, shared (a list is never written to): most tables have none or the same few. */
const listsByMask = new Map<number, readonly ConfidenceReason[]>();

function finish(computed: boolean, reasons: number): TableConfidence {
  let list = listsByMask.get(reasons);
  if (!list) {
    list = REASONS.filter((r) => (reasons & bit(r)) !== 0);
    listsByMask.set(reasons, list);
  }
  return { computed, arithmetic: (reasons & STOPS) === 0, fixes: reasons === 0, reasons: list };
}

/** A spec's identity rows and group rows: static data, made once per spec (not per table and analysis). */
const rowSets = new WeakMap<TableSpec, { inIdentity: Set<string>; groupRows: Set<string> }>();
function rowSetsOf(spec: TableSpec): { inIdentity: Set<string>; groupRows: Set<string> } {
  let sets = rowSets.get(spec);
  if (!sets) {
    sets = { inIdentity: identityRows(spec), groupRows: new Set(spec.rows.filter((r) => r.groupLabel).map((r) => r.key)) };
    rowSets.set(spec, sets);
  }
  return sets;
}

/** Rows whose cells take part in some identity of the spec. */
function identityRows(spec: TableSpec): Set<string> {
  const out = new Set<string>();
  for (const id of spec.identities) {
    switch (id.kind) {
      case 'rowSum':
        for (const r of id.rows === 'all' ? spec.rows.map((x) => x.key) : id.rows) out.add(r);
        break;
      case 'columnSum':
        out.add(id.totalRow);
        for (const r of id.partRows) out.add(r);
        break;
      case 'balance':
        for (const r of [...id.left, ...id.right]) out.add(r);
        break;
      case 'blockSum':
        out.add(id.row);
        break;
    }
  }
  return out;
}
