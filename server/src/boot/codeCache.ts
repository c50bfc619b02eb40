/**
 * Loads a CommonJS bundle through a V8 code cache, so that a later start skips compiling it.
 * Node 20 (and VS Code's Electron before Node 22.1) has no `module.enableCompileCache`; and that
 * one stores code compiled at load time only, whereas `createCachedData()` taken after the first
 * diagnostics also holds every function the first check compiled lazily.
 *
 * Trust: a cache file is used only if it was made for this very bundle (build id, size and
 * modification time), V8 version and architecture (the key in its name), and V8 accepts it: V8
 * rejects flags, versions or source lengths that differ, and, with --verify-snapshot-checksum on
 * while it makes and reads the data (withChecksums below), a checksum that does not match. Anything
 * else (missing, truncated, corrupt, rejected, unwritable directory) falls back to a plain compile,
 * silently: the cache can make a start faster, never make it fail.
 *
 * Cost: no node:crypto and no node:zlib on this path. V8's checksum (adler32, in C++) replaces
 * a crc32 of our own: loading zlib for it and hashing the ~940 KB of cache took 2-4 ms and ~30
 * page faults of each start; sha1 through node:crypto had cost ~6 ms more before that.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type NodeModule from 'node:module';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { keyHash } from './keyHash';
import { readReused, textOf } from './readBuffer';

/**
 * The CommonJS module class, taken from this file's own module: `import … from 'node:module'` would
 * load the public module (and with it the ES module loader, ~0.6 ms and 12 page faults per start)
 * for a class and a function the CommonJS loader already holds.
 */
const Module = module.constructor as typeof NodeModule;

/**
 * File format: MAGIC, then V8's cached data (which holds V8's checksum of itself). MAGIC is 8
 * bytes so that the data stays 8-byte aligned in the buffer it is read into: V8 copies cached
 * data that is not pointer-aligned (~940 KB more memory touched per start).
 */
export const MAGIC = Buffer.from('GRCC3\n\n\n');
const SUFFIX = '.v8cache';

export interface CachedModule {
  exports: unknown;
  /** True when the code came from a valid cache file (V8 accepted it). */
  fromCache: boolean;
  /** Writes the cache file unless a valid one was used; false when nothing was written. Never throws. */
  save(): boolean;
}

/**
 * Runs `f` with V8 checksumming the cached data it makes and verifying the data it reads: off by
 * default in release builds, where V8 otherwise trusts cached data, and a flipped byte in it can
 * crash the process. On only meanwhile: the flag is part of V8's flag hash, and with it on,
 * node's own built-in modules loaded later would find their code cache rejected and compile
 * from source. Both sides of a cache see the same flags (optimiser.ts: TurboFan is back on first).
 */
export function withChecksums<T>(f: () => T): T {
  setFlagsFromString('--verify-snapshot-checksum');
  try {
    return f();
  } finally {
    setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/**
 * The cache file of the bundle `filename` under `cacheDir`: `stat` is the bundle's, `buildId` its
 * content hash from the build when known (a rebuild keeps neither size and time nor id).
 */
export function cacheFileOf(cacheDir: string, filename: string, stat: { size: bigint; mtimeNs: bigint }, buildId = ''): string {
  const key = keyHash([buildId, String(stat.size), String(stat.mtimeNs), process.versions.v8, process.arch].join('\0'));
  return join(cacheDir, `${basename(filename)}.${key}${SUFFIX}`);
}

/** The cached data in `file` if it is whole, else undefined; valid until the next file read (readBuffer.ts). */
function readCache(file: string): Buffer | undefined {
  let buf: Buffer;
  try {
    const fd = openSync(file, 'r');
    try { buf = readReused(fd, fstatSync(fd).size); } finally { closeSync(fd); }
  } catch { return undefined; }
  if (buf.length <= MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  return buf.subarray(MAGIC.length);
}

/** Atomic write (a concurrent start reads the old file or the new one, never half of one); drops older caches of the same bundle. */
function writeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([MAGIC, data]));
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

/**
 * The script of `source`, from `cachedData` when V8 accepts it. A function of its own: a closure
 * in loadCached would keep the cache buffer (~650 KB) alive as long as `save` is.
 */
function compile(source: string, filename: string, cachedData: Buffer | undefined): Script {
  if (!cachedData) return new Script(source, { filename });
  return withChecksums(() => new Script(source, { filename, cachedData }));
}

/** The bundle's text and the stat of that very file (one descriptor: a rewrite in between cannot mix two). */
function readBundle(filename: string): { source: string; stat: { size: bigint; mtimeNs: bigint } } {
  const fd = openSync(filename, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    return { source: textOf(readReused(fd, Number(stat.size))), stat };
  } finally {
    closeSync(fd);
  }
}

/** A bundle compiled (from its cache when valid) and not run yet: see compileCached. */
export interface CompiledModule {
  /** Runs it as `require` would; with `register`, a later `require(filename)` gets this instance. */
  run(register?: boolean): CachedModule;
}

/**
 * Reads and compiles the CommonJS file `filename`, through the cache in `cacheDir` when it has a
 * valid one. Without `cacheDir` it is compiled as usual and `save` does nothing. `buildId`: the
 * bundle's content hash written into the bootstrap by the build (absent in watch builds). The
 * bootstrap compiles both bundles before running either, so that the read buffer (readBuffer.ts)
 * is dropped while still young, before the module bodies' allocations start the first scavenge.
 */
export function compileCached(filename: string, cacheDir: string | undefined, buildId?: string): CompiledModule {
  const { source, stat } = readBundle(filename);
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    file = cacheDir ? cacheFileOf(cacheDir, filename, stat, buildId) : undefined;
    cachedData = file ? readCache(file) : undefined;
  } catch { file = undefined; }
  const script = compile(wrapped(source), filename, cachedData);
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  return { run: (register = false) => run(script, filename, register, fromCache, file) };
}

/** compileCached, then run. */
export function loadCached(filename: string, cacheDir: string | undefined, register = false, buildId?: string): CachedModule {
  return compileCached(filename, cacheDir, buildId).run(register);
}

function run(script: Script, filename: string, register: boolean, fromCache: boolean, file: string | undefined): CachedModule {
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
        writeCache(file, withChecksums(() => script.createCachedData()));
        return true;
      } catch {
        return false;
      }
    },
  };
}
