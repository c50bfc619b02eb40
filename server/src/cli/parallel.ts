/**
 * Checking the files of one `check` run on several threads (one thread: oneThread.ts). The main thread is always one
 * of the participants (it would otherwise sit idle): with N threads it starts N−1 workers
 * (dist/cli-worker.js, built from worker.ts). `run` stays synchronous: workers post on a
 * MessageChannel and bump a shared counter; the main thread drains the ports with
 * receiveMessageOnPort between its own batches and sleeps on the counter (Atomics.wait) when it
 * has nothing left to do.
 *   1. check: files go out in input order, in small batches, to whoever is free (the main thread
 *      takes the next batch itself); each thread checks its files one by one (FileByFile) with
 *      the peers it has read, and answers each file's (body, year) key, result and peer count.
 *   2. recheck: the main thread checks again the few files whose peers were read elsewhere or
 *      later (recheckLate in oneThread.ts), reading them again.
 * The caller formats the results in input order, so output and exit code do not depend on threads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AnalyzeOptions, Severity } from '../core/index';
import { recheckLate } from './oneThread';
import { FileByFile, type Checked, type Done, type Keyed, type LoadJob } from './participant';
import type { ReadOptions } from './read';
import type { ToWorker, WorkerInit } from './worker';

/**
 * Worker start-up (a fresh isolate compiling dist/cli-worker.js) costs about as much as checking
 * PARALLEL_MIN_FILES typical reports or PARALLEL_MIN_BYTES of text, so below both one thread is faster.
 */
export const PARALLEL_MIN_FILES = 24;
export const PARALLEL_MIN_BYTES = 1 << 20;
/** More threads than this gain little on a few hundred reports and each costs a start-up. */
const MAX_THREADS = 8;
/**
 * Threads cost more CPU in all (worker start-up, peers parsed again, results cloned back). While
 * TurboFan's compile threads kept the second core busy, 2 threads were slower than one (1000
 * reports: 3.2 s for --jobs 1, 4.0 s for --jobs 2); since the CLI defers TurboFan (tiering.ts) the
 * second core is free: 2.23–2.25 s for --jobs 2 against 2.83–3.24 s for --jobs 1 (two bench runs,
 * load ~1.2). So two idle cores are enough.
 */
export const PARALLEL_MIN_CORES = 2;

export function workerScript(): string | null {
  const p = join(__dirname, 'cli-worker.js');
  return existsSync(p) ? p : null;
}

/**
 * Threads busy elsewhere on this machine now: the fewer of the 1-minute load average (it lags) and
 * the runnable count of /proc/loadavg (a snapshot; Linux only) minus this process.
 */
export function busyElsewhere(): number {
  let busy = loadavg()[0] ?? 0;
  try {
    const running = /\s(\d+)\/\d+\s/.exec(readFileSync('/proc/loadavg', 'latin1'));
    if (running) busy = Math.min(busy, Math.max(0, Number(running[1]) - 1));
  } catch { /* not Linux */ }
  return busy;
}

/** Threads this run may use: the cores (up to MAX_THREADS) that `busy` other threads leave idle, at least 1. */
export function idleThreads(busy: number): number {
  const cores = Math.min(availableParallelism(), MAX_THREADS);
  return Math.max(1, Math.min(cores, cores - Math.floor(busy)));
}

/** Threads the automatic mode may use: the idle cores, or 1 below PARALLEL_MIN_CORES of them. */
export function autoThreads(busy: number): number {
  const n = idleThreads(busy);
  return n < PARALLEL_MIN_CORES ? 1 : n;
}

/**
 * How many threads check `jobs`: --jobs if given; else one per idle core when the work pays for
 * a worker's start-up. Cores other programs keep busy do not count: the scheduler shares CPU
 * between programs, not threads, so there a second thread only adds its overhead (measured on a
 * loaded 2-core host: same wall time, ~15% more CPU).
 */
export function decideThreads(requested: number | undefined, jobs: readonly LoadJob[], busy: () => number = busyElsewhere): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, jobs.length));
  const cores = Math.min(availableParallelism(), MAX_THREADS);
  if (cores < 2 || jobs.length < 2) return 1;
  if (cores < PARALLEL_MIN_CORES) return 1;
  const idle = () => autoThreads(busy());
  if (jobs.length >= PARALLEL_MIN_FILES) return Math.min(idle(), Math.ceil(jobs.length / 8));
  // Few files: worth it only when they are big (a stat each; unreadable ones count as nothing).
  let bytes = 0;
  for (const j of jobs) {
    if (j.target.kind === 'file') { try { bytes += statSync(j.target.path).size; } catch { /* reported when read */ } }
    else if (j.target.kind === 'text') bytes += j.target.text.length * 2;
  }
  return bytes >= PARALLEL_MIN_BYTES ? Math.min(idle(), jobs.length) : 1;
}

