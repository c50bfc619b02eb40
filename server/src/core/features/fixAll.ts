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
 * It stops at a fixed point (no safe fix left: `converged`), or says why it stopped: maxRounds, or
 * a round that brings back an earlier text (`oscillation`). It reports what it changed (span, old
 * → new, rule, cell) and the error findings left that it touched, so a caller never reports
 * success while they remain. Only safe fixes run, and the table rules make a figure's fix safe only
 * when error localisation pins one cell (tables/localise.ts) on a table read with confidence
 * (tables/confidence.ts).
 *
 * The result is idempotent: running it on its own output yields no edits.
 */
import { readConfidently } from '../tables/confidence';
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import type { Finding, Fix, TextEdit } from '../types';
import { nameOfCell } from '../tables/names';
import { spansOverlap } from '../tables/spans';
import { specOf } from '../tables/checked';
import { FORMATS } from '../standard/versions';
import { applyEdits } from '../text/edits';
import { parseCell } from '../text/numbers';
import type { Span } from '../text/source';
import { cellSpan } from '../tables/cells';

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
  /**
   * True when a fixed point was reached: no safe fix is left. False when maxRounds was reached
   * while safe fixes were still pending, or when a round brought back an earlier text (the fixes
   * would go round in circles): then fix-all stopped, and `stopped` says why.
   */
  converged: boolean;
  stopped?: 'maxRounds' | 'oscillation';
  /** Analyses run (rounds + the final one that found nothing more, or the one that stopped). */
  iterations: number;
  /** What changed, against the original text, with the rule and the cell behind each change. */
  changes: FixChange[];
  /** Error findings left on the fixed text that a change touched (its rule, or its place). */
  remaining: Finding[];
  /** Every finding of the fixed text (the last analysis). */
  findings: Finding[];
}

/** One change fix-all made: the original span and text, the new text, who asked and where. */
export interface FixChange {
  /** Span in the ORIGINAL text. */
  span: Span;
  oldText: string;
  newText: string;
  /** Rule codes whose fixes made this change ("GR101", …; several when they agreed). */
  codes: string[];
  /** The table cell it lies in ("（七）总计·自然人"), null outside any table cell. */
  cell: string | null;
}

export { applyEdits };

const DEFAULT_MAX_ROUNDS = 8;

export function computeFixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  let current = text;
  let rounds = 0;
  let iterations = 0;
  let converged = false;
  let stopped: FixAllResult['stopped'];
  let last: Analysis | undefined;
  // Who changed what, as spans in `current`'s coordinates (moved along after every round).
  let applied: { span: Span; code: string }[] = [];
  const seen = new Set<string>([text]);
  for (let i = 0; i <= maxRounds; i++) {
    const round = chooseEdits(current, options);
    iterations++;
    last = round.analysis;
    if (round.edits.length === 0) { converged = true; break; }
    if (i === maxRounds) { stopped = 'maxRounds'; break; }
    const next = applyEdits(current, round.edits.map((x) => x.edit));
    if (next === current) { converged = true; break; }
    if (seen.has(next)) { stopped = 'oscillation'; break; }
    seen.add(next);
    applied = [
      ...applied.map((a) => ({ ...a, span: mapSpan(a.span, round.edits.map((x) => x.edit)) })),
      ...placed(round.edits.map((x) => ({ edit: x.edit, code: x.codes.join(',') }))).flatMap((p) => p.code.split(',').map((code) => ({ span: p.span, code }))),
    ];
    current = next;
    rounds++;
  }
  const edits = diffEdits(text, current);
  const analysis = last ?? (options.analyzeFn ?? analyze)(current, options);
  const changes = describe(text, edits, applied, analysis, current);
  const touchedCodes = new Set(applied.map((a) => a.code));
  const finalSpans = placed(edits.map((edit) => ({ edit, code: '' }))).map((p) => p.span);
  const remaining = analysis.findings.filter((f) => f.severity === 'error' &&
    (touchedCodes.has(f.code) || finalSpans.some((s) => spansOverlap(s, f.span))));
  return {
    edits, rounds, text: current, converged, ...(stopped ? { stopped } : {}), iterations, changes, remaining,
    findings: analysis.findings,
  };
}

/**
 * For the CLI (`govreport fix`): the changes fix-all makes (original span, old → new text, rule
 * codes, cell) and what remains, without writing anything.
 */
export function fixAllChanges(text: string, options: FixAllOptions = {}): Pick<FixAllResult, 'text' | 'changes' | 'remaining' | 'findings' | 'converged' | 'stopped' | 'iterations'> {
  const r = computeFixAll(text, options);
  return {
    text: r.text, changes: r.changes, remaining: r.remaining, findings: r.findings, converged: r.converged,
    iterations: r.iterations, ...(r.stopped ? { stopped: r.stopped } : {}),
  };
}

