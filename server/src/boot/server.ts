/**
 * dist/server.js: the language server's entry, a few lines that load the two big bundles
 * (dist/lsp-protocol.js, then dist/server-main.js) through a V8 code cache when the client gives
 * a directory for it (GOVREPORT_CODE_CACHE_DIR: the extension's global storage). The server saves
 * the cache once its first diagnostics are out (lsp/bootHooks.ts), when the code the first
 * check needs has been compiled. No directory: the bundles are loaded as `require` would.
 * TurboFan is off until then (optimiser.ts).
 */
// First: in the trace build it marks the end of node's own start (phases.ts).
import { mark, writePhases } from './phases';
import { join } from 'node:path';
import { compileCached, type CachedModule } from './codeCache';
import { releaseReadBuffer } from './readBuffer';
import { CODE_CACHE_DIR_ENV, FIRST_PUBLISH_DONE } from './keys';
import { deferOptimisation } from './optimiser';

/** Content hashes of the bundles, written in by scripts/build.mjs (not in watch builds): part of the cache key. */
declare const __GOVREPORT_BUNDLE_IDS__: Record<string, string> | undefined;
const ids: Record<string, string> = typeof __GOVREPORT_BUNDLE_IDS__ === 'object' ? __GOVREPORT_BUNDLE_IDS__ : {};

const dir = process.env[CODE_CACHE_DIR_ENV] || undefined;
/** TurboFan comes back this long after the load when no report gets diagnostics (none opened). */
const NO_PUBLISH_FALLBACK_MS = 2000;
const protocol = compileCached(join(__dirname, 'lsp-protocol.js'), dir, ids['lsp-protocol.js']);
if (__GOVREPORT_BOOT_TRACE__) mark('protocol compile');
const main = compileCached(join(__dirname, 'server-main.js'), dir, ids['server-main.js']);
releaseReadBuffer(); // both compiled: the files' bytes are no longer needed
if (__GOVREPORT_BOOT_TRACE__) mark('main compile');
// The protocol libraries first, registered so that server-main.js's require('./lsp-protocol.js') finds them.
const protocolRun = protocol.run(true);
if (__GOVREPORT_BOOT_TRACE__) mark('protocol run');
const loaded: CachedModule[] = [protocolRun, main.run(false)];
if (__GOVREPORT_BOOT_TRACE__) mark('main run');
// No TurboFan for the first check (optimiser.ts); the server has connected, nothing has run yet.
const optimise = deferOptimisation(NO_PUBLISH_FALLBACK_MS);
(globalThis as Record<symbol, unknown>)[FIRST_PUBLISH_DONE] = () => {
  if (__GOVREPORT_BOOT_TRACE__) { mark('to first publish'); writePhases(); }
  optimise(); // first: the cache is keyed by the flags, and it is loaded under the default ones
  for (const m of loaded) m.save();
};
