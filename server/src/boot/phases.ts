/**
 * Where a start's time goes, phase by phase, for the start bench (scripts/bench-lsp.mjs with
 * BENCH_LSP_PHASES=1). Only dist/server-trace.js records anything: scripts/build.mjs builds it
 * from the same bootstrap with __GOVREPORT_BOOT_TRACE__ true; in dist/server.js (what ships)
 * the constant is false and esbuild drops every call. Per phase: CPU time (all threads, as
 * process.cpuUsage counts it), minor page faults (load-independent: a steady figure on a busy
 * host) and wall time since the process started.
 */
import { appendFileSync } from 'node:fs';

/**
 * True in dist/server-trace.js only: replaced by a literal in every build of the bootstrap
 * (scripts/build.mjs), so that `if (__GOVREPORT_BOOT_TRACE__)` and the code behind it vanish from
 * dist/server.js. Tested bare, not through a constant: esbuild does not fold one across modules.
 */
declare global {
  const __GOVREPORT_BOOT_TRACE__: boolean;
}

/** Environment variable: the file the trace bootstrap appends one line per start to. */
export const BOOT_TRACE_FILE_ENV = 'GOVREPORT_BOOT_TRACE_FILE';

export interface PhaseMark {
  name: string;
  cpuMs: number;
  faults: number;
  wallMs: number;
}

const marks: PhaseMark[] = [];

/** Records the end of phase `name` (the first mark, at the bootstrap's first line, ends node's own start). */
export function mark(name: string): void {
  const cpu = process.cpuUsage();
  marks.push({ name, cpuMs: (cpu.user + cpu.system) / 1000, faults: process.resourceUsage().minorPageFault, wallMs: process.uptime() * 1000 });
}

/** Each phase as the difference to the mark before it; the first one from the process start. */
export function phasesOf(ms: readonly PhaseMark[]): PhaseMark[] {
  return ms.map((m, i) => {
    const prev = i > 0 ? ms[i - 1]! : { cpuMs: 0, faults: 0, wallMs: 0 };
    return { name: m.name, cpuMs: m.cpuMs - prev.cpuMs, faults: m.faults - prev.faults, wallMs: m.wallMs - prev.wallMs };
  });
}

/** Appends this start's phases as one JSON line to the file named by BOOT_TRACE_FILE_ENV (nothing when unset). */
export function writePhases(): void {
  const file = process.env[BOOT_TRACE_FILE_ENV];
  if (!file) return;
  try { appendFileSync(file, JSON.stringify(phasesOf(marks)) + '\n'); } catch { /* a trace never fails a start */ }
}

// First in the bootstrap's imports (boot/server.ts): this mark ends node's own start. (typeof: tests import this file unbuilt.)
if (typeof __GOVREPORT_BOOT_TRACE__ !== 'undefined' && __GOVREPORT_BOOT_TRACE__) mark('node');
