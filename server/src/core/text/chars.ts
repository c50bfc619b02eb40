/** Character classes tested by char code in per-character and per-line loops (no regex, no allocation). */

/** Exactly the characters of `\s` in a JavaScript regular expression (and of String.prototype.trim). */
export function isJsSpace(c: number): boolean {
  // Split at the ASCII range: most characters tested are text and fail in one or two comparisons.
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  // Above U+3000 only the BOM is a space: CJK text fails here in one comparison.
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** U+200B and U+FEFF: the zero-width characters a web copy scatters between characters and around pipes. */
export function isZeroWidth(c: number): boolean {
  return c === 0x200b || c === 0xfeff;
}

/** `\s` or the zero-width space (U+FEFF already is `\s`): white space as a web copy's text has it. */
/**
 * Whether `c` may open a page number of PDF-extracted text ("-4-", "—4—", "第 4 页"): a dash
 * (- — – －) or 第. The page-number patterns need one of these first, so most lines skip their regex.
 */
export function mayOpenPageNumber(c: number): boolean {
  return c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0x7b2c;
}

export function isSpaceOrZeroWidth(c: number): boolean {
  return c === 0x200b || isJsSpace(c);
}

/** Index of the first character of `s` that is not `\s`, or -1 when the string is blank (trim() would be ''). */
export function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!isJsSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** Index of the last character of `s` that is not `\s`, or -1 when the string is blank (trimEnd() would be ''). */
export function lastNonSpace(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (!isJsSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** [ \u3000\u00a0]: the spaces that pad a table cell (tabs separate cells, so they are not among them). */
export function isCellSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0;
}

/** [ \t\u3000\u00a0]: the spaces inside a line (no line breaks, none of the rare Unicode spaces). */
export function isInlineSpace(c: number): boolean {
  return c === 0x09 || isCellSpace(c);
}
