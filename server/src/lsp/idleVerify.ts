/**
 * The full parse stays the reference: once typing pauses, a document whose model was parsed
 * incrementally is parsed again in full and compared (AnalysisCache.verify). On a difference the
 * full model is used, the diagnostics are re-published and the log says where they differed.
 */

export interface IdleVerifierDeps {
  /** Compares; returns the first difference (and has already switched to the full model), or null. */
  verify(uri: string): string | null;
  /** Called after a difference: re-publish the document's diagnostics. */
  republish(uri: string): void;
  log(message: string): void;
  delayMs?: number;
}

export class IdleVerifier {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly delayMs: number;
  /** For tests and the log: verifications run and differences found. */
  readonly stats = { verified: 0, differed: 0 };

  constructor(private readonly deps: IdleVerifierDeps) {
    this.delayMs = deps.delayMs ?? 1000;
  }

  /** (Re)arms the document's verification `delayMs` from now. */
  touch(uri: string): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      try {
        this.stats.verified++;
        const d = this.deps.verify(uri);
        if (d === null) return;
        this.stats.differed++;
        this.deps.log(`[govreport] incremental parse of ${uri} differed from the full parse at ${d}; the full parse is used`);
        this.deps.republish(uri);
      } catch (err) {
        this.deps.log(`[govreport] verification of ${uri} failed: ${String(err)}`);
      }
    }, this.delayMs);
    timer.unref?.();
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
