/**
 * What `check` does to its files, in whichever thread holds them (the main thread, and worker
 * threads when there are many files): the same functions either way, so --jobs 1 and parallel
 * output are the same by construction. Two steps, because a report's peers (last year's report of
 * the same body, GR301–GR303) may be anywhere in the input:
 *   load(jobs)      read, decode, parse; answer each file's (body, year) key, keep the model
 *   analyze(jobs)   analyse the kept models with their peers; answer plain, cloneable results
 * Everything crossing threads is plain data (no functions, no SourceText).
 */
import { analyzeModel, modelBodyKey, parseReport } from '../core/index';
import type { AnalyzeOptions, Finding, PeerReport, ReportModel, Severity } from '../core/index';
import { SEVERITY_ORDER } from './args';
import { loadTarget, type Loaded } from './load';
import type { ReadOptions } from './read';
import type { SkipReason, Target } from './walk';

/** A file to load: a walked or named file, or standard input already read and decoded by the main thread. */
export interface LoadJob { i: number; target: Target | Loaded; opt: number }

export type Keyed =
  | { i: number; kind: 'skipped'; reason: SkipReason; message: string }
  | { i: number; kind: 'failed'; message: string }
  /** Read and parsed (`parseError` when parsing threw: that file only fails). */
  | { i: number; kind: 'text'; body: string | null; year: number | null; parseError?: string };

export interface PeerRef { i: number; uri: string }
export interface AnalyzeJob { i: number; peers: PeerRef[] }

/** One checked file for the formats: findings at or above the minimum severity, with their ranges. */
export type Checked =
  | { i: number; kind: 'checked'; year: number | null; usedVersion: string | null; legacyStructure: boolean; findings: PlainFinding[] }
  | { i: number; kind: 'error'; message: string };

/** A position as the formats print it (0-based line, UTF-16 character), computed where the text is. */
export interface Position { line: number; character: number }

export interface PlainFinding { code: string; severity: Severity; message: string; start: number; end: number; range: { start: Position; end: Position } }

export const internalError = (e: unknown) => `内部错误，未能检查 / internal error, not checked: ${e instanceof Error ? e.message : String(e)}`;

/** Keeps the findings at or above `min` (without copying when nothing is dropped). */
export function atLeast(findings: Finding[], min: Severity): Finding[] {
  if (min === 'hint') return findings;
  const rank = SEVERITY_ORDER.indexOf(min);
  return findings.filter((f) => SEVERITY_ORDER.indexOf(f.severity) <= rank);
}

/** The key under which a report is found as a peer (null: no body or year, never a peer). */
export function peerKey(body: string | null, year: number | null): string | null {
  return body && year !== null ? `${year}\u0000${body}` : null;
}

/** A loaded file as a thread keeps it: its text, its model (null: parsing threw) and its options' index. */
export interface Held { text: string; model: ReportModel | null; opt: number }

/** Reads, decodes and parses one file: its (body, year) key, and what to keep when it is a text. */
export function loadOne(job: LoadJob, read: ReadOptions): { keyed: Keyed; held?: Held } {
  const t = job.target;
  const l = t.kind === 'file' ? loadTarget(t, read, { stdout() {}, stderr() {}, cwd: '' }) : t;
  if (l.kind === 'skipped') return { keyed: { i: job.i, kind: 'skipped', reason: l.reason, message: l.message } };
  if (l.kind === 'failed') return { keyed: { i: job.i, kind: 'failed', message: l.message } };
  if (l.kind !== 'text') return { keyed: { i: job.i, kind: 'failed', message: internalError('stdin not read') } };
  try {
    const model = parseReport(l.text);
    return { keyed: { i: job.i, kind: 'text', body: modelBodyKey(model), year: model.year }, held: { text: l.text, model, opt: job.opt } };
  } catch (e) {
    return { keyed: { i: job.i, kind: 'text', body: null, year: null, parseError: internalError(e) }, held: { text: l.text, model: null, opt: job.opt } };
  }
}

/** Analyses one parsed file with its peers: the plain result, findings at or above `min` with their ranges. */
export function checkOne(i: number, model: ReportModel, options: AnalyzeOptions, peers: PeerReport[], min: Severity): Checked {
  try {
    const a = analyzeModel(model, { ...options, peers });
    const src = a.model.source;
    return {
      i, kind: 'checked', year: a.model.year, usedVersion: a.model.usedVersion ?? null, legacyStructure: !!a.model.legacyStructure,
      findings: atLeast(a.findings, min).map((f) => ({
        code: f.code, severity: f.severity, message: f.message, start: f.span.start, end: f.span.end, range: src.rangeOf(f.span),
      })),
    };
  } catch (e) {
    return { i, kind: 'error', message: internalError(e) };
  }
}

export class Participant {
  private readonly held = new Map<number, Held>();
  private readonly options: AnalyzeOptions[] = [];
  /** Peers loaded by another thread: their text until first used, then their model (null: unparsable). */
  private readonly foreign = new Map<number, ReportModel | null | string>();

  constructor(private readonly read: ReadOptions, private readonly minSeverity: Severity) {}

  /** Options are sent once and referred to by index (`LoadJob.opt`): most files share one. */
  addOptions(more: readonly AnalyzeOptions[]): void {
    for (const o of more) this.options.push(o);
  }

  load(jobs: readonly LoadJob[]): Keyed[] {
    const out: Keyed[] = [];
    for (const job of jobs) {
      const r = loadOne(job, this.read);
      if (r.held) this.held.set(job.i, r.held);
      out.push(r.keyed);
    }
    return out;
  }

  /** Texts of loaded files, for a thread that needs them as peers. */
  texts(want: readonly number[]): [number, string][] {
    return want.map((i) => [i, this.held.get(i)?.text ?? '']);
  }

  /** Analyses loaded files; `texts` are peers loaded elsewhere (parsed here once, on first use). */
  analyze(jobs: readonly AnalyzeJob[], texts: readonly [number, string][] = []): Checked[] {
    const foreign = this.foreign;
    for (const [i, t] of texts) if (!foreign.has(i)) foreign.set(i, t);
    const modelOf = (i: number): ReportModel | null => {
      const h = this.held.get(i);
      if (h) return h.model;
      const x = foreign.get(i);
      if (typeof x !== 'string') return x ?? null;
      let m: ReportModel | null = null;
      try { m = parseReport(x); } catch { /* an unparsable peer is no peer, as in one thread */ }
      foreign.set(i, m);
      return m;
    };
    const out: Checked[] = [];
    for (const job of jobs) {
      const h = this.held.get(job.i);
      if (!h?.model) { out.push({ i: job.i, kind: 'error', message: internalError('no model') }); continue; }
      const peers: PeerReport[] = [];
      for (const p of job.peers) { const model = modelOf(p.i); if (model) peers.push({ uri: p.uri, model }); }
      out.push(checkOne(job.i, h.model, this.options[h.opt]!, peers, this.minSeverity));
    }
    return out;
  }
}
