// The bootstrap's reused read buffer (server/src/boot/readBuffer.ts): the text read is the file's,
// ASCII or not, and a file shorter than its stat said gives what it holds.
import { strict as assert } from 'node:assert';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readReused, releaseReadBuffer, textOf } from '../../server/src/boot/readBuffer';

const root = mkdtempSync(join(tmpdir(), 'govreport-read-buffer-'));
after(() => rmSync(root, { recursive: true, force: true }));

function read(name: string, content: string | Buffer, size = Buffer.byteLength(content)): Buffer {
  const file = join(root, name);
  writeFileSync(file, content);
  const fd = openSync(file, 'r');
  try { return readReused(fd, size); } finally { closeSync(fd); }
}

describe('read buffer of the bootstrap (boot/readBuffer.ts)', () => {
  it('ASCII text (a built bundle) and UTF-8 text (a watch build) read back as written', () => {
    const ascii = 'var a = "\\u4e00\\u3001"; // escaped, as scripts/ascii-bundle.mjs writes it\n'.repeat(50);
    assert.equal(textOf(read('ascii.js', ascii)), ascii);
    const utf8 = 'var a = "一、总体情况"; // 注释\n'.repeat(50);
    assert.equal(textOf(read('utf8.js', utf8)), utf8);
  });

  it('one buffer for every read, larger files included; the bytes are the last file\'s', () => {
    const a = read('a.bin', Buffer.alloc(1000, 1));
    const big = read('big.bin', Buffer.alloc(3 << 20, 2));
    assert.equal(big.length, 3 << 20);
    assert.ok(big.every((b) => b === 2));
    const c = read('c.bin', Buffer.alloc(10, 3));
    assert.deepEqual([...c], Array(10).fill(3));
    assert.equal(c.buffer, big.buffer, 'reused');
    assert.notEqual(a.buffer, big.buffer, 'grown for the larger file');
  });

  it('a file shorter than the size asked for: what it holds', () => {
    assert.equal(textOf(read('short.js', 'abc', 100)), 'abc');
  });

  it('after release, the next read gets a buffer of its own', () => {
    const first = read('x.bin', Buffer.alloc(8, 7));
    releaseReadBuffer();
    const second = read('y.bin', Buffer.alloc(8, 8));
    assert.notEqual(second.buffer, first.buffer);
    assert.deepEqual([...second], Array(8).fill(8));
  });
});
