/**
 * Error localisation: the identities of a table work like parity checks. One wrong cell breaks
 * exactly the identities it takes part in, and the amount each one is off tells the value the
 * cell should have. Before any arithmetic fix, search for a SINGLE cell change that makes every
 * evaluated identity of the table hold:
 *  - exactly one such cell (and so one value): `located` — the suspect; a fix there is safe when
 *    the table's reading is trusted and the cell holds a number;
 *  - several, or none: the failing identities name candidates, each only a non-safe fix.
 *
 * Each identity is a linear form Σ coef·cell = 0 (a sum: total − Σ parts; the balance:
 * 一 + 二 − （七） − 四). A cell in an identity that could not be evaluated (text, missing) is
 * never located: changing it could break what we cannot see.
 */
import type { Cell, Table } from '../model/types';
import { addNum, cmpNum, negNum, sumNums, ZERO, type Num } from './cellNumbers';
import type { IdentityCheck, Term } from './identities';
import { ObjectMemo } from '../model/objectMemo';

export interface Suspect {
  row: string;
  column: string;
  cell: Cell;
  /** The figure as read (blank and placeholder read as 0). */
  old: Num;
  /** The figure that makes the identities hold. */
  value: Num;
}

export interface Localisation {
  /** Evaluated checks that fail. */
  failing: IdentityCheck[];
  /** Cells whose change alone makes every evaluated identity of the table hold. */
  explainers: Suspect[];
  /** The one explainer when there is exactly one; null otherwise. */
  located: Suspect | null;
}

interface Slot { check: IdentityCheck; coef: number }

/** Linear form of a check: [term, coefficient] (a cell listed twice adds up its coefficients). */
function form(check: IdentityCheck): [Term, number][] {
  if (check.identity.kind === 'balance') {
    return [...check.left!.map((t): [Term, number] => [t, 1]), ...check.right!.map((t): [Term, number] => [t, -1])];
  }
  return [[check.target, 1], ...check.parts.map((t): [Term, number] => [t, -1])];
}

/** Σ coef·value: 0 when the identity holds. */
function residual(check: IdentityCheck): Num {
  return sumNums(form(check).map(([t, k]) => (k > 0 ? t.value ?? ZERO : negNum(t.value ?? ZERO))));
}

/** Evaluated on figures that are all there (a balance with no 四 row is not: its 四 is unknown). */
function known(c: IdentityCheck): boolean {
  return c.status !== 'skipped' && c.target.cell !== undefined;
}

/**
 * One key string per (row, column), interned: keys are asked for every cell of every check, and
 * a fresh concatenation per ask (hashed anew in each Map) cost more than the localisation itself.
 * Row and column keys come from the standard's specs, so the table stays small; it is capped anyway.
 */
const internedKeys = new Map<string, Map<string, string>>();
let internedCount = 0;
function keyOf(t: { row: string; column: string }): string {
  let byColumn = internedKeys.get(t.row);
  let key = byColumn?.get(t.column);
  if (key === undefined) {
    key = `${t.row}\u0000${t.column}`;
    if (internedCount < 100_000) {
      if (!byColumn) internedKeys.set(t.row, (byColumn = new Map()));
      byColumn.set(t.column, key);
      internedCount++;
    }
  }
  return key;
}

const memo = new ObjectMemo<readonly IdentityCheck[], Localisation>();

/** Localises the failing identities of ONE table's checks (memoised per checks list). */
export function localise(checks: readonly IdentityCheck[]): Localisation {
  let l = memo.get(checks);
  if (!l) memo.set(checks, (l = compute(checks)));
  return l;
}

function compute(checks: readonly IdentityCheck[]): Localisation {
  const failing = checks.filter(known).filter((c) => c.status === 'mismatch');
  if (!failing.length) return { failing, explainers: [], located: null };
  // Cell → the checks it takes part in (evaluated or not).
  const slots = new Map<string, Slot[]>();
  for (const check of checks) {
    for (const [key, coef] of coefsOf(check)) {
      if (coef === 0) continue;
      let s = slots.get(key);
      if (!s) slots.set(key, (s = []));
      s.push({ check, coef });
    }
  }
  const explainers: Suspect[] = [];
  // Only a cell in the first failing check can explain them all.
  for (const [t] of form(failing[0]!)) {
    const key = keyOf(t);
    if (explainers.some((e) => keyOf(e) === key)) continue;
    const s = explain(t, slots.get(key) ?? [], failing.length);
    if (s) explainers.push(s);
  }
  const located = explainers.length === 1 ? explainers[0]! : null;
  return { failing, explainers, located };
}