/** Edits (sorted, non-overlapping, against one text) as the spans they occupy after applying. */
function placed(edits: readonly { edit: TextEdit; code: string }[]): { span: Span; code: string }[] {
  const sorted = [...edits].sort((a, b) => a.edit.span.start - b.edit.span.start);
  let shift = 0;
  return sorted.map(({ edit, code }) => {
    const start = edit.span.start + shift;
    shift += edit.newText.length - (edit.span.end - edit.span.start);
    return { span: { start, end: start + edit.newText.length }, code };
  });
}

/** Where `span` lies after `edits` (sorted, non-overlapping) are applied; an overlapped span grows. */
function mapSpan(span: Span, edits: readonly TextEdit[]): Span {
  let startShift = 0;
  let endShift = 0;
  for (const e of edits) {
    const d = e.newText.length - (e.span.end - e.span.start);
    if (e.span.end <= span.start) { startShift += d; endShift += d; } else if (e.span.start < span.end) endShift += d;
  }
  return { start: span.start + startShift, end: Math.max(span.start + startShift, span.end + endShift) };
}

/**
 * The changes for a report: a change inside one table cell is widened to the whole cell (so it
 * reads "15 → 12", not "5 → 2"), and named after it.
 */
function describe(original: string, edits: readonly TextEdit[], applied: readonly { span: Span; code: string }[], analysis: Analysis, final: string): FixChange[] {
  const finals = placed(edits.map((edit) => ({ edit, code: '' })));
  return edits.map((e, i) => {
    const at = finals[i]!.span;
    const codes = [...new Set(applied.filter((a) => spansOverlap(a.span, at)).map((a) => a.code))].sort();
    const found = cellAt(analysis, at);
    let span = e.span;
    let newText = e.newText;
    if (found && found.span.start <= at.start && at.end <= found.span.end) {
      span = { start: e.span.start - (at.start - found.span.start), end: e.span.end + (found.span.end - at.end) };
      newText = final.slice(found.span.start, found.span.end);
    }
    return { span, oldText: original.slice(span.start, span.end), newText, codes, cell: found?.name ?? null };
  });
}

/** The table cell of the analysed text that a span lies in, with its name. */
function cellAt(analysis: Analysis, span: Span): { name: string; span: Span } | null {
  const format = FORMATS[analysis.model.checkedVersion];
  for (const table of analysis.model.tables) {
    if (!spansOverlap(table.span, span)) continue;
    const spec = specOf(table, format);
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (!spansOverlap(cell, span)) continue;
        return { name: spec ? nameOfCell(spec, row, cell) : `${row.label.trim()}#${row.cells.indexOf(cell) + 1}`, span: cellSpan(cell) };
      }
    }
  }
  return null;
}

interface Chosen { edit: TextEdit; codes: string[] }

/** One round: the safe fixes that can be applied together on `text`, and the analysis they came from. */
function chooseEdits(text: string, options: FixAllOptions): { edits: Chosen[]; analysis: Analysis } {
  const analysis = (options.analyzeFn ?? analyze)(text, options);
  const frozen: Span[] = analysis.model.tables.filter((t) => !readConfidently(t)).map((t) => t.span);
  const codes = options.codes ? new Set(options.codes) : null;

  interface Candidate { finding: Finding; fix: Fix; codes: string[] }
  const all: Candidate[] = [];
  // Findings of one located table error share one fix: keep it once (or they wait on each
  // other), and credit it to every rule that asked for it.
  const bySignature = new Map<string, string[]>();
  for (const f of analysis.findings) {
    if (codes && !codes.has(f.code)) continue;
    const safe = (f.fixes ?? []).filter((x) => x.safe && x.edits.length > 0);
    const fix = safe.find((x) => x.preferred) ?? safe[0];
    if (!fix) continue;
    if (fix.edits.some((e) => frozen.some((s) => spansOverlap(s, e.span)))) continue;
    const sig = fix.edits.map((e) => `${e.span.start}:${e.span.end}:${e.newText}`).join('|');
    const shared = bySignature.get(sig);
    if (shared) { if (!shared.includes(f.code)) shared.push(f.code); continue; }
    bySignature.set(sig, [f.code]);
    all.push({ finding: f, fix, codes: bySignature.get(sig)! });
  }
  const candidates = all;
  if (candidates.length === 0) return { edits: [], analysis };
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
  const accepted: Chosen[] = [];
  for (const { fix, codes: askers } of pool) {
    const fresh: Chosen[] = [];
    let clash = false;
    for (const e of fix.edits) {
      const same = accepted.find(({ edit: a }) => a.span.start === e.span.start && a.span.end === e.span.end && a.newText === e.newText);
      if (same) continue;
      if (accepted.some((a) => spansOverlap(a.edit.span, e.span)) || fresh.some((a) => spansOverlap(a.edit.span, e.span))) { clash = true; break; }
      fresh.push({ edit: e, codes: askers });
    }
    if (!clash) accepted.push(...fresh);
  }
  return { edits: accepted.sort((a, b) => a.edit.span.start - b.edit.span.start), analysis };
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
