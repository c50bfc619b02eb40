/**
 * Fix-all (source.fixAll, `govreport fix`): apply every `safe` fix, re-analyse, repeat until
 * nothing is left to fix (a fixed point) or `maxRounds` is reached, and return the change as a
 * minimal set of edits against the ORIGINAL text.
 *
 * Why rounds: fixes depend on each other. Setting a sub-total changes the grand total it feeds;
 * a blank filled with 0 may be a term of a sum. Each round therefore applies only fixes whose
 * inputs are stable: a finding whose related (summed) cells are being changed by another fix in
 * the same round waits for the next round, when it is recomputed on the new figures. Within a
 * round, edits are sorted and a fix overlapping an accepted one is dropped (it comes back next
 * round if still needed). Tables that could not be read (readable = false) are never touched.
 *
 * The result is idempotent: running it on its own output yields no edits.
 */
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import type { Finding, Fix, TextEdit } from '../rules/types';
import { spansOverlap } from '../rules/tables/common';
import { applyEdits } from '../text/edits';
import { parseCell } from '../text/numbers';
import type { Span } from '../text/source';

export interface FixAllOptions extends AnalyzeOptions {
  /** Upper bound on analyse-and-fix rounds (default 8). */
  maxRounds?: number;
  /** Only fixes of these rule codes (default: every rule's safe fixes). */
  codes?: readonly string[];
  /** The analysis to run each round (default `analyze`); tests inject a stand-in. */
  analyzeFn?: (text: string, options: AnalyzeOptions) => Analysis;
}

export interface FixAllResult {
  /** Non-overlapping edits against the original text, in document order. */
  edits: TextEdit[];
  /** Rounds in which something was applied (0 = nothing to fix). */
  rounds: number;
  /** The fixed text (= applyEdits(text, edits)). */
  text: string;
  /** False when maxRounds was reached while safe fixes were still pending. */
  converged: boolean;
}

export { applyEdits };

const DEFAULT_MAX_ROUNDS = 8;

export function computeFixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  let current = text;
  let rounds = 0;
  let converged = false;
  for (let i = 0; i <= maxRounds; i++) {
    const chosen = chooseEdits(current, options);
    if (chosen.length === 0) { converged = true; break; }
    if (i === maxRounds) break;
    const next = applyEdits(current, chosen);
    if (next === current) { converged = true; break; }
    current = next;
    rounds++;
  }
  return { edits: diffEdits(text, current), rounds, text: current, converged };
}

/** One round: the safe fixes that can be applied together on `text`. */
function chooseEdits(text: string, options: FixAllOptions): TextEdit[] {
  const analysis = (options.analyzeFn ?? analyze)(text, options);
  const frozen: Span[] = analysis.model.tables.filter((t) => !t.readable).map((t) => t.span);
  const codes = options.codes ? new Set(options.codes) : null;

  interface Candidate { finding: Finding; fix: Fix }
  const candidates: Candidate[] = [];
  for (const f of analysis.findings) {
    if (codes && !codes.has(f.code)) continue;
    const safe = (f.fixes ?? []).filter((x) => x.safe && x.edits.length > 0);
    const fix = safe.find((x) => x.preferred) ?? safe[0];
    if (!fix) continue;
    if (fix.edits.some((e) => frozen.some((s) => spansOverlap(s, e.span)))) continue;
    candidates.push({ finding: f, fix });
  }
  if (candidates.length === 0) return [];

  // Edits that change a value (not blank → 0, not "无" → 0, not a label): the targets of this round.
  const changes = (e: TextEdit) => changesValue(text.slice(e.span.start, e.span.end), e.newText);
  const targets = candidates.map((c) => c.fix.edits.filter(changes).map((e) => e.span));
  const ready = candidates.filter((c, i) => {
    const inputs = (c.finding.related ?? []).map((r) => r.span);
    return !inputs.some((input) => targets.some((ts, j) => j !== i && ts.some((t) => spansOverlap(t, input))));
  });
  // A cycle (every finding waits on another) must still make progress: take the first one.
  const pool = ready.length ? ready : candidates.slice(0, 1);

  pool.sort((a, b) => firstStart(a.fix) - firstStart(b.fix));
  const accepted: TextEdit[] = [];
  for (const { fix } of pool) {
    const fresh: TextEdit[] = [];
    let clash = false;
    for (const e of fix.edits) {
      const same = accepted.find((a) => a.span.start === e.span.start && a.span.end === e.span.end && a.newText === e.newText);
      if (same) continue;
      if (accepted.some((a) => spansOverlap(a.span, e.span)) || fresh.some((a) => spansOverlap(a.span, e.span))) { clash = true; break; }
      fresh.push(e);
    }
    if (!clash) accepted.push(...fresh);
  }
  return accepted.sort((a, b) => a.span.start - b.span.start);
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.span.start));
}

