/**
 * One buffer that the bootstrap reads its files into in turn (two bundles, two code caches, up to
 * ~650 KB each): a fresh buffer per file touched fresh memory for each, ~370 page faults of a
 * start that cost tens of microseconds apiece on a busy VM; reused, only the largest file's pages
 * are touched. Untouched pages of its capacity cost nothing (the allocation is not zero-filled).
 */
import { isAscii } from 'node:buffer';
import { readSync } from 'node:fs';

const MIN_CAPACITY = 1 << 20;
let buffer: Buffer | undefined;

/**
 * The first `size` bytes of the open file `fd` (fewer if it ends sooner). The bytes are valid
 * until the next call only: decode them or hand them to V8 before reading the next file.
 */
export function readReused(fd: number, size: number): Buffer {
  if (!buffer || buffer.length < size) buffer = Buffer.allocUnsafeSlow(Math.max(size, MIN_CAPACITY));
  let n = 0;
  while (n < size) {
    const got = readSync(fd, buffer, n, size - n, n);
    if (got === 0) break;
    n += got;
  }
  return buffer.subarray(0, n);
}

/**
 * `bytes` as a string: ASCII (the built bundles are, scripts/ascii-bundle.mjs) copied byte for
 * byte, skipping UTF-8 decoding; anything else (a watch build) decoded as UTF-8.
 */
export function textOf(bytes: Buffer): string {
  // isAscii exists from Node 18.15 / 19.6; without it, UTF-8 (the same text, decoded more slowly).
  return typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Lets the buffer go once the files are read (the last reference: it is freed with the next GC). */
export function releaseReadBuffer(): void {
  buffer = undefined;
}
