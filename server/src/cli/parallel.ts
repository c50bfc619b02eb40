/**
 * Checking the files of one `check` run on several threads (one thread: oneThread.ts). The main thread is always one
 * of the participants (it would otherwise sit idle): with N threads it starts N−1 workers
 * (dist/cli-worker.js, built from worker.ts). `run` stays synchronous: workers post on a
 * MessageChannel and bump a shared counter; the main thread drains the ports with
 * receiveMessageOnPort between its own batches and sleeps on the counter (Atomics.wait) when it
 * has nothing left to do.
 *   1. load: files go out in small batches to whoever is free (the main thread takes the next
 *      batch itself); each answers the (body, year) of its files and keeps their models.
 *   2. peers: indexed once by (body, year), in input order as in one thread; a peer held by
 *      another thread is sent along as text.
 *   3. analyze: each thread analyses the files it loaded; results are plain data with ranges.
 * The caller formats the results in input order, so output and exit code do not depend on threads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AnalyzeOptions, Severity } from '../core/index';
import { Participant, peerKey, type AnalyzeJob, type Checked, type Keyed, type LoadJob, type PeerRef } from './participant';
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
 * Threads cost ~40% more CPU in all (worker start-up, peers parsed again, results cloned back):
 * on 2 idle cores they were slower than one thread (1000 reports: 3.2 s for --jobs 1, 4.0 s for
 * --jobs 2, load 1.5), so the automatic mode starts them only from this many idle cores.
 */
export const PARALLEL_MIN_CORES = 4;

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
  /** The URI a file is known by as a peer. */
  uriOf(i: number): string;
}

export interface CheckOutput {
  keyed: Map<number, Keyed>;
  checked: Map<number, Checked>;
}

/** Peers of each parsed file: last year's reports of the same body, in input order. */
function analyzeJobs(keyed: readonly Keyed[], uriOf: (i: number) => string): AnalyzeJob[] {
  const byKey = new Map<string, number[]>();
  const sorted = [...keyed].sort((a, b) => a.i - b.i);
  for (const k of sorted) {
    if (k.kind !== 'text' || k.parseError !== undefined) continue;
    const key = peerKey(k.body, k.year);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(k.i); else byKey.set(key, [k.i]);
  }
  const uris = new Map<number, string>();
  const ref = (i: number): PeerRef => {
    let uri = uris.get(i);
    if (uri === undefined) uris.set(i, (uri = uriOf(i)));
    return { i, uri };
  };
  const out: AnalyzeJob[] = [];
  for (const k of sorted) {
    if (k.kind !== 'text' || k.parseError !== undefined) continue;
    const key = k.year === null ? null : peerKey(k.body, k.year - 1);
    out.push({ i: k.i, peers: key === null ? [] : (byKey.get(key) ?? []).map(ref) });
  }
  return out;
}

/** Gives up (the caller then checks in one thread) after this long without any message. */
const STALL_MS = 120_000;

