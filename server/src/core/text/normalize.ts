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

/** Key for comparing labels: half-width, no whitespace, unified quotes/brackets/separators. */
export function labelKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0\u200b]+/g, '')
    .replace(/[“”‘’"']/g, '"')
    .replace(/[【〔\[]/g, '(')
    .replace(/[】〕\]]/g, ')')
    .replace(/[、，,]/g, ',')
    .replace(/[／]/g, '/')
    .replace(/[：]/g, ':');
}

/** Removes leading row numbering ("一、", "（一）", "(1)", "1.", "1、", "1．") from a label key. */
export function stripNumbering(key: string): string {
  return key.replace(/^(?:[一二三四五六七八九十]+[,.]|\([一二三四五六七八九十\d]+\)|\d+[,.]?(?=\D))/, '');
}
