/**
 * TurboFan (V8's optimising compiler) stays off from the end of the bundles' load to the first
 * diagnostics. A start runs the parser and rules once, cold: TurboFan would compile the hot loops
 * of that one check on a background thread, and its compiles cost more CPU, memory and page faults
 * than the faster code saves within it (measured: ~280 fewer page faults and RSS −4.7 MB at the
 * first publish; the CLI defers it for the same reason, server/src/cli/tiering.ts). The server lives
 * long, so it is switched on again right after the first publish, or after `fallbackMs` when no
 * report is opened. Both tiers run the same code: no finding can change.
 *
 * Not before the bundles are loaded: V8 accepts a code cache only under the flags it was made with,
 * and the cache is written after the first publish, with the flag back at its default.
 */
import { setFlagsFromString } from 'node:v8';

/** Turns TurboFan off; returns the function that turns it on again (idempotent; also run after `fallbackMs`). */
export function deferOptimisation(fallbackMs: number): () => void {
  // --turbofan is the flag's name from node 20 (V8 11.3) on, as in cli/tiering.ts.
  setFlagsFromString('--no-turbofan');
  let deferred = true;
  const resume = () => {
    if (!deferred) return;
    deferred = false;
    clearTimeout(timer);
    setFlagsFromString('--turbofan');
  };
  const timer = setTimeout(resume, fallbackMs);
  timer.unref();
  return resume;
}
