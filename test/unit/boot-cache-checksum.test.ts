// The code cache's integrity check is V8's own checksum, switched on only around making and reading
// the data (server/src/boot/codeCache.ts withChecksums). Every load runs in a fresh child process,
// as the server loads its bundles: within one process V8 reuses the script it compiled before and
// never reads the cached data again; and a corrupt cache V8 did not verify could crash the process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const CODE_CACHE = join(__dirname, '..', '..', 'server', 'src', 'boot', 'codeCache.ts');
const READ_BUFFER = join(__dirname, '..', '..', 'server', 'src', 'boot', 'readBuffer.ts');
const root = mkdtempSync(join(tmpdir(), 'govreport-cache-checksum-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A bundle with enough code that its cached data has a sizeable payload to corrupt. */
function bundle(functions = 200): { file: string; cacheDir: string } {
  const dir = join(root, `b${n++}`);
  mkdirSync(dir);
  const file = join(dir, 'bundle.js');
  const fns = Array.from({ length: functions }, (_, i) => `exports.f${i} = function (a) { return [a, ${i}, '二、主动公开'].join('|'); };`);
  writeFileSync(file, `${fns.join('\n')}\nexports.sum = exports.f7(1);\n`);
  return { file, cacheDir: join(dir, 'cache') };
}

/** Loads `file` through the cache in a fresh process, saves, then runs `more`; its stdout lines. */
function start(b: { file: string; cacheDir: string }, more = '', nodeArgs: string[] = []): string[] {
  const script = `
const { loadCached } = require(${JSON.stringify(CODE_CACHE)});
const m = loadCached(${JSON.stringify(b.file)}, ${JSON.stringify(b.cacheDir)});
console.log(m.fromCache, m.exports.sum, m.save());
${more}`;
  const r = spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 0, `exit ${r.status} ${r.signal ?? ''}: ${r.stderr}${r.error ? String(r.error) : ''}`);
  return r.stdout.trim().split('\n');
}

const cacheFile = (dir: string) => join(dir, readdirSync(dir).find((f) => f.endsWith('.v8cache'))!);

describe('code cache checksums by V8 (boot/codeCache.ts)', () => {
  it('the data after the file header stays 8-byte aligned (V8 copies cached data that is not)', async () => {
    const { MAGIC } = (await import(CODE_CACHE)) as { MAGIC: Buffer };
    assert.equal(MAGIC.length % 8, 0);
  });

  it('the first start writes the cache, the next one uses it', () => {
    const b = bundle();
    assert.deepEqual(start(b), ['false 1|7|二、主动公开 true']);
    assert.deepEqual(start(b), ['true 1|7|二、主动公开 false']);
  });

  for (const [what, spoil] of [
    ['a byte flipped near the start of the data', (d: Buffer) => { d[30] = d[30]! ^ 0x5a; return d; }],
    ['a byte flipped in the middle', (d: Buffer) => { const i = d.length >> 1; d[i] = d[i]! ^ 0x5a; return d; }],
    ['a byte flipped near the end', (d: Buffer) => { const i = d.length - 40; d[i] = d[i]! ^ 0x5a; return d; }],
    ['a truncated file', (d: Buffer) => d.subarray(0, d.length >> 1)],
  ] as const) {
    it(`${what}: rejected (no crash), plain compile, same result, and the cache is written anew`, () => {
      const b = bundle();
      start(b);
      const file = cacheFile(b.cacheDir);
      const data = readFileSync(file);
      assert.ok(data.length > 4000, 'a payload to corrupt');
      writeFileSync(file, spoil(data));
      assert.deepEqual(start(b), ['false 1|7|二、主动公开 true']);
      assert.deepEqual(start(b), ['true 1|7|二、主动公开 false']);
    });
  }

  it('the flag is off again afterwards: node built-ins loaded later still use their own code cache', () => {
    const b = bundle();
    start(b);
    const out = start(b, `
require('node:zlib');
const usage = require('internal/test/binding').internalBinding('builtins').getCacheUsage();
console.log(usage.compiledWithCache.has('zlib'), usage.compiledWithoutCache.has('zlib'));`, ['--expose-internals', '--no-warnings']);
    assert.deepEqual(out, ['true 1|7|二、主动公开 false', 'true false']);
  });

  it('the bytes read are not kept alive by the loaded module once the bootstrap lets the read buffer go', () => {
    const b = bundle(3000);
    const probe = `
const { loadCached } = require(${JSON.stringify(CODE_CACHE)});
gc(); gc();
const before = process.memoryUsage().arrayBuffers;
// Kept reachable, as the bootstrap keeps the module (and its save) for the whole run.
globalThis.keep = loadCached(${JSON.stringify(b.file)}, ${JSON.stringify(b.cacheDir)});
globalThis.keep.save();
require(${JSON.stringify(READ_BUFFER)}).releaseReadBuffer(); // as the bootstrap does once both bundles are compiled
gc(); gc();
console.log(globalThis.keep.fromCache, process.memoryUsage().arrayBuffers - before);`;
    const run = () => spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', probe], { encoding: 'utf8', timeout: 30000 }).stdout.trim();
    run(); // writes the cache under these flags
    const size = readFileSync(cacheFile(b.cacheDir)).length;
    assert.ok(size > 200_000, 'a cache large enough to tell');
    const [fromCache, retained] = run().split(' ');
    assert.equal(fromCache, 'true');
    assert.ok(Number(retained) < size / 2, `${retained} bytes of array buffers kept, the cache is ${size}`);
  });
});
