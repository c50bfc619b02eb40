/**
 * Where an edit's time goes, for scripts/bench-lsp.mjs: with GOVREPORT_EDIT_TRACE=file the
 * scheduler appends one JSON line per published run to that file: when the run was scheduled
 * (the didChange), its planned start (the lead) and its deadline, when it started, when its result
 * was ready, when publishing began and when it returned (process.send done), and the GC pauses
 * since the line before (kind 1 scavenge, 2 mark-compact, 4 incremental marking, 8 weak
 * callbacks). Times in ms on performance.now(), which is also the GC entries' clock.
 *
 * Off unless the variable is set: then nothing is loaded (perf_hooks would cost ~2 ms of every
 * start) and the scheduler's calls are `editTrace?.…` on undefined. The line is written after the
 * publish has returned, outside what an edit's latency measures.
 */

/** A run's stages, ms on performance.now(). */
interface RunRecord {
  uri: string;
  version: number;
  scheduled: number;
  /** ms after `scheduled` at which the run was planned to start, and its deadline. */
  plannedStart: number;
  deadline: number;
  started?: number;
  computed?: number;
  publish?: number;
  published?: number;
}

type Stage = 'started' | 'computed' | 'publish';

export interface EditTrace {
  scheduled(uri: string, version: number, plannedStartMs: number, deadlineMs: number): void;
  mark(uri: string, version: number, stage: Stage): void;
  /** Writes the run's line (and the GC pauses since the last one). */
  published(uri: string, version: number): void;
}

/** The trace writing to `file`; undefined without one (or on a node without process.getBuiltinModule). Exported for tests. */
export function openTrace(file: string | undefined): EditTrace | undefined {
  if (!file) return undefined;
  // process.getBuiltinModule (node ≥ 20.16): no import, so the server's start loads neither module.
  const hooks = process.getBuiltinModule?.('node:perf_hooks');
  const fs = process.getBuiltinModule?.('node:fs');
  if (!hooks || !fs) return undefined;
  const { performance, PerformanceObserver } = hooks;
  const gcs: { at: number; ms: number; kind: number | undefined }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs.push({ at: e.startTime, ms: e.duration, kind: (e as { detail?: { kind?: number } }).detail?.kind });
    }
  }).observe({ entryTypes: ['gc'] });
  const runs = new Map<string, RunRecord>();
  const current = (uri: string, version: number) => {
    const r = runs.get(uri);
    return r && r.version === version ? r : undefined;
  };
  return {
    scheduled(uri, version, plannedStartMs, deadlineMs) {
      runs.set(uri, { uri, version, scheduled: performance.now(), plannedStart: plannedStartMs, deadline: deadlineMs });
    },
    mark(uri, version, stage) {
      const r = current(uri, version);
      if (r) r[stage] = performance.now();
    },
    published(uri, version) {
      const r = current(uri, version);
      if (!r) return;
      r.published = performance.now();
      runs.delete(uri);
      fs.appendFileSync(file, `${JSON.stringify({ ...r, gc: gcs.splice(0) })}\n`);
    },
  };
}

export const editTrace: EditTrace | undefined = openTrace(process.env.GOVREPORT_EDIT_TRACE);
