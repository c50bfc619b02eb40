/**
 * dist/server.js: the language server's entry, a few lines that load the two big bundles
 * (dist/lsp-protocol.js, then dist/server-main.js) through a V8 code cache when the client gives
 * a directory for it (GOVREPORT_CODE_CACHE_DIR: the extension's global storage). The server saves
 * the cache once its first diagnostics are out (lsp/codeCacheHook.ts), when the code the first
 * check needs has been compiled. No directory: the bundles are loaded as `require` would.
 */
import { join } from 'node:path';
import { loadCached, type CachedModule } from './codeCache';
import { CODE_CACHE_DIR_ENV, SAVE_CODE_CACHE } from './keys';

/** Content hashes of the bundles, written in by scripts/build.mjs (not in watch builds): part of the cache key. */
declare const __GOVREPORT_BUNDLE_IDS__: Record<string, string> | undefined;
const ids: Record<string, string> = typeof __GOVREPORT_BUNDLE_IDS__ === 'object' ? __GOVREPORT_BUNDLE_IDS__ : {};

const dir = process.env[CODE_CACHE_DIR_ENV] || undefined;
const loaded: CachedModule[] = [];
(globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = () => { for (const m of loaded) m.save(); };
// The protocol libraries first, registered so that server-main.js's require('./lsp-protocol.js') finds them.
loaded.push(loadCached(join(__dirname, 'lsp-protocol.js'), dir, true, ids['lsp-protocol.js']));
loaded.push(loadCached(join(__dirname, 'server-main.js'), dir, false, ids['server-main.js']));
