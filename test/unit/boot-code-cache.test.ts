// The server's V8 code cache (server/src/boot/codeCache.ts): a valid cache is used, and a missing,
// corrupt, truncated, foreign or rejected one, or an unwritable directory, only means a plain compile.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { keyHash } from '../../server/src/boot/keyHash';
import { pathToFileURL } from 'node:url';
import { CJS_CALL, CJS_HEAD, CJS_TAIL, cacheFileOf, loadCached, wrapped } from '../../server/src/boot/codeCache';

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

  it('a bundle the build wrapped already (dist/server-main.js) loads as the plain one, cache included', async () => {
    const { prewrap, CJS_HEAD: head, CJS_TAIL: tail } = (await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'cjs-wrapper.mjs')).href)) as { prewrap: (t: string) => string; CJS_HEAD: string; CJS_TAIL: string };
    assert.deepEqual([head, tail], [CJS_HEAD, CJS_TAIL], 'the build and the bootstrap agree on the wrapper');
    const plain = moduleFile();
    const pre = moduleFile();
    writeFileSync(pre.file, prewrap(readFileSync(plain.file, 'utf8')));
    assert.equal(wrapped(readFileSync(pre.file, 'utf8')), readFileSync(pre.file, 'utf8'), 'not wrapped twice');
    assert.equal(wrapped(readFileSync(plain.file, 'utf8')), prewrap(readFileSync(plain.file, 'utf8')));
    const first = loadCached(pre.file, pre.cacheDir);
    assert.deepEqual(first.exports, { total: 2, where: [pre.file, join(pre.file, '..')], selfRequire: 'function' });
    assert.equal(first.save(), true);
    const second = loadCached(pre.file, pre.cacheDir);
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.exports, first.exports);
  });

  it('a bundle wrapped and called (dist/lsp-protocol.js, required by the client too) loads alike through require and the cache', async () => {
    const { prewrap, prewrapCalled, CJS_CALL: call } = (await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'cjs-wrapper.mjs')).href)) as { prewrap: (t: string) => string; prewrapCalled: (t: string) => string; CJS_CALL: string };
    assert.equal(call, CJS_CALL, 'the build and the bootstrap agree on the call');
    const plain = moduleFile();
    const called = moduleFile();
    const text = readFileSync(plain.file, 'utf8');
    writeFileSync(called.file, prewrapCalled(text));
    assert.equal(wrapped(readFileSync(called.file, 'utf8')), prewrap(text), 'compiled without the call');
    const expected = { total: 2, where: [called.file, join(called.file, '..')], selfRequire: 'function' };
    assert.deepEqual(createRequire(__filename)(called.file), expected, 'require runs it');
    const first = loadCached(called.file, called.cacheDir);
    assert.deepEqual(first.exports, expected);
    assert.equal(first.save(), true);
    const second = loadCached(called.file, called.cacheDir);
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.exports, expected);
  });

  it('register: a later require of the file gets the loaded instance', () => {
    const { file, cacheDir } = moduleFile('exports.instance = {};');
    const m = loadCached(file, cacheDir, true);
    assert.equal((createRequire(__filename)(file) as { instance: object }).instance, (m.exports as { instance: object }).instance);
  });

  // A flipped byte or a truncated file is V8's to reject, in a fresh process: boot-cache-checksum.test.ts.
  for (const [what, spoil] of [
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
    writeFileSync(cacheFileOf(b.cacheDir, b.file, statSync(b.file, { bigint: true })), readFileSync(aCache));
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

  it('the build id is part of the key: a cache made for another build of the bundle is not used', () => {
    const { file, cacheDir } = moduleFile();
    loadCached(file, cacheDir, false, 'build-a').save();
    const b = loadCached(file, cacheDir, false, 'build-b');
    assert.equal(b.fromCache, false);
    assert.equal(b.save(), true);
    assert.equal(loadCached(file, cacheDir, false, 'build-b').fromCache, true);
    assert.equal(loadCached(file, cacheDir, false, 'build-a').fromCache, false, 'the other build\'s cache was replaced');
  });

  it('a rewrite of the same size (no build id): the modification time keys it, the old cache is not used', () => {
    const { file, cacheDir } = moduleFile('exports.v = "aaaa";');
    const old = new Date(2020, 0, 1);
    utimesSync(file, old, old);
    loadCached(file, cacheDir).save();
    writeFileSync(file, readFileSync(file, 'utf8').replace('"aaaa"', '"bbbb"'));
    const later = new Date(2020, 0, 2);
    utimesSync(file, later, later);
    const m = loadCached(file, cacheDir);
    assert.equal(m.fromCache, false);
    assert.equal((m.exports as { v: string }).v, 'bbbb');
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

describe('cache keys (boot/keyHash.ts)', () => {
  it('keyHash: stable, and differs for keys that differ in one field', () => {
    assert.equal(keyHash('a\0b'), keyHash('a\0b'));
    assert.match(keyHash('x'), /^[0-9a-f]{14}$/);
    const keys = new Set(['', '1', '2', 'a\0b', 'a\0c', 'ab\0', '\0ab'].map(keyHash));
    assert.equal(keys.size, 7);
  });
});
