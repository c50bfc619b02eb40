/**
 * Entry of dist/cli-worker.js: a Participant (participant.ts) driven over one port by the main
 * thread (parallel.ts), which waits synchronously. Messages, answered in order:
 *   ← {type:'load', options, jobs}     → {type:'loaded', results: Keyed[]}
 *   ← {type:'texts', want}             → {type:'texts', texts}
 *   ← {type:'analyze', jobs, texts}    → {type:'checked', results: Checked[]}
 * Several loads and analyses may come, in any mix (a thread that is done takes another's files).
 * Anything thrown outside the per-file guards → {type:'failed', message} (the main thread then
 * checks everything itself). After each post the worker bumps the shared counter and notifies.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { AnalyzeOptions, Severity } from '../core/index';
import { Participant, type AnalyzeJob, type LoadJob } from './participant';
import type { ReadOptions } from './read';

export interface WorkerInit { govreport: true; port: MessagePort; signal: SharedArrayBuffer; read: ReadOptions; minSeverity: Severity }

export type ToWorker =
  | { type: 'load'; options: AnalyzeOptions[]; jobs: LoadJob[] }
  | { type: 'texts'; want: number[] }
  | { type: 'analyze'; jobs: AnalyzeJob[]; texts: [number, string][] };

if (parentPort && (workerData as WorkerInit | undefined)?.govreport) {
  const init = workerData as WorkerInit;
  const port = init.port;
  const signal = new Int32Array(init.signal);
  const post = (m: unknown) => {
    port.postMessage(m);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  const me = new Participant(init.read, init.minSeverity);
  port.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'load') {
        me.addOptions(m.options);
        post({ type: 'loaded', results: me.load(m.jobs) });
      } else if (m.type === 'texts') {
        post({ type: 'texts', texts: me.texts(m.want) });
      } else {
        post({ type: 'checked', results: me.analyze(m.jobs, m.texts) });
      }
    } catch (e) {
      post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
