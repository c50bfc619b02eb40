/**
 * Asks the bootstrap (server/src/boot/server.ts) to write the V8 code cache. Called after the first
 * diagnostics are published: the cache then holds the code of a whole first check. A no-op when
 * the server runs without the bootstrap (tests under tsx) or without a cache directory.
 */
import { SAVE_CODE_CACHE } from '../boot/keys';

export function saveCodeCache(): void {
  const save = (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE];
  if (typeof save === 'function') {
    try { save(); } catch { /* a cache is an optimisation: never a reason to fail */ }
  }
}
