/**
 * Evaluation of the 勾稽关系 (the `identities` of a TableSpec) on one table, exactly (bigint,
 * scaled decimals). GR101–GR104 report the failed checks; the hover and the inlay hints show the
 * same checks, so what the editor shows and what the rules say can never disagree.
 *
 * Conventions: a blank or a placeholder ("无", "—") counts 0 (fixes never write into a placeholder,
 * and GR105 reports it). A MISSING cell (a short row, an unrecognised column) is never taken as 0:
 * the check is `skipped` ('missing'). A term holding text makes the check `skipped` (GR105 reports
 * the cell; no sum is claimed). A target cell holding a placeholder or text is skipped too (GR105
 * again), so no cell is reported twice. The one exception is a balance whose 四 row is absent
 * altogether: it is a mismatch only when 四 would have to be negative (一 + 二 < （七）), which no
 * figure in the missing row could mend; GR103 says so.
 */
import { readConfidently } from './confidence';
import { cellIndex, rowKeysOf, type RowCells } from './cells';
import type { Cell, Table } from '../model/types';
import type { Identity, TableSpec } from '../standard/types';
import { addNum, cellNum, cmpNum, subNum, sumNums, ZERO, type Num } from './cellNumbers';
import { ObjectMemo } from '../model/objectMemo';
import { columnsOf, gridOf, plansOf, rowSumKeys, type IdentityPlan, type SpecGrid } from './specGrid';

export interface Term {
  row: string;
  column: string;
  cell: Cell | undefined;
  /** Value in the sum (0 for blank / placeholder / missing); null when the cell holds text. */
  value: Num | null;
}

