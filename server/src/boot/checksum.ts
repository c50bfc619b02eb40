/**
 * Checksums of the code cache files (codeCache.ts), without node:crypto where Node allows: V8
 * does not verify cached data in release builds, and a flipped byte in it can crash the process.
 */

/** Kinds, the first byte of a stored checksum: crc32 (4 bytes, big-endian) or sha1 (20 bytes). */
const CRC32 = 0x63; // 'c'
const SHA1 = 0x73; // 's'

/**
 * The checksum of `data`, its kind byte first: `kind` crc32 or sha1, by default crc32 when
 * `crc32` (zlib's, absent before Node 20.15) is given, else sha1. Undefined for an unknown kind
 * or crc32 without the function.
 */
export function checksumOf(data: Uint8Array, crc32: ((d: Uint8Array) => number) | undefined, kind = crc32 ? CRC32 : SHA1): Buffer | undefined {
  if (kind === CRC32) {
    if (!crc32) return undefined;
    const out = Buffer.alloc(5);
    out[0] = CRC32;
    out.writeUInt32BE(crc32(data) >>> 0, 1);
    return out;
  }
  if (kind === SHA1) {
    // Only on runtimes without zlib.crc32: loaded here so that the others never pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    return Buffer.concat([Buffer.of(SHA1), createHash('sha1').update(data).digest()]);
  }
  return undefined;
}

/** Bytes of a stored checksum of `kind` (its kind byte included); undefined for an unknown kind. */
export function checksumLength(kind: number): number | undefined {
  return kind === CRC32 ? 5 : kind === SHA1 ? 21 : undefined;
}

/** A 53-bit hash of a short string (cyrb53) as hex: names a cache file after its key, no crypto needed. */
export function keyHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
