/**
 * Loads a CommonJS bundle through a V8 code cache, so that a later start skips compiling it.
 * Node 20 (and VS Code's Electron before Node 22.1) has no `module.enableCompileCache`; and that
 * one stores code compiled at load time only, whereas `createCachedData()` taken after the first
 * diagnostics also holds every function the first check compiled lazily.
 *
 * Trust: a cache file is used only if its checksum matches and it was made for this very source
 * text, V8 version and architecture (the key in its name); V8 itself rejects flags or versions
 * that differ. Anything else (missing, truncated, corrupt, rejected, unwritable directory) falls
 * back to a plain compile, silently: the cache can make a start faster, never make it fail.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** File format: MAGIC, sha1 of the data (20 bytes), V8's cached data. */
const MAGIC = Buffer.from('GRCC1\n');
const DIGEST_BYTES = 20;
const SUFFIX = '.v8cache';

export interface CachedModule {
  exports: unknown;
  /** True when the code came from a valid cache file (V8 accepted it). */
  fromCache: boolean;
  /** Writes the cache file unless a valid one was used; false when nothing was written. Never throws. */
  save(): boolean;
}

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest();

/** The cache file of `filename` with this `source` under `cacheDir`. */
export function cacheFileOf(cacheDir: string, filename: string, source: string): string {
  const key = createHash('sha1').update(`${process.versions.v8}\0${process.arch}\0`).update(source).digest('hex').slice(0, 20);
  return join(cacheDir, `${basename(filename)}.${key}${SUFFIX}`);
}

/** The cached data in `file` if it is whole, else undefined. */
function readCache(file: string): Buffer | undefined {
  let buf: Buffer;
  try { buf = readFileSync(file); } catch { return undefined; }
  const head = MAGIC.length + DIGEST_BYTES;
  if (buf.length <= head || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = buf.subarray(head);
  return sha1(data).equals(buf.subarray(MAGIC.length, head)) ? data : undefined;
}

/** Atomic write (a concurrent start reads the old file or the new one, never half of one); drops older caches of the same bundle. */
function writeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([MAGIC, sha1(data), data]));
  renameSync(tmp, file);
  const prefix = basename(file).split('.').slice(0, -2).join('.') + '.';
  for (const name of readdirSync(dir)) {
    if (name !== basename(file) && name.startsWith(prefix) && name.endsWith(SUFFIX)) {
      try { unlinkSync(join(dir, name)); } catch { /* another start may have removed it */ }
    }
  }
}

/**
 * Runs the CommonJS file `filename` as `require` would and returns its exports. With `register`,
 * it is put in require's cache, so that a later `require(filename)` (from another bundle) gets
 * this instance. Without `cacheDir` it is compiled as usual and `save` does nothing.
 */
export function loadCached(filename: string, cacheDir: string | undefined, register = false): CachedModule {
  const source = readFileSync(filename, 'utf8');
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    file = cacheDir ? cacheFileOf(cacheDir, filename, source) : undefined;
    cachedData = file ? readCache(file) : undefined;
  } catch { file = undefined; }
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new Script(wrapped, { filename, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;

  const m = new Module(filename);
  m.filename = filename;
  if (register) require.cache[filename] = m;
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(m.exports, m.exports, createRequire(filename), m, filename, dirname(filename));
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
