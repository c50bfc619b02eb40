/**
 * Label normalisation for matching row, column and section titles against the standard: real
 * reports mix full- and half-width punctuation, insert spaces inside words, and number rows
 * "1." / "1、" / "1．". Matching compares normalised forms; positions always come from the source.
 */

const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (！..～) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - FULLWIDTH_OFFSET);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * One character of a label key: half-width, white space dropped (-1), quotes, brackets and
 * separators unified. Every step of the key maps single characters, so one pass suffices.
 */
function keyChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= FULLWIDTH_OFFSET;
  if (c < 128) {
    if ((c >= 9 && c <= 13) || c === 32) return -1;
    if (c === 0x27) return 0x22; // ' → "
    if (c === 0x5b) return 0x28; // [ → (
    if (c === 0x5d) return 0x29; // ] → )
    return c;
  }
  switch (c) {
    case 0xa0: case 0x1680: case 0x200b: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
      return -1;
    case 0x201c: case 0x201d: case 0x2018: case 0x2019: return 0x22; // “”‘’
    case 0x3010: case 0x3014: return 0x28; // 【〔
    case 0x3011: case 0x3015: return 0x29; // 】〕
    case 0x3001: return 0x2c; // 、
    default: return c >= 0x2000 && c <= 0x200a ? -1 : c;
  }
}

/**
 * Key for comparing labels: half-width, no whitespace, unified quotes/brackets/separators.
 * A single pass that returns `s` itself when nothing changes (it runs for every cell and label).
 */
export function labelKey(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = keyChar(c);
    if (k === c) continue;
    out += s.slice(from, i);
    if (k >= 0) out += String.fromCharCode(k);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Removes leading row numbering ("一、", "（一）", "(1)", "1.", "1、", "1．") from a label key. */
export function stripNumbering(key: string): string {
  return key.replace(/^(?:[一二三四五六七八九十]+[,.]|\([一二三四五六七八九十\d]+\)|\d+[,.]?(?=\D))/, '');
}
