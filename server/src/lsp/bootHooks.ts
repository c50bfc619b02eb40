/**
 * Tells the bootstrap (server/src/boot/server.ts) that the first diagnostics are written: it turns
 * TurboFan on again and writes the V8 code cache, which then holds the code of a whole first check.
 * A no-op when the server runs without the bootstrap (tests under tsx).
 */
import { FIRST_PUBLISH_DONE } from '../boot/keys';

export function firstPublishDone(): void {
  const done = (globalThis as Record<symbol, unknown>)[FIRST_PUBLISH_DONE];
  if (typeof done === 'function') {
    try { done(); } catch { /* TurboFan and the cache are optimisations: never a reason to fail */ }
  }
}
