/**
 * Loads a CommonJS bundle through a V8 code cache, so that a later start skips compiling it.
 * Node 20 (and VS Code's Electron before Node 22.1) has no `module.enableCompileCache`; and that
 * one stores code compiled at load time only, whereas `createCachedData()` taken after the first
 * diagnostics also holds every function the first check compiled lazily.
 *
 * Trust: a cache file is used only if its checksum matches and it was made for this very bundle
 * (build id, size and modification time), V8 version and architecture (the key in its name); V8
 * itself rejects flags, versions or source lengths that differ. Anything else (missing, truncated,
 * corrupt, rejected, unwritable directory) falls back to a plain compile, silently: the cache can
 * make a start faster, never make it fail.
 *
 * Cost: no node:crypto on this path. Loading it took ~6 ms of a ~75 ms start, and hashing the
 * 500 KB of source and 900 KB of cache with sha1 more; the bundle's identity comes from the build
 * (scripts/build.mjs) and its stat, the checksum is zlib's crc32 (sha1 only where Node lacks it).
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type NodeModule from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';
import { checksumLength, checksumOf, keyHash } from './checksum';

/**
 * The CommonJS module class, taken from this file's own module: `import … from 'node:module'` would
 * load the public module (and with it the ES module loader, ~0.6 ms and 12 page faults per start)
 * for a class and a function the CommonJS loader already holds.
 */
const Module = module.constructor as typeof NodeModule;

/** File format: MAGIC, checksum (its kind in the first byte, see checksum.ts), V8's cached data. */
const MAGIC = Buffer.from('GRCC2\n');
const SUFFIX = '.v8cache';

export interface CachedModule {
  exports: unknown;
  /** True when the code came from a valid cache file (V8 accepted it). */
  fromCache: boolean;
  /** Writes the cache file unless a valid one was used; false when nothing was written. Never throws. */
  save(): boolean;
}

/** zlib.crc32 exists from Node 20.15 / 22.2 (VS Code 1.91's Electron has Node 20.9). */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * The cache file of the bundle `filename` under `cacheDir`: `stat` is the bundle's, `buildId` its
 * content hash from the build when known (a rebuild keeps neither size and time nor id).
 */
export function cacheFileOf(cacheDir: string, filename: string, stat: { size: bigint; mtimeNs: bigint }, buildId = ''): string {
  const key = keyHash([buildId, String(stat.size), String(stat.mtimeNs), process.versions.v8, process.arch].join('\0'));
  return join(cacheDir, `${basename(filename)}.${key}${SUFFIX}`);
}

/** The cached data in `file` if it is whole, else undefined. */
function readCache(file: string): Buffer | undefined {
  let buf: Buffer;
  try { buf = readFileSync(file); } catch { return undefined; }
  if (buf.length <= MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const rest = buf.subarray(MAGIC.length);
  const size = checksumLength(rest[0]!);
  if (size === undefined || rest.length <= size) return undefined;
  const data = rest.subarray(size);
  const sum = checksumOf(data, crc32, rest[0]);
  return sum && sum.equals(rest.subarray(0, size)) ? data : undefined;
}

/** Atomic write (a concurrent start reads the old file or the new one, never half of one); drops older caches of the same bundle. */
function writeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([MAGIC, checksumOf(data, crc32)!, data]));
  renameSync(tmp, file);
  const prefix = basename(file).split('.').slice(0, -2).join('.') + '.';
  for (const name of readdirSync(dir)) {
    if (name !== basename(file) && name.startsWith(prefix) && name.endsWith(SUFFIX)) {
      try { unlinkSync(join(dir, name)); } catch { /* another start may have removed it */ }
    }
  }
}

/** The CommonJS wrapper, as scripts/cjs-wrapper.mjs writes it around dist/server-main.js. */
export const CJS_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
export const CJS_TAIL = '\n})';
/** …and the call after it in dist/lsp-protocol.js, which dist/client.js requires too (scripts/cjs-wrapper.mjs). */
export const CJS_CALL = '.call(this, exports, require, module, __filename, __dirname);';

/**
 * The source as a function expression: as it is if the build wrapped it already, without the call
 * if the build added one (a slice: V8 keeps it as a view of the text read, no copy at start).
 */
export function wrapped(source: string): string {
  if (!source.startsWith(CJS_HEAD)) return CJS_HEAD + source + CJS_TAIL;
  if (source.endsWith(CJS_TAIL)) return source;
  if (source.endsWith(CJS_TAIL + CJS_CALL)) return source.slice(0, source.length - CJS_CALL.length);
  return CJS_HEAD + source + CJS_TAIL;
}

/** The bundle's text and the stat of that very file (one descriptor: a rewrite in between cannot mix two). */
function readBundle(filename: string): { source: string; stat: { size: bigint; mtimeNs: bigint } } {
  const fd = openSync(filename, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    return { source: readFileSync(fd, 'utf8'), stat };
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs the CommonJS file `filename` as `require` would and returns its exports. With `register`,
 * it is put in require's cache, so that a later `require(filename)` (from another bundle) gets
 * this instance. Without `cacheDir` it is compiled as usual and `save` does nothing. `buildId`:
 * the bundle's content hash written into the bootstrap by the build (absent in watch builds).
 */
export function loadCached(filename: string, cacheDir: string | undefined, register = false, buildId?: string): CachedModule {
  const { source, stat } = readBundle(filename);
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    file = cacheDir ? cacheFileOf(cacheDir, filename, stat, buildId) : undefined;
    cachedData = file ? readCache(file) : undefined;
  } catch { file = undefined; }
  const script = new Script(wrapped(source), { filename, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;

  const m = new Module(filename);
  m.filename = filename;
  if (register) require.cache[filename] = m;
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(m.exports, m.exports, Module.createRequire(filename), m, filename, dirname(filename));
  m.loaded = true;

  let saved = fromCache;
  return {
    exports: m.exports,
    fromCache,
    save() {
      if (saved || !file) return false;
      saved = true;
      try {
        writeCache(file, script.createCachedData());
        return true;
      } catch {
        return false;
      }
    },
  };
}
