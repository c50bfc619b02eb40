/**
 * Checking many files on worker threads (dist/cli-worker.js, built from worker.ts) while `run`
 * stays synchronous: workers post on a MessageChannel and bump a shared counter; the main thread
 * sleeps on it (Atomics.wait) and drains the ports with receiveMessageOnPort. Two rounds: parse
 * (each worker returns the (body, year) of its files), then analyse with the peers found by that
 * index (texts of peers parsed by another worker are sent along). Output order stays the input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AnalyzeOptions } from '../core/index';
import type { WorkerResult } from './worker';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 64;

export function workerScript(): string | null {
  const p = join(__dirname, 'cli-worker.js');
  return existsSync(p) ? p : null;
}

/**
 * Workers only pay off on idle cores: measured on a busy 2-core host, two workers took longer than
 * one thread (their start and the copying of results cost ~25% more CPU). So: many files, and as
 * many workers as cores the load average leaves free (at least 2, else none).
 */
export function defaultJobs(files: number): number {
  if (files < PARALLEL_MIN_FILES) return 1;
  const free = Math.floor(availableParallelism() - (loadavg()[0] ?? 0));
  return free >= 2 ? Math.min(free, 8) : 1;
}

export interface ParallelItem { i: number; text: string; uri: string; options: AnalyzeOptions }

/** Gives up (the caller falls back to checking in the main thread) after this long without any message. */
const STALL_MS = 120_000;

export function checkInWorkers(items: readonly ParallelItem[], jobs: number, script: string): Map<number, WorkerResult> {
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  const n = Math.min(jobs, items.length);
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  const chunks: ParallelItem[][] = [];
  try {
    for (let w = 0; w < n; w++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(script, { workerData: { govreport: true, port: port2, signal }, transferList: [port2] });
      worker.unref();
      workers.push(worker);
      ports.push(port1);
      chunks.push(items.slice(Math.floor((w * items.length) / n), Math.floor(((w + 1) * items.length) / n)));
    }
    const collect = (): unknown[][] => {
      const got: unknown[][] = ports.map(() => []);
      let pending = n;
      while (pending > 0) {
        const seen = Atomics.load(counter, 0);
        for (let w = 0; w < n; w++) {
          for (let m = receiveMessageOnPort(ports[w]!); m; m = receiveMessageOnPort(ports[w]!)) { got[w]!.push(m.message); pending--; }
        }
        if (pending > 0 && Atomics.wait(counter, 0, seen, STALL_MS) === 'timed-out') throw new Error('worker stalled');
      }
      return got;
    };

    for (let w = 0; w < n; w++) ports[w]!.postMessage({ type: 'parse', items: chunks[w]!.map(({ i, text }) => ({ i, text })) });
    const keyed = new Map<string, number[]>();
    const keyOf = new Map<number, { body: string | null; year: number | null }>();
    for (const [msg] of collect() as [{ keys: { i: number; body: string | null; year: number | null }[] }][]) {
      for (const k of msg.keys) {
        keyOf.set(k.i, k);
        if (k.body && k.year !== null) {
          const key = `${k.year}\u0000${k.body}`;
          const list = keyed.get(key);
          if (list) list.push(k.i); else keyed.set(key, [k.i]);
        }
      }
    }
    const byIndex = new Map(items.map((it) => [it.i, it]));
    for (let w = 0; w < n; w++) {
      const mine = new Set(chunks[w]!.map((it) => it.i));
      const texts: Record<number, string> = {};
      const jobsOut = chunks[w]!.map((it) => {
        const k = keyOf.get(it.i);
        const peerIdx = k?.body && k.year !== null ? keyed.get(`${k.year - 1}\u0000${k.body}`) ?? [] : [];
        for (const p of peerIdx) if (!mine.has(p)) texts[p] = byIndex.get(p)!.text;
        return { i: it.i, options: it.options, peers: peerIdx.map((p) => ({ i: p, uri: byIndex.get(p)!.uri })) };
      });
      ports[w]!.postMessage({ type: 'analyze', jobs: jobsOut, texts });
    }
    const results = new Map<number, WorkerResult>();
    for (const [msg] of collect() as [{ results: WorkerResult[] }][]) for (const r of msg.results) results.set(r.i, r);
    return results;
  } finally {
    for (const p of ports) p.close();
    for (const w of workers) void w.terminate();
  }
}
