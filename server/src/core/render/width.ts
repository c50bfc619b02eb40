/**
 * Display width of text in a monospace editor: East Asian Wide/Fullwidth characters (CJK,
 * full-width punctuation, U+3000) take two columns, everything else one, combining marks and
 * format characters none. Widths come from `get-east-asian-width` (Unicode's EastAsianWidth.txt);
 * ambiguous characters (“ ” ‘ ’ ·) count as narrow, as Unicode recommends and as Latin
 * monospace fonts draw them. Emoji sequences (ZWJ, flags, keycaps) are one wide grapheme.
 */
import { eastAsianWidth } from 'get-east-asian-width';

// Made on first use: a Unicode property class is expanded when the expression is created
// (~0.2 ms for these marks, ~0.5-1 ms for Extended_Pictographic), and the server's first check,
// at its start, never measures a width.
let zeroWidth: RegExp | undefined;
let emoji: RegExp | undefined;
const ZERO_WIDTH = () => (zeroWidth ??= /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u);
const EMOJI = () => (emoji ??= /\p{Extended_Pictographic}|\p{Regional_Indicator}/u);
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

let segmenter: Intl.Segmenter | null | undefined;
function graphemes(s: string): Iterable<string> {
  if (segmenter === undefined) {
    try { segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' }); } catch { segmenter = null; }
  }
  if (!segmenter) return Array.from(s);
  const seg = segmenter;
  return (function* () { for (const g of seg.segment(s)) yield g.segment; })();
}

function codePointWidth(cp: number, ch: string): number {
  if (ZERO_WIDTH().test(ch)) return 0;
  return eastAsianWidth(cp);
}

/** Columns `s` occupies in a monospace editor (CJK = 2). */
export function displayWidth(s: string): number {
  if (ASCII_PRINTABLE.test(s)) return s.length;
  let w = 0;
  for (const g of graphemes(s)) {
    const first = g.codePointAt(0)!;
    const firstCh = String.fromCodePoint(first);
    if (g.length > firstCh.length && EMOJI().test(g)) { w += 2; continue; }
    w += codePointWidth(first, firstCh);
    // Further code points of the grapheme are combining marks, variation selectors and the like.
    for (const ch of g.slice(firstCh.length)) {
      if (!ZERO_WIDTH().test(ch) && !/^[\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]$/u.test(ch)) w += codePointWidth(ch.codePointAt(0)!, ch);
    }
  }
  return w;
}

export type Align = 'left' | 'right' | 'center';

/** Pads `s` with ASCII spaces to `width` display columns. */
export function padDisplay(s: string, width: number, align: Align, w = displayWidth(s)): string {
  const gap = Math.max(0, width - w);
  if (gap === 0) return s;
  if (align === 'right') return ' '.repeat(gap) + s;
  if (align === 'center') {
    const l = gap >> 1;
    return ' '.repeat(l) + s + ' '.repeat(gap - l);
  }
  return s + ' '.repeat(gap);
}
