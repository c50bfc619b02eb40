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
import { cellAt } from './cells';
import type { Cell, Table } from '../model/types';
import type { Identity, TableSpec } from '../standard/types';
import { addNum, cellNum, cmpNum, subNum, sumNums, ZERO, type Num } from './cellNumbers';

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

function term(table: Table, row: string, column: string): Term {
  const cell = cellAt(table, row, column);
  return { row, column, cell, value: cellNum(cell) };
}

type Pending = Omit<IdentityCheck, 'status' | 'actual' | 'expected'> & { targetRowAbsent?: boolean };

function finish(p: Pending, compute: () => Num): IdentityCheck {
  const { targetRowAbsent: _, ...c } = p;
  const targetKind = c.target.cell?.value.kind;
  if (targetKind === 'placeholder' || targetKind === 'text') {
    return Object.assign(c, { actual: null, expected: null, status: 'skipped' as const, skipReason: 'targetText' as const });
  }
  if (hasMissing(c.parts) || (c.target.cell === undefined && !p.targetRowAbsent)) {
    return Object.assign(c, { actual: null, expected: null, status: 'skipped' as const, skipReason: 'missing' as const });
  }
  if (hasText(c.parts) || (c.left && hasText(c.left)) || (c.right && hasText(c.right))) {
    return Object.assign(c, { actual: c.target.value, expected: null, status: 'skipped' as const, skipReason: 'text' as const });
  }
  const expected = compute();
  // No 四 row: 四 is unknown, not 0. A count is ≥ 0, so the balance fails for certain only when
  // 四 would have to be negative; otherwise 四 may hold the difference (GR013 says the row is missing).
  if (p.targetRowAbsent && c.target.cell === undefined && expected.units >= 0n) {
    return Object.assign(c, { actual: null, expected: null, status: 'skipped' as const, skipReason: 'missing' as const });
  }
  const actual = c.target.value ?? ZERO;
  return Object.assign(c, { actual, expected, status: cmpNum(actual, expected) === 0 ? 'ok' as const : 'mismatch' as const });
}

/** A term with no cell at all: the check cannot be evaluated (never counted as 0). */
function hasMissing(terms: Term[]): boolean {
  for (const t of terms) if (t.cell === undefined) return true;
  return false;
}

/** A term holding text (value null) makes a check unclaimable. */
function hasText(terms: Term[]): boolean {
  for (const t of terms) if (t.value === null) return true;
  return false;
}

function columnsOf(spec: TableSpec, cols: 'all' | string[]): string[] {
  return cols === 'all' ? spec.columns.map((c) => c.key) : cols;
}

// GR101–GR104, the hover and the inlay hints all ask for the same checks of the same table.
// Inner maps are plain Maps: specs are static data, and a WeakMap per table costs more.
const memo = new WeakMap<Table, Map<TableSpec, IdentityCheck[]>>();

/** Every identity of the table's spec, evaluated on the rows the table actually has (memoised). */
export function checkIdentities(table: Table, spec: TableSpec): IdentityCheck[] {
  let bySpec = memo.get(table);
  if (!bySpec) memo.set(table, (bySpec = new Map()));
  let checks = bySpec.get(spec);
  if (!checks) bySpec.set(spec, (checks = evaluate(table, spec)));
  return checks;
}

function evaluate(table: Table, spec: TableSpec): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  if (!readConfidently(table)) return out;
  const rowKeys = new Set<string | null>();
  for (const r of table.rows) rowKeys.add(r.key);
  const hasRow = (key: string) => rowKeys.has(key);
  for (const id of spec.identities) {
    switch (id.kind) {
      case 'rowSum': {
        const keys = id.rows === 'all' ? spec.rows.filter((r) => !r.groupLabel).map((r) => r.key) : id.rows;
        for (const rowKey of keys) {
          if (!hasRow(rowKey)) continue;
          const parts = id.partColumns.map((c) => term(table, rowKey, c));
          const target = term(table, rowKey, id.totalColumn);
          out.push(finish({ identity: id, rule: id.rule, table, spec, target, parts }, () => sumNums(parts.map((p) => p.value!))));
        }
        break;
      }
      case 'columnSum': {
        if (!hasRow(id.totalRow)) break;
        for (const col of columnsOf(spec, id.columns)) {
          const parts = id.partRows.map((r) => term(table, r, col));
          const target = term(table, id.totalRow, col);
          out.push(finish({ identity: id, rule: id.rule, table, spec, target, parts }, () => sumNums(parts.map((p) => p.value!))));
        }
        break;
      }
      case 'balance': {
        if (!id.left.some((r) => hasRow(r)) && !id.right.some((r) => hasRow(r))) break;
        for (const col of columnsOf(spec, id.columns)) {
          const left = id.left.map((r) => term(table, r, col));
          const right = id.right.map((r) => term(table, r, col));
          const target = right.find((t) => t.row === id.solveFor) ?? term(table, id.solveFor, col);
          const others = right.filter((t) => t.row !== id.solveFor);
          out.push(finish(
            { identity: id, rule: id.rule, table, spec, target, parts: [...left, ...others], left, right, targetRowAbsent: !hasRow(id.solveFor) },
            // solveFor = Σ left − Σ other right terms
            () => subNum(sumNums(left.map((t) => t.value!)), sumNums(others.map((t) => t.value!))),
          ));
        }
        break;
      }
      case 'blockSum': {
        if (!hasRow(id.row)) break;
        const parts = id.partColumns.map((c) => term(table, id.row, c));
        const target = term(table, id.row, id.totalColumn);
        out.push(finish({ identity: id, rule: id.rule, table, spec, target, parts }, () => sumNums(parts.map((p) => p.value!))));
        break;
      }
    }
  }
  return out;
}

/** Σ of a list of terms whose values are all numbers. */
export function sideSum(terms: readonly Term[]): Num {
  return terms.reduce((acc, t) => addNum(acc, t.value ?? ZERO), ZERO);
}
