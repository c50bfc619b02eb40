// The table domain's identities (checkIdentities) and confidence (tableConfidence) written the
// plain way (closures, push-grown term arrays, a Set of reasons sorted per table): the reference
// test/unit/table-domain-reference.test.ts holds the tuned code in tables/ to.
import type { Cell, Table } from '../../server/src/core/model/types';
import type { Identity, TableSpec } from '../../server/src/core/standard/types';
import type { IdentityCheck, Term } from '../../server/src/core/tables/identities';
import type { ConfidenceReason, TableConfidence } from '../../server/src/core/tables/confidence';
import { readConfidently } from '../../server/src/core/tables/confidence';
import { rowKeysOf } from '../../server/src/core/tables/cells';
import { cellNum, cmpNum, subNum, sumNums, ZERO, type Num } from '../../server/src/core/tables/cellNumbers';

const STOPS_ARITHMETIC: ReadonlySet<ConfidenceReason> = new Set(['unreadable', 'unsure', 'unrecognisedColumn', 'fragment', 'unaligned']);

/** row key → column key → first cell read there: plain Maps, independent of tables/cells.ts. */
export function cellIndexRef(table: Table): Map<string, Map<string, Cell>> {
  const m = new Map<string, Map<string, Cell>>();
  for (const row of table.rows) {
    if (row.key === null) continue;
    let cols = m.get(row.key);
    if (!cols) m.set(row.key, (cols = new Map()));
    for (const cell of row.cells) if (cell.column !== null && !cols.has(cell.column)) cols.set(cell.column, cell);
  }
  return m;
}

function term(cells: ReadonlyMap<string, ReadonlyMap<string, Cell>>, row: string, column: string): Term {
  return termOf(row, column, cells.get(row)?.get(column));
}

/** The term of the cell found at row × column (undefined: no such cell). */
function termOf(row: string, column: string, cell: Cell | undefined): Term {
  return { row, column, cell, value: cellNum(cell) };
}

/**
 * The check of `identity` with its status. The expected value (Σ parts; for a balance Σ left −
 * Σ the other right terms, which follow the left ones in `parts`) is computed only when every
 * term is a number (never on a missing or text cell). Built in one object literal, in the order
 * the fields were always listed, without copying a pending object or a closure per check (this
 * runs for every cell of 表三).
 */
function finishId(
  identity: Identity, table: Table, spec: TableSpec, target: Term, parts: Term[],
  left: Term[] | undefined, right: Term[] | undefined, targetRowAbsent: boolean,
): IdentityCheck {
  let actual: Num | null = null;
  let exp: Num | null = null;
  let status: IdentityCheck['status'] = 'skipped';
  let skipReason: IdentityCheck['skipReason'];
  const targetKind = target.cell?.value.kind;
  if (targetKind === 'placeholder' || targetKind === 'text') skipReason = 'targetText';
  else if (hasMissing(parts) || (target.cell === undefined && !targetRowAbsent)) skipReason = 'missing';
  else if (hasText(parts) || (left && hasText(left)) || (right && hasText(right))) {
    skipReason = 'text';
    actual = target.value;
  } else {
    const e = left ? subNum(sumOf(left), sumOf(parts, left.length)) : sumOf(parts);
    // No 四 row: 四 is unknown, not 0. A count is ≥ 0, so the balance fails for certain only when
    // 四 would have to be negative; otherwise 四 may hold the difference (GR013 says the row is missing).
    if (targetRowAbsent && target.cell === undefined && e.units >= 0n) skipReason = 'missing';
    else {
      exp = e;
      actual = target.value ?? ZERO;
      status = (actual.scale === exp.scale ? actual.units === exp.units : cmpNum(actual, exp) === 0) ? 'ok' : 'mismatch';
    }
  }
  const c: IdentityCheck = left
    ? { identity, rule: identity.rule, table, spec, target, parts, left, right, actual, expected: exp, status }
    : { identity, rule: identity.rule, table, spec, target, parts, actual, expected: exp, status };
  if (skipReason) c.skipReason = skipReason;
  return c;
}

// Index loops here and in the other per-cell loops of tables/ and the table rules: a for-of step
// allocates an iterator result in unoptimised code, which is where the CLI runs (cli/tiering.ts).

/** Σ of terms[from…], whose values are all numbers (finish checked that). */
function sumOf(terms: readonly Term[], from = 0): Num {
  let units = 0n;
  for (let i = from; i < terms.length; i++) {
    const v = terms[i]!.value!;
    if (v.scale !== 0) return sumNums(terms.slice(from).map((p) => p.value!));
    units += v.units;
  }
  return terms.length > from ? { units, scale: 0 } : ZERO;
}

/** A term with no cell at all: the check cannot be evaluated (never counted as 0). */
function hasMissing(terms: Term[]): boolean {
  for (let i = 0; i < terms.length; i++) if (terms[i]!.cell === undefined) return true;
  return false;
}

/** A term holding text (value null) makes a check unclaimable. */
function hasText(terms: Term[]): boolean {
  for (let i = 0; i < terms.length; i++) if (terms[i]!.value === null) return true;
  return false;
}

function columnsOf(spec: TableSpec, cols: 'all' | string[]): string[] {
  if (cols !== 'all') return cols;
  let keys = columnKeys.get(spec);
  if (!keys) columnKeys.set(spec, (keys = spec.columns.map((c) => c.key)));
  return keys;
}

