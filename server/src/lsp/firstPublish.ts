/**
 * Start order: the documents the editor opens get their diagnostics before the server reads the
 * workspace (GR3xx peers, the summary). The scan's file reads and parses would otherwise share the
 * event loop and libuv's thread pool with the opened report's first check. `reached()` resolves at
 * the first publish, or after `maxWaitMs` when no report is opened.
 */
export class FirstPublish {
  private resolve: (() => void) | undefined;
  private readonly promise = new Promise<void>((r) => { this.resolve = r; });

  /**
   * Called on every publish with its send; only the first one counts, once written: the message
   * is written on a later turn of the event loop (vscode-jsonrpc's writer), and a scan started
   * before that held it back (measured 5-19 ms later in a folder of 300 reports, 2.5 ms without).
   */
  published(sent?: Promise<unknown>): void {
    const r = this.resolve;
    this.resolve = undefined;
    if (r && sent) void sent.then(r, r);
    else r?.();
  }

  reached(maxWaitMs: number): Promise<void> {
    if (!this.resolve) return Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((r) => { timer = setTimeout(r, maxWaitMs); });
    return Promise.race([this.promise, timeout]).finally(() => clearTimeout(timer));
  }
}
