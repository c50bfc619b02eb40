// The server's V8 code cache (server/src/boot/codeCache.ts): a valid cache is used, and a missing,
// corrupt, truncated, foreign or rejected one, or an unwritable directory, only means a plain compile.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cacheFileOf, loadCached } from '../../server/src/boot/codeCache';

const root = mkdtempSync(join(tmpdir(), 'govreport-code-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A module file with some functions to compile; its exports tell that it really ran. */
function moduleFile(body = ''): { file: string; cacheDir: string } {
  const dir = join(root, `m${n++}`);
  const file = join(dir, 'bundle.js');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(file, `'use strict';
const words = ['一、总体情况', '二、主动公开政府信息情况'];
function count(s) { let k = 0; for (const ch of s) if (ch === '、') k++; return k; }
exports.total = words.map(count).reduce((a, b) => a + b, 0);
exports.where = [__filename, __dirname];
exports.selfRequire = typeof require('node:path').join;
${body}
`);
  return { file, cacheDir: join(dir, 'cache') };
}

const cacheFiles = (dir: string) => { try { return readdirSync(dir).filter((f) => f.endsWith('.v8cache')); } catch { return []; } };

describe('V8 code cache of the server bundles', () => {
  it('without a cache directory: loads as require would, saves nothing', () => {
    const { file } = moduleFile();
    const m = loadCached(file, undefined);
    assert.deepEqual(m.exports, { total: 2, where: [file, join(file, '..')], selfRequire: 'function' });
    assert.equal(m.fromCache, false);
    assert.equal(m.save(), false);
  });

  it('the first start writes the cache, the next one uses it, with the same result', () => {
    const { file, cacheDir } = moduleFile();
    const first = loadCached(file, cacheDir);
    assert.equal(first.fromCache, false);
    assert.equal(first.save(), true);
    assert.equal(first.save(), false, 'written once');
    assert.equal(cacheFiles(cacheDir).length, 1);
    const second = loadCached(file, cacheDir);
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.exports, first.exports);
    assert.equal(second.save(), false, 'a valid cache is not rewritten');
  });

  it('register: a later require of the file gets the loaded instance', () => {
    const { file, cacheDir } = moduleFile('exports.instance = {};');
    const m = loadCached(file, cacheDir, true);
    assert.equal((createRequire(__filename)(file) as { instance: object }).instance, (m.exports as { instance: object }).instance);
  });

  for (const [what, spoil] of [
    ['a flipped byte in the data', (b: Buffer) => { b[b.length - 100] = b[b.length - 100]! ^ 0xff; return b; }],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['an empty file', () => Buffer.alloc(0)],
    ['garbage', (b: Buffer) => Buffer.from(b.map((_, i) => (i * 7919) & 0xff))],
  ] as const) {
    it(`${what}: plain compile, same result, and the cache is written anew`, () => {
      const { file, cacheDir } = moduleFile();
      const good = loadCached(file, cacheDir);
      good.save();
      const cache = join(cacheDir, cacheFiles(cacheDir)[0]!);
      writeFileSync(cache, spoil(readFileSync(cache)));
      const m = loadCached(file, cacheDir);
      assert.equal(m.fromCache, false);
      assert.deepEqual(m.exports, good.exports);
      assert.equal(m.save(), true);
      assert.equal(loadCached(file, cacheDir).fromCache, true);
    });
  }

  it('cached data V8 rejects (made for another source, with a valid checksum) is not used', () => {
    const a = moduleFile('exports.extra = 1;');
    const b = moduleFile('exports.extra = "a longer source than the other one";');
    const ma = loadCached(a.file, a.cacheDir);
    ma.save();
    // Put a's cache, whole and with its own checksum, where b's would be.
    const aCache = join(a.cacheDir, cacheFiles(a.cacheDir)[0]!);
    mkdirSync(b.cacheDir, { recursive: true });
    writeFileSync(cacheFileOf(b.cacheDir, b.file, readFileSync(b.file, 'utf8')), readFileSync(aCache));
    const mb = loadCached(b.file, b.cacheDir);
    assert.equal(mb.fromCache, false);
    assert.equal((mb.exports as { extra: string }).extra, 'a longer source than the other one');
  });

  it('a changed bundle gets a cache of its own and the old one is removed', () => {
    const { file, cacheDir } = moduleFile();
    loadCached(file, cacheDir).save();
    const before = cacheFiles(cacheDir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('exports.total', 'exports.changed = true;\nexports.total'));
    const m = loadCached(file, cacheDir);
    assert.equal(m.fromCache, false, 'the old cache is not for this source');
    assert.equal((m.exports as { changed: boolean }).changed, true);
    assert.equal(m.save(), true);
    const now = cacheFiles(cacheDir);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], before[0]);
  });

  it('an unwritable cache directory: loads, and save says no without throwing', () => {
    const { file } = moduleFile();
    const notADir = join(root, `file${n++}`);
    writeFileSync(notADir, 'x');
    const m = loadCached(file, join(notADir, 'cache'));
    assert.equal((m.exports as { total: number }).total, 2);
    assert.equal(m.save(), false);
  });
});