export interface CheckInput {
  jobs: readonly LoadJob[];
  /** Options referred to by LoadJob.opt. */
  options: readonly AnalyzeOptions[];
  read: ReadOptions;
  minSeverity: Severity;
}

export interface CheckOutput {
  keyed: Map<number, Keyed>;
  checked: Map<number, Checked>;
}

/** Gives up (the caller then checks in one thread) after this long without any message. */
const STALL_MS = 120_000;

type FromWorker =
  | { type: 'checked'; results: Done[] }
  | { type: 'failed'; message: string };

/** Started workers (they boot while the main thread walks the folders); `stop` ends them. */
export class Workers {
  readonly ports: MessagePort[] = [];
  readonly counter: Int32Array;
  private readonly workers: Worker[] = [];

  constructor(count: number, script: string, read: ReadOptions, minSeverity: Severity) {
    const signal = new SharedArrayBuffer(4);
    this.counter = new Int32Array(signal);
    try {
      for (let w = 0; w < count; w++) {
        const { port1, port2 } = new MessageChannel();
        const init: WorkerInit = { govreport: true, port: port2, signal, read, minSeverity };
        const worker = new Worker(script, { workerData: init, transferList: [port2] });
        worker.unref();
        this.workers.push(worker);
        this.ports.push(port1);
      }
    } catch (e) {
      this.stop();
      throw e;
    }
  }

  /** Keeps the first `n` workers, stops the others. */
  keep(n: number): void {
    for (const p of this.ports.splice(n)) p.close();
    for (const w of this.workers.splice(n)) void w.terminate();
  }

  stop(): void {
    for (const p of this.ports) p.close();
    for (const w of this.workers) void w.terminate();
  }
}

/**
 * This thread and the given workers (at least one). Throws if a worker fails; the caller then
 * checks in one thread. The caller stops the workers.
 */
export function checkInThreads(input: CheckInput, pool: Workers): CheckOutput {
  const { jobs, options } = input;
  const { counter, ports } = pool;
  const threads = ports.length + 1;
  const me = new FileByFile(input.read, input.minSeverity);
  me.addOptions(options);
  const pending = ports.map(() => 0);
  const done = new Map<number, Done>();
  /** Drains every port; then, unless `until()` holds, sleeps until a worker posts and repeats. `block` false: one pass. */
  const pump = (until: () => boolean, block = true): void => {
    for (;;) {
      const seen = Atomics.load(counter, 0);
      for (let w = 0; w < ports.length; w++) {
        for (let m = receiveMessageOnPort(ports[w]!); m; m = receiveMessageOnPort(ports[w]!)) {
          const msg = m.message as FromWorker;
          if (msg.type === 'failed') throw new Error(`worker failed: ${msg.message}`);
          pending[w]!--;
          for (const d of msg.results) done.set(d.keyed.i, d);
          feed(w);
        }
      }
      if (!block || until()) return;
      if (Atomics.wait(counter, 0, seen, STALL_MS) === 'timed-out') throw new Error('worker stalled');
    }
  };
  const idle = () => pending.every((p) => p === 0);

  // Batches in input order, small enough that no thread waits long for the last one; each thread
  // takes its batches in increasing order (FileByFile relies on it).
  const size = Math.max(1, Math.min(32, Math.ceil(jobs.length / (threads * 48))));
  const ordered = [...jobs].sort((a, b) => a.i - b.i);
  const batches: LoadJob[][] = [];
  for (let s = 0; s < ordered.length; s += size) batches.push(ordered.slice(s, s + size));
  const sentOptions = ports.map(() => 0);
  let next = 0;
  // Two batches in flight per worker: it never waits while this thread is busy with its own.
  function feed(w: number): void {
    while (pending[w]! < 2 && next < batches.length) {
      ports[w]!.postMessage({ type: 'check', options: options.slice(sentOptions[w]!), jobs: batches[next++]! } satisfies ToWorker);
      sentOptions[w] = options.length;
      pending[w]!++;
    }
  }
  for (let w = 0; w < ports.length; w++) feed(w);
  while (next < batches.length) {
    for (const job of batches[next++]!) done.set(job.i, me.check(job));
    pump(idle, false);
  }
  pump(idle);

  const keyed = new Map<number, Keyed>();
  const checked = new Map<number, Checked>();
  for (const job of ordered) {
    const d = done.get(job.i)!;
    keyed.set(job.i, d.keyed);
    if (d.checked) checked.set(job.i, d.checked);
  }
  // Peers read by another thread or later: those files again, here.
  recheckLate(jobs, done, me, checked);
  return { keyed, checked };
}
