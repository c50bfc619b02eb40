/**
 * What `check` does to its files, in whichever thread holds them (the main thread, and worker
 * threads when there are many files): the same functions either way, so --jobs 1 and parallel
 * output are the same by construction. File by file (FileByFile): read, parse, analyse with the
 * peers (last year's report of the same body, GR301–GR303) this thread has read so far, drop the
 * model. A peer may come later or be read by another thread: once every file's (body, year) key
 * is known, a file whose peer list turns out longer is checked again (`recheck`) with all of them.
 * Holding every model until all were parsed cost ~15% more CPU in garbage collection on 1000
 * reports, and memory grew with the file count. Everything crossing threads is plain data.
 */
import { pathToFileURL } from 'node:url';
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

/** A loaded file: its text, its model (null: parsing threw) and its options' index. */
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

/** The URI a file is known by as a peer (as the server would name it). */
export function uriOfTarget(t: LoadJob['target']): string {
  return 'path' in t && t.path ? pathToFileURL(t.path).href : `untitled:${t.display}`;
}

/**
 * Models kept for use as peers: the last RECENT_MODELS, or fewer when their texts pass
 * RECENT_CHARS (a few big reports). Last year's report is usually among them (names sort by
 * year; a folder per year holds up to this many bodies); an older one is parsed again from its text.
 */
export const RECENT_MODELS = 256;
export const RECENT_CHARS = 2 * 1024 * 1024;

/** The last models put, by file index, within a count and a text size (insertion order is age: a Map keeps it). */
export class RecentModels {
  private readonly models = new Map<number, ReportModel>();
  private chars = 0;

  constructor(private readonly size: number, private readonly maxChars = RECENT_CHARS) {}

  get(i: number): ReportModel | undefined {
    return this.models.get(i);
  }

  put(i: number, model: ReportModel): void {
    this.drop(i);
    this.models.set(i, model);
    this.chars += model.source.text.length;
    for (const [old] of this.models) {
      if (this.models.size <= this.size && this.chars <= this.maxChars) break;
      if (old !== i) this.drop(old); else break;
    }
  }

  private drop(i: number): void {
    const m = this.models.get(i);
    if (!m) return;
    this.chars -= m.source.text.length;
    this.models.delete(i);
  }
}

/** A checked file: its key, its result, and how many peers its analysis had (to know if it must be redone). */
export interface Done { keyed: Keyed; checked?: Checked; peersUsed: number }

/**
 * One thread's files, taken in increasing input order (a thread's batches come in that order), so
 * the peers a file is analysed with are a prefix-ordered part of its final list: same length,
 * same list. Texts of files with a key are kept (a peer parsed again, a file checked again).
 */
export class FileByFile {
  private readonly options: AnalyzeOptions[] = [];
  private readonly byKey = new Map<string, number[]>(); // peer key → files, in input order
  private readonly kept = new Map<number, { text: string; uri: string }>();
  private readonly recent: RecentModels;

  constructor(private readonly read: ReadOptions, private readonly minSeverity: Severity, recentModels = RECENT_MODELS) {
    this.recent = new RecentModels(recentModels);
  }

  /** Options are sent once and referred to by index (`LoadJob.opt`): most files share one. */
  addOptions(more: readonly AnalyzeOptions[]): void {
    for (const o of more) this.options.push(o);
  }

  check(job: LoadJob): Done {
    const { keyed, held } = loadOne(job, this.read);
    if (keyed.kind !== 'text' || !held?.model) return { keyed, peersUsed: 0 };
    const list = keyed.year === null ? undefined : this.byKey.get(peerKey(keyed.body, keyed.year - 1) ?? '');
    const peers = list ? list.map((p) => ({ uri: this.kept.get(p)!.uri, model: this.modelOf(p) })) : [];
    const key = peerKey(keyed.body, keyed.year);
    if (key !== null) {
      this.kept.set(job.i, { text: held.text, uri: uriOfTarget(job.target) });
      const same = this.byKey.get(key);
      if (same) same.push(job.i); else this.byKey.set(key, [job.i]);
      this.recent.put(job.i, held.model);
    }
    return { keyed, checked: checkOne(job.i, held.model, this.options[held.opt]!, peers, this.minSeverity), peersUsed: peers.length };
  }

  /** `job` again with all its peers (in input order): texts kept here, or read again (another thread had them). */
  recheck(job: LoadJob, peers: readonly LoadJob[]): Checked {
    const self = this.parsed(job);
    if (!self) return { i: job.i, kind: 'error', message: internalError('not read again') };
    const models: PeerReport[] = [];
    for (const p of peers) {
      const m = this.parsed(p);
      if (m) models.push({ uri: uriOfTarget(p.target), model: m.model });
    }
    return checkOne(job.i, self.model, this.options[self.opt]!, models, this.minSeverity);
  }

  private modelOf(i: number): ReportModel {
    let m = this.recent.get(i);
    if (!m) this.recent.put(i, (m = parseReport(this.kept.get(i)!.text))); // parsed once before: cannot throw
    return m;
  }

  private parsed(job: LoadJob): { model: ReportModel; opt: number } | null {
    if (this.kept.has(job.i)) return { model: this.modelOf(job.i), opt: job.opt };
    const { held } = loadOne(job, this.read);
    return held?.model ? { model: held.model, opt: held.opt } : null;
  }
}