export interface IdentityCheck {
  identity: Identity;
  /** Rule code (GR101…GR104). */
  rule: string;
  table: Table;
  spec: TableSpec;
  /** The cell that should hold `expected` (a total, or 四 for the balance). */
  target: Term;
  /** Summed terms (for a balance: left side first, then the right side's other term). */
  parts: Term[];
  /** Balance only: the two sides. */
  left?: Term[];
  right?: Term[];
  actual: Num | null;
  expected: Num | null;
  status: 'ok' | 'mismatch' | 'skipped';
  skipReason?: 'text' | 'targetText' | 'missing';
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
function finish(
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

// GR101–GR104, the hover and the inlay hints all ask for the same checks of the same table.
// Inner maps are plain Maps: specs are static data, and a WeakMap per table costs more.
const memo = new ObjectMemo<Table, Map<TableSpec, IdentityCheck[]>>();

/** Every identity of the table's spec, evaluated on the rows the table actually has (memoised). */
export function checkIdentities(table: Table, spec: TableSpec): IdentityCheck[] {
  let bySpec = memo.get(table);
  if (!bySpec) memo.set(table, (bySpec = new Map()));
  let checks = bySpec.get(spec);
  if (!checks) bySpec.set(spec, (checks = evaluate(table, spec)));
  return checks;
}


/** A row key's cells, undefined for a key the table lacks. */
type CellsIfAny = RowCells | undefined;

/** The terms of `row` (its cells `byColumn`) in `columns`, in an array of their exact length. */
function rowTerms(row: string, byColumn: CellsIfAny, columns: readonly string[]): Term[] {
  const list = new Array<Term>(columns.length);
  for (let i = 0; i < columns.length; i++) list[i] = termOf(row, columns[i]!, byColumn?.get(columns[i]!));
  return list;
}

/** The terms of `column` over `rows` (their cells `maps`), in an array of their exact length. */
function columnTerms(rows: readonly string[], maps: readonly CellsIfAny[], column: string): Term[] {
  const list = new Array<Term>(rows.length);
  for (let i = 0; i < rows.length; i++) list[i] = termOf(rows[i]!, column, maps[i]?.get(column));
  return list;
}

/** The cells of each of `rows`, looked up once per identity rather than once per column and row. */
function rowMaps(cells: ReadonlyMap<string, RowCells>, rows: readonly string[]): CellsIfAny[] {
  const out = new Array<CellsIfAny>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = cells.get(rows[i]!);
  return out;
}

function someRow(rowKeys: ReadonlySet<string | null>, rows: readonly string[]): boolean {
  for (let i = 0; i < rows.length; i++) if (rowKeys.has(rows[i]!)) return true;
  return false;
}

// Terms go into arrays of their exact length (a push grows an empty array to 17 slots), with
// index loops and no closure per table: this runs for every cell of every 表三 and T2 table.
function evaluate(table: Table, spec: TableSpec): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  if (!readConfidently(table)) return out;
  const rowKeys = rowKeysOf(table);
  const cells = cellIndex(table);
  const ids = spec.identities;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n]!;
    switch (id.kind) {
      case 'rowSum': {
        const keys = rowSumKeys(spec, id.rows);
        for (let i = 0; i < keys.length; i++) {
          const rowKey = keys[i]!;
          if (!rowKeys.has(rowKey)) continue;
          const byColumn = cells.get(rowKey);
          const parts = rowTerms(rowKey, byColumn, id.partColumns);
          const target = termOf(rowKey, id.totalColumn, byColumn?.get(id.totalColumn));
          out.push(finish(id, table, spec, target, parts, undefined, undefined, false));
        }
        break;
      }
      case 'columnSum': {
        if (!rowKeys.has(id.totalRow)) break;
        const maps = rowMaps(cells, id.partRows);
        const totals = cells.get(id.totalRow);
        const cols = columnsOf(spec, id.columns);
        for (let c = 0; c < cols.length; c++) {
          const col = cols[c]!;
          const parts = columnTerms(id.partRows, maps, col);
          const target = termOf(id.totalRow, col, totals?.get(col));
          out.push(finish(id, table, spec, target, parts, undefined, undefined, false));
        }
        break;
      }
      case 'balance': {
        if (!someRow(rowKeys, id.left) && !someRow(rowKeys, id.right)) break;
        const leftMaps = rowMaps(cells, id.left);
        const rightMaps = rowMaps(cells, id.right);
        const solveFor = id.solveFor;
        // The right side's terms other than solveFor: how many, to size the parts once.
        let others = 0;
        for (let i = 0; i < id.right.length; i++) if (id.right[i] !== solveFor) others++;
        const absent = !rowKeys.has(solveFor);
        const cols = columnsOf(spec, id.columns);
        for (let c = 0; c < cols.length; c++) {
          const col = cols[c]!;
          const left = columnTerms(id.left, leftMaps, col);
          const right = columnTerms(id.right, rightMaps, col);
          // solveFor = Σ left − Σ other right terms; parts: the left terms, then those others.
          const parts = new Array<Term>(left.length + others);
          for (let i = 0; i < left.length; i++) parts[i] = left[i]!;
          let target: Term | undefined;
          for (let i = 0, k = left.length; i < right.length; i++) {
            const t = right[i]!;
            if (t.row !== solveFor) parts[k++] = t;
            else target ??= t;
          }
          target ??= termOf(solveFor, col, cells.get(solveFor)?.get(col));
          out.push(finish(id, table, spec, target, parts, left, right, absent));
        }
        break;
      }
      case 'blockSum': {
        if (!rowKeys.has(id.row)) break;
        const byColumn = cells.get(id.row);
        const parts = rowTerms(id.row, byColumn, id.partColumns);
        const target = termOf(id.row, id.totalColumn, byColumn?.get(id.totalColumn));
        out.push(finish(id, table, spec, target, parts, undefined, undefined, false));
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- may a rule's checks fail?

/** What the terms of one check held, as mayFail reads them (bits). */
const MISSING = 1;
const TEXT = 2;
/** A decimal: only evaluate() adds across scales. */
const UNSURE = 4;
/** The bits of the terms read since the last reset (mayFail is synchronous and never re-entered). */
let bits = 0;

/** A whole term's units (0 for a blank, a placeholder, a missing cell), its kind in `bits`. */
function plain(cell: Cell | undefined): bigint {
  if (cell === undefined) { bits |= MISSING; return 0n; }
  const v = cell.value;
  switch (v.kind) {
    case 'blank':
    case 'placeholder':
      return 0n;
    case 'number':
      if (v.scale !== 0) { bits |= UNSURE; return 0n; }
      return v.units;
    default:
      bits |= TEXT;
      return 0n;
  }
}

/**
 * finish()'s status, reduced to "might it be 'mismatch'?": `partBits` and `sum` from the parts
 * (for a balance Σ left − Σ the other right terms), the target cell, whether its row is absent.
 * True when it is a mismatch or a term is a decimal (UNSURE: evaluate() decides).
 */
function mayMismatch(partBits: number, sum: bigint, target: Cell | undefined, targetRowAbsent: boolean): boolean {
  const kind = target?.value.kind;
  if (kind === 'placeholder' || kind === 'text') return false;
  if ((partBits & MISSING) !== 0 || (target === undefined && !targetRowAbsent)) return false;
  if ((partBits & TEXT) !== 0) return false;
  bits = 0;
  const actual = plain(target);
  if (((partBits | bits) & UNSURE) !== 0) return true;
  if (targetRowAbsent && target === undefined && sum >= 0n) return false;
  return actual !== sum;
}

/**
 * Whether some check of `rule` (null: of any rule) on the table may have status 'mismatch', decided on the cells
 * without building the checks (their terms and bigint sums were a sixth of what a typical analysis
 * allocated, for tables whose checks nearly all pass). False only when checkIdentities would give
 * no mismatch of `rule`: the same conditions as evaluate() and finish(), on whole figures (a
 * decimal term answers true and the checks decide).
 */
export function mayFail(table: Table, spec: TableSpec, rule: string | null): boolean {
  const made = memo.get(table)?.get(spec);
  if (made) {
    for (let i = 0; i < made.length; i++) if ((rule === null || made[i]!.rule === rule) && made[i]!.status === 'mismatch') return true;
    return false;
  }
  if (!readConfidently(table)) return false;
  // Every identity of the standard names rows and columns of its own spec (specGrid test): were one
  // not to, the checks would decide.
  const plans = plansOf(spec);
  return plans === null || mayFailByPosition(gridOf(table, spec), plans, rule);
}

/**
 * mayFail on the table's grid, the spec's identities as positions: the same terms in the same
 * order as by key (a cell of the grid is the cell cellIndex gives, `present` is rowKeysOf).
 */
function mayFailByPosition(grid: SpecGrid, plans: readonly IdentityPlan[], rule: string | null): boolean {
  const { width, cells, present } = grid;
  for (let n = 0; n < plans.length; n++) {
    const p = plans[n]!;
    if (rule !== null && p.rule !== rule) continue;
    switch (p.kind) {
      case 'rowSum': {
        for (let i = 0; i < p.rows.length; i++) {
          const row = p.rows[i]!;
          if (present[row] === 0) continue;
          const sum = rowSumAt(cells, row * width, p.partCols);
          if (mayMismatch(bits, sum, cells[row * width + p.totalCol], false)) return true;
        }
        break;
      }
      case 'columnSum': {
        if (present[p.totalRow] === 0) break;
        for (let c = 0; c < p.cols.length; c++) {
          bits = 0;
          const sum = columnSumAt(cells, width, p.partRows, p.cols[c]!, -1);
          if (mayMismatch(bits, sum, cells[p.totalRow * width + p.cols[c]!], false)) return true;
        }
        break;
      }
      case 'balance': {
        if (!anyPresent(present, p.left) && !anyPresent(present, p.right)) break;
        const absent = present[p.solveFor] === 0;
        for (let c = 0; c < p.cols.length; c++) {
          const col = p.cols[c]!;
          bits = 0;
          const sum = columnSumAt(cells, width, p.left, col, -1) - columnSumAt(cells, width, p.right, col, p.solveFor);
          if (mayMismatch(bits, sum, cells[p.solveFor * width + col], absent)) return true;
        }
        break;
      }
      case 'blockSum': {
        if (present[p.row] === 0) break;
        const sum = rowSumAt(cells, p.row * width, p.partCols);
        if (mayMismatch(bits, sum, cells[p.row * width + p.totalCol], false)) return true;
        break;
      }
    }
  }
  return false;
}

// The sums below skip zero terms (blanks, dashes, missing cells and the many 0 of 表三): every
// bigint addition makes a new bigint, and these were most of what mayFail allocated.

/** rowSum by position: the cells at `base` + each of `cols`. */
function rowSumAt(cells: readonly (Cell | undefined)[], base: number, cols: readonly number[]): bigint {
  bits = 0;
  let sum = 0n;
  for (let i = 0; i < cols.length; i++) {
    const v = plain(cells[base + cols[i]!]);
    if (v !== 0n) sum += v;
  }
  return sum;
}

/** columnSum by position: column `col` of `rows`, skipping row `except` (-1: none); bits accumulate. */
function columnSumAt(cells: readonly (Cell | undefined)[], width: number, rows: readonly number[], col: number, except: number): bigint {
  let sum = 0n;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] === except) continue;
    const v = plain(cells[rows[i]! * width + col]);
    if (v !== 0n) sum += v;
  }
  return sum;
}

