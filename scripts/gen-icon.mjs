#!/usr/bin/env node
/**
 * Writes images/icon.png (128×128): a red rounded square with a white "document" and three lines,
 * encoded by hand (zlib + CRC) so that nothing is downloaded. Run: node scripts/gen-icon.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const W = 128;
const H = 128;
const RED = [0xc8, 0x1e, 0x1e, 255];
const WHITE = [255, 255, 255, 255];
const GOLD = [0xf5, 0xc2, 0x42, 255];
const CLEAR = [0, 0, 0, 0];

function pixel(x, y) {
  // Rounded square, radius 20.
  const r = 20;
  const cx = Math.min(Math.max(x, r), W - 1 - r);
  const cy = Math.min(Math.max(y, r), H - 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  // The page: x 34..94, y 22..106.
  if (x >= 34 && x <= 94 && y >= 22 && y <= 106) {
    // A gold star-ish dot at the top (a circle), then text lines.
    if ((x - 64) ** 2 + (y - 38) ** 2 <= 36) return GOLD;
    for (const ly of [56, 70, 84]) if (y >= ly && y <= ly + 5 && x >= 44 && x <= (ly === 84 ? 72 : 84)) return RED;
    return WHITE;
  }
  return RED;
}

const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) {
  raw[y * (W * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < W; x++) {
    const p = pixel(x, y);
    for (let c = 0; c < 4; c++) raw[y * (W * 4 + 1) + 1 + x * 4 + c] = p[c];
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(join(root, 'images'), { recursive: true });
writeFileSync(join(root, 'images', 'icon.png'), png);
console.log(`wrote images/icon.png (${png.length} bytes)`);
