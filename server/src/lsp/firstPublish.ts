/**
 * Start order: the documents the editor opens get their diagnostics before the server reads the
 * workspace (GR3xx peers, the summary). The scan's file reads and parses would otherwise share the
 * event loop and libuv's thread pool with the opened report's first check. `reached()` resolves at
 * the first publish, or after `maxWaitMs` when no report is opened.
 */
export class FirstPublish {
  private resolve: (() => void) | undefined;
  private readonly promise = new Promise<void>((r) => { this.resolve = r; });

  /** Called on every publish; only the first one counts. */
  published(): void {
    const r = this.resolve;
    this.resolve = undefined;
    r?.();
  }

  reached(maxWaitMs: number): Promise<void> {
    if (!this.resolve) return Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((r) => { timer = setTimeout(r, maxWaitMs); });
    return Promise.race([this.promise, timeout]).finally(() => clearTimeout(timer));
  }
}
