/**
 * Bytes ↔ text for report files: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, GB18030/GBK.
 * Decoding is strict: a file that is none of these is refused, never shown as mojibake. Writing
 * goes back to the file's own encoding, or is refused when the text cannot round-trip.
 */
import { encode as iconvEncode } from 'iconv-lite';

export type FileEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';
export type EncodingChoice = 'auto' | 'utf8' | 'gb18030';

export interface Decoded { text: string; encoding: FileEncoding; bom: boolean }

export class EncodingError extends Error {}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text decoded as GB18030 that holds C0 controls or private-use characters is binary or another encoding. */
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
    body = iconvEncode(text, 'gb18030');
    if (strict('gb18030', body) !== text) {
      throw new EncodingError('修改后的文字无法用 GB18030 准确写回，未写入 / the fixed text cannot be written back as GB18030 exactly; not written');
    }
  }
  // A lone surrogate would be written as U+FFFD: refuse rather than alter the file.
  if (LONE_SURROGATE.test(text)) throw new EncodingError('文字含有不成对的代理字符，未写入 / the text holds a lone surrogate; not written');
  return prefix.length ? Buffer.concat([Buffer.from(prefix), body]) : body;
}