/**
 * The value `term` must take for every identity it is in to hold, when that also accounts for
 * every failing identity of the table; null otherwise.
 */
function explain(term: Term, slots: readonly Slot[], failingCount: number): Suspect | null {
  if (!term.cell || term.value === null) return null;
  let covered = 0;
  let delta: Num | null = null;
  for (const { check, coef } of slots) {
    if (!known(check)) return null;
    if (Math.abs(coef) !== 1) return null;
    if (check.status === 'mismatch') covered++;
    // coef·δ + r = 0  →  δ = −r / coef
    const r = residual(check);
    const d = coef > 0 ? negNum(r) : r;
    if (delta === null) delta = d;
    else if (cmpNum(delta, d) !== 0) return null;
  }
  if (covered !== failingCount || delta === null || delta.units === 0n) return null;
  const value = addNum(term.value, delta);
  if (value.units < 0n) return null;
  return { row: term.row, column: term.column, cell: term.cell, old: term.value, value };
}

/**
 * Candidates for ONE failing check when the table's failures have no single explanation: cells of
 * that check whose change mends it without breaking an identity that holds now.
 */
export function localCandidates(check: IdentityCheck, checks: readonly IdentityCheck[]): Suspect[] {
  const r = residual(check);
  const out: Suspect[] = [];
  const seen = new Set<string>();
  for (const [t, coef] of form(check)) {
    const key = keyOf(t);
    if (seen.has(key) || !t.cell || t.value === null) continue;
    seen.add(key);
    // Any other check the cell is in that holds now, or could not be evaluated (checks.some over involves).
    const breaks = (involving(checks).get(key) ?? NONE).some((c) => c !== check && (!known(c) || c.status !== 'mismatch'));
    if (breaks) continue;
    const value = addNum(t.value, coef > 0 ? negNum(r) : r);
    if (value.units < 0n) continue;
    out.push({ row: t.row, column: t.column, cell: t.cell, old: t.value, value });
  }
  return out;
}

// GR107 asks once per blank cell, localisation once per cell of every check: each check's cells
// (keyed, with their summed coefficients) are listed once.
// Per table, then a plain Map per check (a WeakMap entry per check costs several times more).
const coefLists = new ObjectMemo<Table, Map<IdentityCheck, Map<string, number>>>();

/** Cell key → coefficient in the check's linear form (a cell listed twice: the sum, maybe 0). */
function coefsOf(check: IdentityCheck): Map<string, number> {
  let byCheck = coefLists.get(check.table);
  if (!byCheck) coefLists.set(check.table, (byCheck = new Map()));
  let coefs = byCheck.get(check);
  if (!coefs) {
    coefs = new Map();
    for (const [t, k] of form(check)) {
      const key = keyOf(t);
      coefs.set(key, (coefs.get(key) ?? 0) + k);
    }
    byCheck.set(check, coefs);
  }
  return coefs;
}

const NONE: readonly IdentityCheck[] = [];
const involvingLists = new ObjectMemo<readonly IdentityCheck[], Map<string, IdentityCheck[]>>();

/** Cell key → the checks of the list it takes part in, in list order (what `involves` answers per check). */
function involving(checks: readonly IdentityCheck[]): Map<string, IdentityCheck[]> {
  let byCell = involvingLists.get(checks);
  if (!byCell) {
    byCell = new Map();
    for (const c of checks) {
      for (const key of coefsOf(c).keys()) {
        const list = byCell.get(key);
        if (list) list.push(c);
        else byCell.set(key, [c]);
      }
    }
    involvingLists.set(checks, byCell);
  }
  return byCell;
}

/** Whether the cell (row, column) takes part in the check. */
export function involves(check: IdentityCheck, s: { row: string; column: string }): boolean {
  return coefsOf(check).has(keyOf(s));
}

/**
 * Whether the figure read in (row, column) is borne out by the identities: it takes part in at
 * least one, and every one it takes part in was evaluated and holds. A blank cell read as 0 that
 * passes this is provably 0 (under one error at a time); GR107 offers its fix as safe only then
 * (or for a cell no identity involves, where 0 is the template's convention and sums nothing).
 */
export function borneOut(checks: readonly IdentityCheck[], s: { row: string; column: string }): boolean {
  let any = false;
  for (const c of checks) {
    if (!involves(c, s)) continue;
    if (!known(c) || c.status !== 'ok') return false;
    any = true;
  }
  return any;
}

/** Whether (row, column) takes part in any identity at all (evaluated or not). */
export function inAnyIdentity(checks: readonly IdentityCheck[], s: { row: string; column: string }): boolean {
  return checks.some((c) => involves(c, s));
}
