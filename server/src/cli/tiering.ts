/**
 * When V8's optimising compiler (TurboFan) starts to work for the CLI. A `govreport` process
 * starts cold: every rule and parser function is compiled from scratch, and TurboFan's compiles
 * cost more CPU than the faster code saves on the first few million characters. Measured (node 20,
 * 2 loaded cores): reading and analysing 1000 typical reports (4.2 M characters) 3.7–3.9 s CPU
 * with TurboFan from the start, 1.9 s without; `check` of one 8 MB report (4 M characters) 3.4 s /
 * 2.4 s; past ~3000 reports optimised code wins (10 000 reports: 12.7 s with, 17–22 s without). So the entry points (main.ts,
 * worker.ts) defer it, and it is switched on once this isolate has read OPTIMISE_AFTER_CHARS of
 * text (10 000 reports with it switched on after 2000: 12.8 s). Nothing here changes a finding:
 * both tiers run the same code. The flag is process-wide; each isolate counts its own text
 * because each compiles its own code. The language server, which lives long, keeps the default.
 */
import { setFlagsFromString } from 'node:v8';

/** Characters read (UTF-16 units) after which TurboFan is switched on again: ~2000 typical reports. */
export const OPTIMISE_AFTER_CHARS = 8 * 1024 * 1024;

let deferred = false;
let read = 0;

/** Turns TurboFan off until `noteRead` has counted OPTIMISE_AFTER_CHARS (process entry points only). */
export function deferOptimisation(): void {
  // --turbofan is the flag's name from node 20 (V8 11.3) on; --opt is an alias that may go.
  setFlagsFromString('--no-turbofan');
  deferred = true;
  read = 0;
}

/** Whether TurboFan is off now (deferOptimisation called, threshold not reached yet). */
export function optimisationDeferred(): boolean {
  return deferred;
}

/** Counts a text read for checking; switches TurboFan back on past the threshold. */
export function noteRead(chars: number): void {
  if (!deferred) return;
  read += chars;
  if (read >= OPTIMISE_AFTER_CHARS) {
    setFlagsFromString('--turbofan');
    deferred = false;
  }
}
