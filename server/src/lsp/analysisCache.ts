/**
 * One parse per document version, shared by every feature (diagnostics, symbols, folding, hover,
 * code actions …), and one rule run per (version, settings generation).
 */
import { type Analysis, type AnalyzeOptions, looksLikeReport, isGenerated, IncrementalDocument, verifySteps, type Verification } from '../core/index';
import type { ReportModel } from '../core/index';

/** What the cache needs of a document (vscode-languageserver-textdocument's TextDocument fits). */
export interface VersionedText {
  uri: string;
  languageId: string;
  version: number;
  getText(): string;
}

interface Entry {
  version: number;
  text: string;
  isReport?: boolean;
  model?: ReportModel;
  analysis?: Analysis;
  /** Settings generation + peers the analysis was computed with. */
  key?: string;
}

/** Whether a document is analysed: `govreport` documents always, Markdown / plain text only if they look like a report. */
export function isReportDocument(languageId: string, text: string): boolean {
  if (isGenerated(text)) return false; // govreport's own output (the workspace summary)
  if (languageId === 'govreport') return true;
  return looksLikeReport(text);
}

/**
 * Whether a cache entry is of this document's current text. Version AND text: a reopened URI
 * (VS Code reuses untitled:Untitled-1) starts at version 1 again. getText() returns the document's
 * own string, so the usual check is a reference compare.
 */
function holds(e: Entry, doc: VersionedText): boolean {
  return e.version === doc.version && e.text === doc.getText();
}

interface ToVerify {
  uri: string;
  e: Entry;
  inc: IncrementalDocument;
  model: ReportModel;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Per open document, what its last parse read (an edit re-reads tables only around the change). */
  private readonly incremental = new Map<string, IncrementalDocument>();
  /** Bumped when settings change: analyses of an older generation are recomputed. */
  private generation = 0;

  /** `onParseError` hears of a parse that threw (the document then gets an empty model and GR000). */
  constructor(private readonly onParseError?: (uri: string, err: unknown) => void) {}

  private entry(doc: VersionedText): Entry {
    let e = this.entries.get(doc.uri);
    if (!e || !holds(e, doc)) {
      e = { version: doc.version, text: doc.getText() };
      this.entries.set(doc.uri, e);
    }
    return e;
  }

  isReport(doc: VersionedText): boolean {
    const e = this.entry(doc);
    e.isReport ??= isReportDocument(doc.languageId, e.text);
    return e.isReport;
  }

  private incrementalOf(uri: string): IncrementalDocument {
    let inc = this.incremental.get(uri);
    if (!inc) this.incremental.set(uri, (inc = new IncrementalDocument()));
    return inc;
  }

  /** The parsed model of this version (parsed at most once per version). */
  model(doc: VersionedText): ReportModel {
    const e = this.entry(doc);
    e.model ??= this.incrementalOf(doc.uri).model(e.text, (err) => this.onParseError?.(doc.uri, err));
    return e.model;
  }

  /**
   * Compares the model of this version, if it was parsed incrementally, with a full parse (run
   * when typing pauses). Returns the first difference, or null when they are equal or nothing
   * needed checking; on a difference the full parse's model replaces it and the analysis is
   * dropped, so the caller re-publishes.
   */
  verify(doc: VersionedText): string | null {
    const c = this.toVerify(doc);
    if (!c) return null;
    const steps = verifySteps(c.model);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return this.settle(c, step.value);
  }

  /**
   * verify(), yielding to the event loop every `sliceMs` (the full parse of a 1 MB report took
   * ~150 ms in one block: a keystroke typed then waited for it). Resolves null without deciding
   * anything when `stop()` says so or the document changed meanwhile (a newer version is
   * checked once typing pauses again).
   */
  async verifyAsync(doc: VersionedText, stop: () => boolean = () => false, sliceMs = 8): Promise<string | null> {
    const c = this.toVerify(doc);
    if (!c) return null;
    const steps = verifySteps(c.model);
    let sliceStart = Date.now();
    let step = steps.next();
    while (!step.done) {
      if (Date.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        if (stop() || !this.stillCurrent(c, doc)) return null;
        sliceStart = Date.now();
      }
      step = steps.next();
    }
    return this.stillCurrent(c, doc) ? this.settle(c, step.value) : null;
  }

  /** What verify checks: the entry and its incrementally parsed model, if there is one to check. */
  private toVerify(doc: VersionedText): ToVerify | null {
    const e = this.entries.get(doc.uri);
    const inc = this.incremental.get(doc.uri);
    if (!e || !holds(e, doc) || !e.model || !inc || inc.parser.exact) return null;
    return { uri: doc.uri, e, inc, model: e.model };
  }

  private stillCurrent(c: ToVerify, doc: VersionedText): boolean {
    return this.entries.get(c.uri) === c.e && holds(c.e, doc) && c.e.model === c.model && this.incremental.get(c.uri) === c.inc;
  }

  private settle({ e, inc }: ToVerify, v: Verification): string | null {
    if (v.difference === null) {
      inc.parser.verified();
      return null;
    }
    inc.parser.reset();
    e.model = v.full;
    e.analysis = undefined;
    e.key = undefined;
    return v.difference;
  }

  /**
   * What besides the text and the version an analysis depends on: the settings generation and the
   * peer reports (uri@version) given to the GR3xx rules.
   */
  private keyOf(options: AnalyzeOptions): string {
    const peers = (options.peers ?? []).map((p) => `${p.uri}@${(p as { version?: number }).version ?? ''}`).join('|');
    return `${this.generation}#${peers}`;
  }

  /** Cached analysis of this version, settings and peers, if one was computed. */
  peek(doc: VersionedText, options: AnalyzeOptions = {}): Analysis | undefined {
    const e = this.entries.get(doc.uri);
    return e && holds(e, doc) && e.key === this.keyOf(options) ? e.analysis : undefined;
  }

  /** Model + findings of this version, computed synchronously if not cached. */
  analysis(doc: VersionedText, options: AnalyzeOptions): Analysis {
    const cached = this.peek(doc, options);
    if (cached) return cached;
    const model = this.model(doc);
    const steps = this.incrementalOf(doc.uri).steps(model, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const a = step.value;
    this.store(doc, a, this.keyOf(options));
    return a;
  }

  /**
   * The same, but rule by rule, yielding to the event loop every `sliceMs` so that a newer version
   * (or a closed document) can stop the run: returns null when `stop()` said so. A cancelled run
   * stores nothing.
   */
  async analysisAsync(doc: VersionedText, options: AnalyzeOptions, stop: () => boolean, sliceMs = 8): Promise<Analysis | null> {
    const cached = this.peek(doc, options);
    if (cached) return cached;
    const key = this.keyOf(options);
    const model = this.model(doc);
    await yieldToEventLoop();
    if (stop()) return null;
    let sliceStart = Date.now();
    const steps = this.incrementalOf(doc.uri).steps(model, { ...options, isCancelled: stop });
    let step = steps.next();
    while (!step.done) {
      if (Date.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
      if (stop()) return null;
      step = steps.next();
    }
    const a = step.value;
    if (a.cancelled || stop()) return null;
    // Settings may have changed while we yielded: then the result is not cached (the scheduler
    // re-runs every document on a settings change anyway).
    if (key === this.keyOf(options)) this.store(doc, a, key);
    return a;
  }

  private store(doc: VersionedText, a: Analysis, key: string): void {
    const e = this.entry(doc);
    e.analysis = a;
    e.key = key;
  }

  settingsChanged(): void {
    this.generation++;
  }

  get settingsGeneration(): number {
    return this.generation;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.incremental.delete(uri);
  }
}