// Row keys of a spec's rowSum over 'all' rows and its column keys: static data, listed once.
const summedRows = new WeakMap<TableSpec, string[]>();
const columnKeys = new WeakMap<TableSpec, string[]>();

export function evaluateRef(table: Table, spec: TableSpec): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  if (!readConfidently(table)) return out;
  const rowKeys = rowKeysOf(table);
  const hasRow = (key: string) => rowKeys.has(key);
  const cells = cellIndexRef(table);
  // The row maps of `rows`, looked up once per identity rather than once per column and row.
  const rowMaps = (rows: readonly string[]) => rows.map((r) => cells.get(r));
  // The terms of one column over `rows` (their maps from rowMaps).
  const columnTerms = (rows: readonly string[], maps: readonly (ReadonlyMap<string, Cell> | undefined)[], column: string): Term[] => {
    const list: Term[] = [];
    for (let i = 0; i < rows.length; i++) list.push(termOf(rows[i]!, column, maps[i]?.get(column)));
    return list;
  };
  // The terms of one row: its cells looked up once, not per column (the per-cell lookups were most of this).
  const rowTerms = (columns: readonly string[], row: string): Term[] => {
    const byColumn = cells.get(row);
    const list: Term[] = [];
    for (let i = 0; i < columns.length; i++) list.push(termOf(row, columns[i]!, byColumn?.get(columns[i]!)));
    return list;
  };
  for (const id of spec.identities) {
    switch (id.kind) {
      case 'rowSum': {
        let keys = id.rows === 'all' ? summedRows.get(spec) : id.rows;
        if (!keys) summedRows.set(spec, (keys = spec.rows.filter((r) => !r.groupLabel).map((r) => r.key)));
        for (let i = 0; i < keys.length; i++) {
          const rowKey = keys[i]!;
          if (!hasRow(rowKey)) continue;
          const parts = rowTerms(id.partColumns, rowKey);
          const target = term(cells, rowKey, id.totalColumn);
          out.push(finishId(id, table, spec, target, parts, undefined, undefined, false));
        }
        break;
      }
      case 'columnSum': {
        if (!hasRow(id.totalRow)) break;
        const maps = rowMaps(id.partRows);
        for (const col of columnsOf(spec, id.columns)) {
          const parts = columnTerms(id.partRows, maps, col);
          const target = term(cells, id.totalRow, col);
          out.push(finishId(id, table, spec, target, parts, undefined, undefined, false));
        }
        break;
      }
      case 'balance': {
        if (!id.left.some((r) => hasRow(r)) && !id.right.some((r) => hasRow(r))) break;
        const leftMaps = rowMaps(id.left);
        const rightMaps = rowMaps(id.right);
        for (const col of columnsOf(spec, id.columns)) {
          const left = columnTerms(id.left, leftMaps, col);
          const right = columnTerms(id.right, rightMaps, col);
          const target = right.find((t) => t.row === id.solveFor) ?? term(cells, id.solveFor, col);
          const others = right.filter((t) => t.row !== id.solveFor);
          // solveFor = Σ left − Σ other right terms
          out.push(finishId(id, table, spec, target, [...left, ...others], left, right, !hasRow(id.solveFor)));
        }
        break;
      }
      case 'blockSum': {
        if (!hasRow(id.row)) break;
        const parts = rowTerms(id.partColumns, id.row);
        const target = term(cells, id.row, id.totalColumn);
        out.push(finishId(id, table, spec, target, parts, undefined, undefined, false));
        break;
      }
    }
  }
  return out;
}


export function confidenceRef(table: Table, spec: TableSpec | undefined, twin: boolean): TableConfidence {
  const reasons = new Set<ConfidenceReason>();
  if (!table.readable) reasons.add('unreadable');
  else if (table.reading.level !== 'confident') reasons.add('unsure');
  const computed = table.readable && table.reading.level === 'confident';
  if (!spec) return finishConf(computed, reasons);
  // What the reader guessed may be checked (the identities tell) but is never edited by fix-all.
  if (table.reading.notes.some((n) => n.kind === 'guessed')) reasons.add('guessed');
  if (twin) reasons.add('fragment');
  const known = new Set(table.columns);
  if (spec.columns.some((c) => !known.has(c.key))) reasons.add('missingColumn');
  const { inIdentity, groupRows } = rowSetsOf(spec);
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.key && groupRows.has(row.key)) continue;
    if (row.cells.length !== row.expectedCells) {
      reasons.add(table.shape === 'spaceAligned' ? 'unaligned' : 'cellCount');
    }
    if (!row.key) {
      if (row.cells.some((c) => c.value.kind === 'number')) reasons.add('unrecognisedRow');
      continue;
    }
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c]!;
      if (cell.column === null) {
        if (cell.value.kind !== 'blank') reasons.add('unrecognisedColumn');
        continue;
      }
      if ((cell.value.kind === 'text' || cell.value.kind === 'placeholder') && inIdentity.has(row.key)) reasons.add('notANumber');
    }
  }
  return finishConf(computed, reasons);
}

function finishConf(computed: boolean, reasons: Set<ConfidenceReason>): TableConfidence {
  const list = [...reasons].sort();
  return {
    computed,
    arithmetic: !list.some((r) => STOPS_ARITHMETIC.has(r)),
    fixes: list.length === 0,
    reasons: list,
  };
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