type FromWorker =
  | { type: 'loaded'; results: Keyed[] }
  | { type: 'texts'; texts: [number, string][] }
  | { type: 'checked'; results: Checked[] }
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
  const me = new Participant(input.read, input.minSeverity);
  me.addOptions(options);
  const send = (w: number, m: ToWorker) => ports[w]!.postMessage(m);
  const pending = ports.map(() => 0);
  let handle: (w: number, m: FromWorker) => void = () => {};
  /** Drains every port; then, unless `until()` holds, sleeps until a worker posts and repeats. `block` false: one pass. */
  const pump = (until: () => boolean, block = true): void => {
    for (;;) {
      const seen = Atomics.load(counter, 0);
      for (let w = 0; w < ports.length; w++) {
        for (let m = receiveMessageOnPort(ports[w]!); m; m = receiveMessageOnPort(ports[w]!)) {
          const msg = m.message as FromWorker;
          if (msg.type === 'failed') throw new Error(`worker failed: ${msg.message}`);
          pending[w]!--;
          handle(w, msg);
        }
      }
      if (!block || until()) return;
      if (Atomics.wait(counter, 0, seen, STALL_MS) === 'timed-out') throw new Error('worker stalled');
    }
  };
  const idle = () => pending.every((p) => p === 0);

  // 1. load, in batches small enough that no thread waits long for the last one.
  const size = Math.max(1, Math.min(32, Math.ceil(jobs.length / (threads * 48))));
  const batches: LoadJob[][] = [];
  for (let s = 0; s < jobs.length; s += size) batches.push(jobs.slice(s, s + size));
  const owner = new Map<number, number>(); // file → participant (−1 = this thread, else worker index)
  const keyed: Keyed[] = [];
  const sentOptions = ports.map(() => 0);
  let next = 0;
  const give = (w: number) => {
    const batch = batches[next++]!;
    for (const j of batch) owner.set(j.i, w);
    send(w, { type: 'load', options: options.slice(sentOptions[w]!), jobs: batch });
    sentOptions[w] = options.length;
    pending[w]!++;
  };
  handle = (w, m) => {
    if (m.type !== 'loaded') throw new Error(`unexpected ${m.type}`);
    for (const k of m.results) keyed.push(k);
    while (pending[w]! < 2 && next < batches.length) give(w);
  };
  // Two batches in flight per worker: it never waits while this thread is busy with its own.
  for (let w = 0; w < ports.length; w++) while (pending[w]! < 2 && next < batches.length) give(w);
  while (next < batches.length) {
    const batch = batches[next++]!;
    for (const j of batch) owner.set(j.i, -1);
    for (const k of me.load(batch)) keyed.push(k);
    pump(idle, false);
  }
  pump(idle);

  // 2. peers: the texts of every peer a worker holds come here, to go wherever they are needed.
  const analyze = analyzeJobs(keyed, input.uriOf);
  const peerText = new Map<number, string>();
  const want: Set<number>[] = ports.map(() => new Set<number>());
  for (const job of analyze) {
    for (const p of job.peers) {
      const o = owner.get(p.i)!;
      if (o >= 0) want[o]!.add(p.i);
    }
  }
  handle = (_w, m) => {
    if (m.type !== 'texts') throw new Error(`unexpected ${m.type}`);
    for (const [i, t] of m.texts) peerText.set(i, t);
  };
  for (let w = 0; w < ports.length; w++) if (want[w]!.size) { send(w, { type: 'texts', want: [...want[w]!] }); pending[w]!++; }
  pump(idle);

  // 3. analyze, in batches: each thread its own files first, then (stealing from the end of the
  // longest queue) another's, which it loads again itself; no thread idles while work is left.
  const queues: AnalyzeJob[][][] = [...ports.map(() => [] as AnalyzeJob[][]), []]; // last: this thread
  const ME = ports.length;
  const mineOf = new Map<number, number>(); // file → queue index
  for (const job of analyze) {
    const o = owner.get(job.i)!;
    mineOf.set(job.i, o < 0 ? ME : o);
  }
  for (let q = 0; q <= ME; q++) {
    const own = analyze.filter((j) => mineOf.get(j.i) === q);
    for (let s = 0; s < own.length; s += size) queues[q]!.push(own.slice(s, s + size));
  }
  const loadJobOf = new Map(jobs.map((j) => [j.i, j]));
  /** The next batch for thread `q`, and whether it was stolen (must be loaded first). */
  const take = (q: number): { batch: AnalyzeJob[]; stolen: boolean } | null => {
    const own = queues[q]!.shift();
    if (own) return { batch: own, stolen: false };
    let from = -1;
    for (let o = 0; o <= ME; o++) if (queues[o]!.length > (from < 0 ? 0 : queues[from]!.length)) from = o;
    return from < 0 ? null : { batch: queues[from]!.pop()!, stolen: true };
  };
  const textsFor = (batch: readonly AnalyzeJob[], q: number): [number, string][] => {
    const out: [number, string][] = [];
    for (const job of batch) {
      for (const p of job.peers) {
        if (mineOf.get(p.i) === q) continue; // loaded there
        const t = owner.get(p.i)! < 0 ? me.texts([p.i])[0]![1] : peerText.get(p.i);
        if (t !== undefined) out.push([p.i, t]);
      }
    }
    return out;
  };
  const checked = new Map<number, Checked>();
  const feed = (w: number) => {
    while (pending[w]! < 2) {
      const got = take(w);
      if (!got) return;
      if (got.stolen) {
        send(w, { type: 'load', options: options.slice(sentOptions[w]!), jobs: got.batch.map((j) => loadJobOf.get(j.i)!) });
        sentOptions[w] = options.length;
        pending[w]!++;
      }
      send(w, { type: 'analyze', jobs: got.batch, texts: textsFor(got.batch, w) });
      pending[w]!++;
    }
  };
  handle = (w, m) => {
    if (m.type === 'checked') for (const c of m.results) checked.set(c.i, c);
    else if (m.type !== 'loaded') throw new Error(`unexpected ${m.type}`);
    feed(w);
  };
  for (let w = 0; w < ports.length; w++) feed(w);
  for (let got = take(ME); got; got = take(ME)) {
    if (got.stolen) me.load(got.batch.map((j) => loadJobOf.get(j.i)!));
    for (const c of me.analyze(got.batch, textsFor(got.batch, ME))) checked.set(c.i, c);
    pump(idle, false);
  }
  pump(idle);
  return { keyed: new Map(keyed.map((k) => [k.i, k])), checked };
}
