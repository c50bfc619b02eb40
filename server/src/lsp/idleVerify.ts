/**
 * The full parse stays the reference: once typing pauses, a document whose model was parsed
 * incrementally is parsed again in full and compared (AnalysisCache.verifyAsync). On a difference
 * the full model is used, the diagnostics are re-published and the log says where they differed.
 * The check runs in slices: a change of the document (cancel) stops it between two of them.
 */

export interface IdleVerifierDeps {
  /**
   * Compares; returns the first difference (and has already switched to the full model), or null.
   * `stop()` turns true when the check is no longer wanted (then it may resolve null early).
   */
  verify(uri: string, stop: () => boolean): Promise<string | null> | string | null;
  /** Called after a difference: re-publish the document's diagnostics. */
  republish(uri: string): void;
  log(message: string): void;
  delayMs?: number;
}

interface Run {
  timer?: ReturnType<typeof setTimeout>;
  cancelled: boolean;
}

export class IdleVerifier {
  /** Per document, its armed timer or the check in progress. */
  private readonly runs = new Map<string, Run>();
  readonly delayMs: number;
  /** For tests and the log: verifications run and differences found. */
  readonly stats = { verified: 0, differed: 0 };

  constructor(private readonly deps: IdleVerifierDeps) {
    this.delayMs = deps.delayMs ?? 1000;
  }

  /** (Re)arms the document's verification `delayMs` from now. */
  touch(uri: string): void {
    this.cancel(uri);
    const run: Run = { cancelled: false };
    run.timer = setTimeout(() => {
      run.timer = undefined;
      void this.run(uri, run);
    }, this.delayMs);
    run.timer.unref?.();
    this.runs.set(uri, run);
  }

  private async run(uri: string, run: Run): Promise<void> {
    try {
      this.stats.verified++;
      const d = await this.deps.verify(uri, () => run.cancelled);
      if (d === null) return;
      this.stats.differed++;
      this.deps.log(`[govreport] incremental parse of ${uri} differed from the full parse at ${d}; the full parse is used`);
      this.deps.republish(uri);
    } catch (err) {
      this.deps.log(`[govreport] verification of ${uri} failed: ${String(err)}`);
    } finally {
      if (this.runs.get(uri) === run) this.runs.delete(uri);
    }
  }

  /** Disarms the document's timer and stops its check in progress. */
  cancel(uri: string): void {
    const r = this.runs.get(uri);
    if (!r) return;
    if (r.timer) clearTimeout(r.timer);
    r.cancelled = true;
    this.runs.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.runs.keys()]) this.cancel(uri);
  }
}