function anyPresent(present: Uint8Array, rows: readonly number[]): boolean {
  for (let i = 0; i < rows.length; i++) if (present[rows[i]!] === 1) return true;
  return false;
}

/**
 * Row key → the column keys of the cells some identity of the spec checks as its total (the
 * `target` of a check: a rowSum's or blockSum's total column, a columnSum's total row, a balance's
 * solveFor row). Static data, listed once per spec. Only such a cell can be the target of a failed
 * check: GR107 asks for the checks only when one of its blank cells is one of these.
 */
export function targetCells(spec: TableSpec): ReadonlyMap<string, ReadonlySet<string>> {
  let targets = targetsBySpec.get(spec);
  if (targets) return targets;
  const out = new Map<string, Set<string>>();
  const add = (row: string, column: string) => {
    let cols = out.get(row);
    if (!cols) out.set(row, (cols = new Set()));
    cols.add(column);
  };
  for (const id of spec.identities) {
    switch (id.kind) {
      case 'rowSum':
        for (const row of id.rows === 'all' ? spec.rows.map((r) => r.key) : id.rows) add(row, id.totalColumn);
        break;
      case 'columnSum':
        for (const col of columnsOf(spec, id.columns)) add(id.totalRow, col);
        break;
      case 'balance':
        for (const col of columnsOf(spec, id.columns)) add(id.solveFor, col);
        break;
      case 'blockSum':
        add(id.row, id.totalColumn);
        break;
    }
  }
  targetsBySpec.set(spec, (targets = out));
  return targets;
}
const targetsBySpec = new WeakMap<TableSpec, ReadonlyMap<string, ReadonlySet<string>>>();

/** Σ of a list of terms whose values are all numbers. */
export function sideSum(terms: readonly Term[]): Num {
  return terms.reduce((acc, t) => addNum(acc, t.value ?? ZERO), ZERO);
}