/** False when both texts read as the same figure (blank, "无" and "0" are all 0). */
function changesValue(oldText: string, newText: string): boolean {
  const a = parseCell(oldText);
  const b = parseCell(newText);
  const num = (v: ReturnType<typeof parseCell>) =>
    v.kind === 'blank' || v.kind === 'placeholder' ? 0n : v.kind === 'number' && v.scale === 0 ? v.units : null;
  const x = num(a);
  const y = num(b);
  if (x !== null && y !== null) return x !== y;
  return oldText.trim() !== newText.trim();
}

// ---------------------------------------------------------------- minimal diff

/** Splits keeping line ends, so that joining the parts gives the text back. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const end = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      out.push(text.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const MAX_LCS_CELLS = 4_000_000;

/**
 * Minimal edits turning `a` into `b`: a line diff (common prefix/suffix, then LCS), and for a
 * changed line replaced by one line, only the characters that differ.
 */
export function diffEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  const A = splitLines(a);
  const B = splitLines(b);
  const offA: number[] = [0];
  for (const l of A) offA.push(offA[offA.length - 1]! + l.length);
  let p = 0;
  while (p < A.length && p < B.length && A[p] === B[p]) p++;
  let s = 0;
  while (s < A.length - p && s < B.length - p && A[A.length - 1 - s] === B[B.length - 1 - s]) s++;
  const a0 = p, a1 = A.length - s, b0 = p, b1 = B.length - s;
  const hunks: { a0: number; a1: number; b0: number; b1: number }[] = [];
  const n = a1 - a0;
  const m = b1 - b0;
  if (n > 0 && m > 0 && n * m <= MAX_LCS_CELLS) {
    // LCS table over the middle part.
    const dp: Uint32Array[] = [];
    for (let i = 0; i <= n; i++) dp.push(new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i]![j] = A[a0 + i] === B[b0 + j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
      }
    }
    let i = 0, j = 0, hi = 0, hj = 0;
    while (i < n || j < m) {
      if (i < n && j < m && A[a0 + i] === B[b0 + j]) {
        if (i > hi || j > hj) hunks.push({ a0: a0 + hi, a1: a0 + i, b0: b0 + hj, b1: b0 + j });
        i++; j++; hi = i; hj = j;
      } else if (j < m && (i >= n || dp[i]![j + 1]! >= dp[i + 1]![j]!)) j++;
      else i++;
    }
    if (i > hi || j > hj) hunks.push({ a0: a0 + hi, a1: a0 + i, b0: b0 + hj, b1: b0 + j });
  } else {
    hunks.push({ a0, a1, b0, b1 });
  }
  const edits: TextEdit[] = [];
  for (const h of hunks) {
    if (h.a1 - h.a0 === h.b1 - h.b0) {
      for (let k = 0; k < h.a1 - h.a0; k++) {
        edits.push(...lineDiff(A[h.a0 + k]!, B[h.b0 + k]!, offA[h.a0 + k]!));
      }
    } else {
      edits.push({ span: { start: offA[h.a0]!, end: offA[h.a1]! }, newText: B.slice(h.b0, h.b1).join('') });
    }
  }
  return edits;
}

/**
 * Edits for one changed line. When both versions have the same cell separators (| or tab) in the
 * same number, each cell is compared on its own, so two fixed cells give two small edits.
 */
function lineDiff(x: string, y: string, base: number): TextEdit[] {
  const sep = /[|\t]/g;
  const cut = (s: string) => {
    const parts: { text: string; at: number }[] = [];
    let last = 0;
    for (const m of s.matchAll(sep)) {
      parts.push({ text: s.slice(last, m.index), at: last });
      last = m.index! + 1;
    }
    parts.push({ text: s.slice(last), at: last });
    return parts;
  };
  const px = cut(x);
  const py = cut(y);
  const sameSeps = px.length === py.length && px.length > 1 &&
    px.every((p, i) => i === 0 || x[p.at - 1] === y[py[i]!.at - 1]);
  if (!sameSeps) {
    const e = charDiff(x, y, base);
    return e ? [e] : [];
  }
  const out: TextEdit[] = [];
  px.forEach((p, i) => {
    const e = charDiff(p.text, py[i]!.text, base + p.at);
    if (e) out.push(e);
  });
  return out;
}

function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }

/** One edit for the differing middle of two lines (never splitting a surrogate pair). */
function charDiff(x: string, y: string, base: number): TextEdit | null {
  if (x === y) return null;
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  if (p > 0 && isLow(x.charCodeAt(p))) p--;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  if (s > 0 && isLow(x.charCodeAt(x.length - s))) s--;
  return { span: { start: base + p, end: base + x.length - s }, newText: y.slice(p, y.length - s) };
}
