/**
 * Entry of dist/cli-worker.js: checks a share of the files for `check` when there are many.
 * Protocol (one port, messages in order; the main thread waits synchronously, see parallel.ts):
 *   ← {type:'parse', items:[{i, text}]}            → {type:'keys', keys:[{i, body, year}]}
 *   ← {type:'analyze', jobs:[{i, options, peers:[{i, uri}]}], texts:{[i]: text}} (texts of peers parsed elsewhere)
 *                                                  → {type:'results', results:[WorkerResult]}
 * After each post the worker bumps the shared counter and notifies the main thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { analyzeModel, type AnalyzeOptions, parseReport, modelBodyKey } from '../core/index';
import type { ReportModel, PeerReport } from '../core/index';

export interface WorkerFinding { code: string; severity: 'error' | 'warning' | 'information' | 'hint'; message: string; start: number; end: number }
export interface WorkerResult {
  i: number;
  error?: string;
  year: number | null;
  usedVersion: string | null;
  legacyStructure: boolean;
  findings: WorkerFinding[];
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

if (parentPort && workerData?.govreport) {
  const port = workerData.port as MessagePort;
  const signal = new Int32Array(workerData.signal as SharedArrayBuffer);
  const post = (m: unknown) => {
    port.postMessage(m);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  const models = new Map<number, ReportModel | Error>();
  port.on('message', (m: { type: string; items?: { i: number; text: string }[]; jobs?: { i: number; options: AnalyzeOptions; peers: { i: number; uri: string }[] }[]; texts?: Record<number, string> }) => {
    if (m.type === 'parse') {
      const keys = [];
      for (const { i, text } of m.items!) {
        try {
          const model = parseReport(text);
          models.set(i, model);
          keys.push({ i, body: modelBodyKey(model), year: model.year });
        } catch (e) {
          models.set(i, e instanceof Error ? e : new Error(String(e)));
          keys.push({ i, body: null, year: null });
        }
      }
      post({ type: 'keys', keys });
    } else if (m.type === 'analyze') {
      const results: WorkerResult[] = [];
      const model = (i: number): ReportModel | null => {
        let x = models.get(i);
        if (x === undefined && m.texts?.[i] !== undefined) {
          try { x = parseReport(m.texts[i]!); } catch (e) { x = e instanceof Error ? e : new Error(String(e)); }
          models.set(i, x);
        }
        return x instanceof Error || x === undefined ? null : x;
      };
      for (const job of m.jobs!) {
        const own = models.get(job.i);
        if (!own || own instanceof Error) {
          results.push({ i: job.i, error: `内部错误，未能检查 / internal error, not checked: ${own ? own.message : 'no model'}`, year: null, usedVersion: null, legacyStructure: false, findings: [] });
          continue;
        }
        try {
          const peers: PeerReport[] = [];
          for (const p of job.peers) { const pm = model(p.i); if (pm) peers.push({ uri: p.uri, model: pm }); }
          const a = analyzeModel(own, { ...job.options, peers });
          results.push({
            i: job.i, year: a.model.year, usedVersion: a.model.usedVersion ?? null, legacyStructure: !!a.model.legacyStructure,
            findings: a.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, start: f.span.start, end: f.span.end })),
          });
        } catch (e) {
          results.push({ i: job.i, error: `内部错误，未能检查 / internal error, not checked: ${errText(e)}`, year: null, usedVersion: null, legacyStructure: false, findings: [] });
        }
      }
      post({ type: 'results', results });
      models.clear();
    }
  });
}
