/**
 * Heading recognition on single lines. A line is a heading candidate by its numbering alone;
 * whether a level-1 candidate really opens a section is decided in `sections.ts`, which knows
 * the standard titles and the table rows that merely look like headings.
 */
import type { Heading, NumberingStyle } from '../model/types';
import { isJsSpace } from '../text/chars';
import type { LineInfo } from '../text/source';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一..九十九 to a number; NaN when not a Chinese numeral. */
export function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? NaN) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? NaN) * 10 + (CN_DIGITS[s[2]!] ?? NaN);
  return NaN;
}

// Leading white space: ASCII, ideographic space, tabs, NBSP; then optional Markdown heading marks.
// After the marks NBSP too: a web copy turns "## 一、总体情况" into "##\u00a0一、总体情况".
const LEAD = String.raw`^([\s\u3000\u00a0]*)(#{1,6}[ \t\u00a0]*|\*\*|__)?`;
const CN = '[一二三四五六七八九十]{1,3}';
const RE_L1 = new RegExp(`${LEAD}(${CN})[ \\t]*([、.．])`);
const RE_L2 = new RegExp(`${LEAD}([（(])[ \\t]*(${CN}|\\d{1,2})[ \\t]*([）)])`);
const RE_L3 = new RegExp(`${LEAD}(\\d{1,2})[ \\t]*([.．、])(?![\\d.．])`);

/** Longest title we accept for a heading; longer text after a marker is a numbered paragraph. */
export const MAX_TITLE = 60;

/**
 * The first character LEAD cannot consume (white space, #, *, _): where a numeral or bracket
 * must stand. Each level's pattern can only match when this character can open its numbering,
 * so most lines are rejected without running a regular expression (this runs on every line).
 */
function numberingStart(text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 35 /* # */ && c !== 42 /* * */ && c !== 95 /* _ */ && !isJsSpace(c)) return c;
  }
  return -1;
}

/**
 * Whether text[start, end) (a line) can be a heading at all: parseHeadingLine's first test, read
 * in place, so that the callers skip most lines without making a line object.
 */
export function mayBeHeading(text: string, start: number, end: number): boolean {
  const c = numberingStart(text, start, end);
  return isCnDigit(c) || c === 0xff08 /* （ */ || c === 40 /* ( */ || (c >= 48 && c <= 57);
}

/** 一..十 by char code (a switch: this is asked for nearly every line). */
function isCnDigit(c: number): boolean {
  switch (c) {
    case 0x4e00: case 0x4e8c: case 0x4e09: case 0x56db: case 0x4e94: case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341:
      return true;
    default:
      return false;
  }
}

/** Drops a closing ** or __ (with the blanks after it), then one trailing colon, then trailing blanks. */
function cleanTitleEnd(title: string): string {
  let e = title.length;
  while (e > 0 && isJsSpace(title.charCodeAt(e - 1))) e--;
  const c = e >= 2 ? title.charCodeAt(e - 1) : -1;
  if ((c === 42 /* * */ || c === 95 /* _ */) && title.charCodeAt(e - 2) === c) title = title.slice(0, e - 2);
  const last = title.charCodeAt(title.length - 1);
  if (last === 0xff1a /* ： */ || last === 58 /* : */) title = title.slice(0, -1);
  return title.trimEnd();
}

/** Parses one line as a heading candidate (any level), or returns null. */
export function parseHeadingLine(line: LineInfo): Heading | null {
  const text = line.text;
  const c = numberingStart(text);
  const cn = isCnDigit(c);
  const paren = c === 0xff08 /* （ */ || c === 40 /* ( */;
  const digit = c >= 48 && c <= 57;
  if (!cn && !paren && !digit) return null;
  let m: RegExpExecArray | null;
  let level: 1 | 2 | 3;
  let style: NumberingStyle;
  let numeral: string;
  if (cn && (m = RE_L1.exec(text))) {
    level = 1;
    numeral = m[3]!;
    style = m[4] === '、' ? 'cn-dun' : 'cn-dot';
  } else if (paren && (m = RE_L2.exec(text))) {
    level = 2;
    numeral = m[4]!;
    style = /\d/.test(numeral) ? 'num-paren' : 'cn-paren';
  } else if (digit && (m = RE_L3.exec(text))) {
    level = 3;
    numeral = m[3]!;
    style = m[4] === '、' ? 'num-dun' : 'num-dot';
  } else {
    return null;
  }
  const ordinal = cnNumber(numeral);
  if (!Number.isFinite(ordinal) || ordinal < 1) return null;
  const lead = m[1]!.length;
  const md = m[2]?.startsWith('#') ? m[2].replace(/[ \t\u00a0]/g, '').length : 0;
  const markerStart = line.start + lead + (m[2]?.length ?? 0);
  const markerEnd = line.start + m[0].length;
  // Title: the rest of the line, trimmed; a heading followed by body text on the same line
  // ("五、行政复议…情况。2019年，…") keeps only the part before the first full stop.
  const rest = text.slice(m[0].length);
  const restTrimStart = rest.length - rest.trimStart().length;
  let title = rest.trim();
  const stop = title.search(/[。；;]/);
  if (stop >= 0) title = title.slice(0, stop);
  title = cleanTitleEnd(title);
  const titleStart = markerEnd + restTrimStart;
  const contentEnd = line.start + text.trimEnd().length;
  return {
    level, style, ordinal,
    span: { start: line.start + lead, end: contentEnd },
    markerSpan: { start: markerStart, end: markerEnd },
    titleSpan: { start: titleStart, end: titleStart + title.length },
    title,
    markdownLevel: md,
  };
}
