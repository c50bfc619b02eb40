import { editTrace } from './editTrace';

/**
 * Debounced, cancellable diagnostics. Every change of a document re-arms its timer and cancels the
 * run in flight; a run publishes only if the document is still at the version it analysed, so a
 * stale result is never published. Independent of the connection (tested on its own).
 *
 * A debounced run starts a little before its deadline (twice as long as the document's slowest
 * of its last few runs took, plus slack; for a slow document more than half the debounce: see
 * leadMs) and holds its result until the deadline: the
 * diagnostics appear when the debounce ends rather than one analysis later, and still only after
 * the same quiet time. A change in the meantime cancels the early run like any other.
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
  /** Time and timers; the real ones unless a test steps time by hand. */
  clock?: Clock;
}

/** What the scheduler reads the time and arms its timers with. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A zero-delay run armed with setImmediate: node holds a setTimeout(fn, 0) for at least 1 ms. */
class Soon {
  constructor(readonly immediate: ReturnType<typeof setImmediate>) {}
}

const REAL_CLOCK: Clock = {
  // process.hrtime, not performance.now(): the `performance` global loads perf_hooks (~2 ms of the server start).
  now: () => Number(process.hrtime.bigint()) / 1e6,
  // An opened document is scheduled with no delay: that 1 ms would be idle time before its first diagnostics.
  setTimeout: (fn, ms) => (ms <= 0 ? new Soon(setImmediate(fn)) : setTimeout(fn, ms)),
  clearTimeout: (handle) => {
    if (handle instanceof Soon) clearImmediate(handle.immediate);
    else clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * The early start: the longest of the last RECENT_RUNS runs times LEAD_FACTOR plus LEAD_SLACK_MS
 * (a busy machine makes run times vary), at most delay / MAX_LEAD_SHARE. Half the debounce (75 ms)
 * covers an edit of a 1 MB report (40–60 ms CPU) with room for a GC pause; a keystroke in the
 * last half of the debounce then costs a cancelled run, bounded by the rule slices (analysisAsync).
 *
 * A document whose runs take longer than that half minus OVERRUN_MARGIN_MS (a large report on a
 * busy machine) would publish late on every edit: for a change that came after a quiet debounce
 * (an edit, not a keystroke in a run of typing) its run starts its longest recent run plus
 * OVERRUN_MARGIN_MS before the deadline, but never sooner than MIN_QUIET_MS after the change.
 * Not while typing (the change before came less than a debounce earlier): there the next keystroke
 * would mostly land in the longer lead and cancel a run already started (1 MB, keystrokes 30–120 ms
 * apart, a busy host: 24–27 against 13–22 ms of server CPU per keystroke), so typing keeps the half.
 */
const RECENT_RUNS = 4;
const LEAD_FACTOR = 2;
const LEAD_SLACK_MS = 3;
const MAX_LEAD_SHARE = 2;
const OVERRUN_MARGIN_MS = 25;
const MIN_QUIET_MS = 30;

/** The lead for a document whose recent runs took at most `longestMs` (see above), debounce `delayMs`. */
export function leadFor(longestMs: number, delayMs: number, typing = false): number {
  const half = Math.floor(delayMs / MAX_LEAD_SHARE);
  const lead = Math.ceil(longestMs * LEAD_FACTOR + LEAD_SLACK_MS);
  if (lead <= half) return lead;
  if (typing) return half;
  return Math.max(half, Math.min(delayMs - MIN_QUIET_MS, Math.ceil(longestMs + OVERRUN_MARGIN_MS)));
}

interface Pending {
  timer?: unknown;
  /** The run this entry stands for; cancelled by the next schedule() or cancel(). */
  run: { cancelled: boolean };
  /** Ends the wait of a finished early run for its deadline (on cancel). */
  hold?: () => void;
}

export class DiagnosticsScheduler<D> {
  private readonly pending = new Map<string, Pending>();
  readonly delayMs: number;
  /** Statistics for tests: runs started, runs that published, runs dropped as stale. */
  readonly stats = { started: 0, published: 0, dropped: 0 };
  /** Wall times of each document's last completed runs (what the next early start is based on). */
  private readonly lastRunMs = new Map<string, number[]>();
  /** When each document was last scheduled with a debounce (typing: again within a debounce). */
  private readonly lastScheduled = new Map<string, number>();
  private readonly clock: Clock;

  constructor(private readonly deps: SchedulerDeps<D>) {
    this.delayMs = deps.delayMs ?? 150;
    this.clock = deps.clock ?? REAL_CLOCK;
  }

  /** (Re)schedules the document; `delayMs` 0 for an opened document. */
  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    const run = { cancelled: false };
    const p: Pending = { run };
    const now = this.clock.now();
    const deadline = now + delayMs;
    const last = this.lastScheduled.get(uri);
    const typing = last !== undefined && now - last < this.delayMs;
    if (delayMs > 0) this.lastScheduled.set(uri, now);
    const startIn = delayMs - this.leadMs(uri, delayMs, typing);
    if (editTrace) editTrace.scheduled(uri, this.deps.get(uri)?.version ?? -1, startIn, delayMs);
    p.timer = this.clock.setTimeout(() => {
      p.timer = undefined;
      void this.execute(uri, run, deadline);
    }, startIn);
    this.pending.set(uri, p);
  }

  /**
   * How long before the deadline the document's run starts (0 without a debounce or a past run);
   * `typing`: the change came less than a debounce after the one before (see leadFor).
   */
  leadMs(uri: string, delayMs = this.delayMs, typing = false): number {
    const recent = this.lastRunMs.get(uri);
    if (recent === undefined || delayMs <= 0) return 0;
    return leadFor(Math.max(...recent), delayMs, typing);
  }

  /** Cancels the timer and any run in flight for the document. */
  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (!p) return;
    if (p.timer !== undefined) this.clock.clearTimeout(p.timer);
    p.hold?.();
    p.run.cancelled = true;
    this.pending.delete(uri);
  }

  /** The document was closed: its run timing is dropped too. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastRunMs.delete(uri);
    this.lastScheduled.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
    this.lastRunMs.clear();
    this.lastScheduled.clear();
  }

  /** Number of documents with a timer armed or a run in flight. */
  get size(): number {
    return this.pending.size;
  }

  private async execute(uri: string, run: { cancelled: boolean }, deadline: number): Promise<void> {
    const doc = this.deps.get(uri);
    if (!doc || run.cancelled) return this.finish(uri, run);
    const version = doc.version;
    const stop = () => run.cancelled || this.deps.get(uri)?.version !== version;
    this.stats.started++;
    try {
      const started = this.clock.now();
      editTrace?.mark(uri, version, 'started');
      const result = await this.deps.compute(uri, version, stop);
      editTrace?.mark(uri, version, 'computed');
      if (result !== null) this.noteRun(uri, this.clock.now() - started);
      if (result !== null && !stop()) await this.holdUntil(uri, run, deadline);
      if (result === null || stop()) {
        this.stats.dropped++;
        return;
      }
      editTrace?.mark(uri, version, 'publish');
      this.deps.publish(uri, version, result);
      editTrace?.published(uri, version);
      this.stats.published++;
    } catch (err) {
      this.deps.onError?.(uri, err);
    } finally {
      this.finish(uri, run);
    }
  }

  private noteRun(uri: string, ms: number): void {
    let recent = this.lastRunMs.get(uri);
    if (!recent) this.lastRunMs.set(uri, (recent = []));
    recent.push(ms);
    if (recent.length > RECENT_RUNS) recent.shift();
  }

  /** Waits for the debounce deadline (an early run's result is published no sooner); cancel() ends the wait. */
  private holdUntil(uri: string, run: { cancelled: boolean }, deadline: number): Promise<void> {
    const wait = deadline - this.clock.now();
    const p = this.pending.get(uri);
    if (wait <= 0 || !p || p.run !== run) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(() => { p.hold = undefined; resolve(); }, Math.ceil(wait));
      p.hold = () => { this.clock.clearTimeout(timer); p.hold = undefined; resolve(); };
    });
  }

  private finish(uri: string, run: { cancelled: boolean }): void {
    const p = this.pending.get(uri);
    if (p && p.run === run) this.pending.delete(uri);
  }
}
