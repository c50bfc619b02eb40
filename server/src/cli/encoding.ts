/**
 * Bytes ↔ text for report files: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, GB18030/GBK.
 * Decoding is strict: a file that is none of these is refused, never shown as mojibake. Writing
 * goes back to the file's own encoding, or is refused when the text cannot round-trip.
 */

import { isUtf8 } from 'node:buffer';

export type FileEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';
export type EncodingChoice = 'auto' | 'utf8' | 'gb18030';

export interface Decoded { text: string; encoding: FileEncoding; bom: boolean }

export class EncodingError extends Error {}

function strict(label: string, bytes: Uint8Array): string | null {
  // UTF-8, the common case: validated by simdutf and decoded without a TextDecoder (which is
  // several times slower per file); the same strictness as the WHATWG fatal decoder.
  if (label === 'utf-8') return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text decoded as GB18030 that holds C0 controls or private-use characters is binary or another encoding. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what marks a wrong decoding
const IMPLAUSIBLE = /[\u0000-\u0008\u000e-\u001f\ue000-\uf8ff\ufffd]/;

export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice = 'auto'): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && choice !== 'gb18030') {
    const text = strict('utf-8', bytes.subarray(3));
    if (text !== null) return { text, encoding: 'utf8', bom: true };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe && choice === 'auto') {
    const text = strict('utf-16le', bytes.subarray(2));
    if (text !== null) return { text, encoding: 'utf16le', bom: true };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff && choice === 'auto') {
    const text = strict('utf-16be', bytes.subarray(2));
    if (text !== null) return { text, encoding: 'utf16be', bom: true };
  } else {
    if (choice !== 'gb18030') {
      const text = strict('utf-8', bytes);
      if (text !== null) return { text, encoding: 'utf8', bom: false };
    }
    if (choice !== 'utf8') {
      const text = strict('gb18030', bytes);
      if (text !== null && !IMPLAUSIBLE.test(text)) return { text, encoding: 'gb18030', bom: false };
    }
  }
  const tried = choice === 'auto' ? 'UTF-8、UTF-16、GB18030' : choice === 'utf8' ? 'UTF-8' : 'GB18030';
  throw new EncodingError(`无法识别文件编码（不是 ${tried} 文本），未检查；可用 --encoding 指定 / not valid ${tried.replace(/、/g, ', ')} text; not checked (see --encoding)`);
}

/** The bytes of `text` in `encoding` (with its BOM when `bom`); throws EncodingError if it cannot round-trip. */
/**
 * GB18030 encoder, the inverse of Node's (ICU) decoder: the 2-byte and the BMP 4-byte codes are
 * decoded once, lazily, into a table; astral characters are linear. Only `fix` on a GB18030 file
 * needs it (a library would add ~500 KB of code pages to the bundle).
 */
let GB_TABLE: Map<number, number> | undefined;

function gbTable(): Map<number, number> {
  if (GB_TABLE) return GB_TABLE;
  const dec = new TextDecoder('gb18030', { fatal: true });
  const two: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) two.push(lead, trail);
  }
  const map = new Map<number, number>();
  const s2 = dec.decode(Uint8Array.from(two));
  for (let i = 0; i < s2.length; i++) map.set(s2.charCodeAt(i), (two[2 * i]! << 8) | two[2 * i + 1]!);
  // Four-byte codes of the BMP: linear index 0 … 39419 (0x81308130 … 0x8431A439); values < 0 mark them.
  const four: number[] = [];
  for (let i = 0; i <= 39419; i++) four.push(...fourBytes(i));
  const s4 = dec.decode(Uint8Array.from(four));
  for (let i = 0; i < s4.length; i++) if (!map.has(s4.charCodeAt(i))) map.set(s4.charCodeAt(i), -1 - i);
  return (GB_TABLE = map);
}

function fourBytes(index: number): [number, number, number, number] {
  const b4 = index % 10;
  let n = (index - b4) / 10;
  const b3 = n % 126;
  n = (n - b3) / 126;
  const b2 = n % 10;
  return [0x81 + (n - b2) / 10, 0x30 + b2, 0x81 + b3, 0x30 + b4];
}

function encodeGb18030(text: string): Buffer {
  const table = gbTable();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) {
      i++;
      const [a, b, d, e] = fourBytes(c - 0x10000);
      out.push(a + 0x0f, b, d, e); // astral plane starts at 0x90308130
      continue;
    }
    if (c < 0x80) { out.push(c); continue; }
    const code = table.get(c);
    if (code === undefined) throw new EncodingError('修改后的文字无法用 GB18030 准确写回，未写入 / the fixed text cannot be written back as GB18030 exactly; not written');
    if (code >= 0) out.push(code >> 8, code & 0xff);
    else out.push(...fourBytes(-1 - code));
  }
  return Buffer.from(out);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function encodeText(text: string, encoding: FileEncoding, bom: boolean): Buffer {
  let body: Buffer;
  let prefix: number[] = [];
  if (encoding === 'utf8') {
    body = Buffer.from(text, 'utf8');
    if (bom) prefix = [0xef, 0xbb, 0xbf];
  } else if (encoding === 'utf16le' || encoding === 'utf16be') {
    body = Buffer.from(text, 'utf16le');
    if (encoding === 'utf16be') body.swap16();
    if (bom) prefix = encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  } else {
    body = encodeGb18030(text);
    if (strict('gb18030', body) !== text) {
      throw new EncodingError('修改后的文字无法用 GB18030 准确写回，未写入 / the fixed text cannot be written back as GB18030 exactly; not written');
    }
  }
  // A lone surrogate would be written as U+FFFD: refuse rather than alter the file.
  if (LONE_SURROGATE.test(text)) throw new EncodingError('文字含有不成对的代理字符，未写入 / the text holds a lone surrogate; not written');
  return prefix.length ? Buffer.concat([Buffer.from(prefix), body]) : body;
}
