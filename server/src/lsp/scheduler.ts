/**
 * Debounced, cancellable diagnostics. Every change of a document re-arms its timer and cancels the
 * run in flight; a run publishes only if the document is still at the version it analysed, so a
 * stale result is never published. Independent of the connection (tested on its own).
 */

export interface SchedulerDeps<D> {
  /** The current state of an open document, undefined once closed. */
  get(uri: string): { version: number } | undefined;
  /**
   * Computes the diagnostics of the document's current version; `stop()` turns true when the run
   * is obsolete. Returns null when it stopped.
   */
  compute(uri: string, version: number, stop: () => boolean): Promise<D | null> | D | null;
  publish(uri: string, version: number, result: D): void;
  onError?(uri: string, err: unknown): void;
  delayMs?: number;
}

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  /** The run this entry stands for; cancelled by the next schedule() or cancel(). */
  run: { cancelled: boolean };
}

export class DiagnosticsScheduler<D> {
  private readonly pending = new Map<string, Pending>();
  readonly delayMs: number;
  /** Statistics for tests: runs started, runs that published, runs dropped as stale. */
  readonly stats = { started: 0, published: 0, dropped: 0 };

  constructor(private readonly deps: SchedulerDeps<D>) {
    this.delayMs = deps.delayMs ?? 150;
  }

  /** (Re)schedules the document; `delayMs` 0 for an opened document. */
  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    const run = { cancelled: false };
    const p: Pending = { run };
    p.timer = setTimeout(() => {
      p.timer = undefined;
      void this.execute(uri, run);
    }, delayMs);
    this.pending.set(uri, p);
  }

  /** Cancels the timer and any run in flight for the document. */
  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (!p) return;
    if (p.timer) clearTimeout(p.timer);
    p.run.cancelled = true;
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  /** Number of documents with a timer armed or a run in flight. */
  get size(): number {
    return this.pending.size;
  }

  private async execute(uri: string, run: { cancelled: boolean }): Promise<void> {
    const doc = this.deps.get(uri);
    if (!doc || run.cancelled) return this.finish(uri, run);
    const version = doc.version;
    const stop = () => run.cancelled || this.deps.get(uri)?.version !== version;
    this.stats.started++;
    try {
      const result = await this.deps.compute(uri, version, stop);
      if (result === null || stop()) {
        this.stats.dropped++;
        return;
      }
      this.deps.publish(uri, version, result);
      this.stats.published++;
    } catch (err) {
      this.deps.onError?.(uri, err);
    } finally {
      this.finish(uri, run);
    }
  }

  private finish(uri: string, run: { cancelled: boolean }): void {
    const p = this.pending.get(uri);
    if (p && p.run === run) this.pending.delete(uri);
  }
}
