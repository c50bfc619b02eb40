/**
 * Entry of dist/cli-worker.js: a FileByFile (participant.ts) driven over one port by the main
 * thread (parallel.ts), which waits synchronously. Messages, answered in order:
 *   ← {type:'check', options, jobs}    → {type:'checked', results: Done[]}
 * Anything thrown outside the per-file guards → {type:'failed', message} (the main thread then
 * checks everything itself). After each post the worker bumps the shared counter and notifies.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { AnalyzeOptions, Severity } from '../core/index';
import { FileByFile, type LoadJob } from './participant';
import type { ReadOptions } from './read';
import { deferOptimisation } from './tiering';

export interface WorkerInit { govreport: true; port: MessagePort; signal: SharedArrayBuffer; read: ReadOptions; minSeverity: Severity }

export type ToWorker = { type: 'check'; options: AnalyzeOptions[]; jobs: LoadJob[] };

if (parentPort && (workerData as WorkerInit | undefined)?.govreport) {
  deferOptimisation(); // this isolate counts its own text (tiering.ts)
  const init = workerData as WorkerInit;
  const port = init.port;
  const signal = new Int32Array(init.signal);
  const post = (m: unknown) => {
    port.postMessage(m);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  const me = new FileByFile(init.read, init.minSeverity);
  port.on('message', (m: ToWorker) => {
    try {
      me.addOptions(m.options);
      post({ type: 'checked', results: m.jobs.map((j) => me.check(j)) });
    } catch (e) {
      post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
