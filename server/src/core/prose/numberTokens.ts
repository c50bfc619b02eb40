/**
 * Number tokens of the prose: ASCII, full-width and Chinese numerals with their unit ("3119 件",
 * "十二条", "96%"), bracket depth and approximation marks. Dates, times, identifiers and ranges
 * are skipped. Linear in the scanned range, no regex per character.
 */
import { isInlineSpace, isJsSpace } from '../text/chars';
import { digitsValue } from '../text/numbers';

export interface NumberToken {
  /** Flat range of the digits. */
  numStart: number;
  numEnd: number;
  /** Flat end including the unit. */
  end: number;
  /** Exact value scaled by 10^scale. */
  units: bigint;
  scale: number;
  unit: string;
  /** "约 / 近 / 超过 / 余 / 多": an approximate figure, never compared. */
  approx: boolean;
  /** Bracket depth at the number (（…） and (…)). */
  depth: number;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A character of a Chinese numeral: a key of CN_DIGIT, 十, 百, 千 or 万. */
function isCnNumeral(c: number): boolean {
  switch (c) {
    case 0x96f6: case 0x3007: case 0x4e00: case 0x4e8c: case 0x4e24: case 0x4e09: case 0x56db: case 0x4e94:
    case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341: case 0x767e: case 0x5343: case 0x4e07:
      return true;
    default:
      return false;
  }
}

/** Chinese numeral (零, 三, 十二, 一百零五, 两千, 三万二千) to an integer; NaN if malformed. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  // Digit by digit ("二〇二〇", "三"): no 十/百/千/万 at all.
  if (!/[十百千万]/.test(s)) {
    let out = 0;
    for (const ch of s) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return NaN;
      out = out * 10 + d;
    }
    return out;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit > 0) return NaN; // two digits in a row ("一二十")
      digit = CN_DIGIT[ch] === 0 ? -1 : CN_DIGIT[ch]!; // 零 only fills a gap ("一百零五")
    } else if (ch in CN_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_UNIT[ch]!;
      digit = -1;
    } else if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + Math.max(digit, 0);
}

/** Units read after a number, longest first. */
const UNITS = ['人次', '件次', '万元', '亿元', '个', '件', '条', '项', '次', '家', '人', '期', '场', '篇', '份', '部', '元', '%', '％', '年', '月', '日', '天', '位', '户', '批'];
/** UNITS by their first character, in the same order (a unit can only start where its first character is). */
const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of UNITS) {
  const list = UNITS_BY_FIRST.get(u.charCodeAt(0)) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u.charCodeAt(0), list);
}
/** Units a Chinese numeral must carry to count as a number ("一是", "十九大" are not). */
const CN_NUMBER_UNITS = new Set(['件', '条', '项', '次', '家', '个', '篇', '份']);

/** An ASCII or full-width digit (NaN, past the end of the text, is none). */
function isDigit(x: number): boolean {
  return (x >= 48 && x <= 57) || (x >= 0xff10 && x <= 0xff19);
}
/**
 * The digits of a figure too long for shortFigureValue, as one ASCII string: text[numStart, intEnd),
 * the 3 digits of each "," group up to groupsEnd, and the fraction's digits before numEnd.
 */
function longDigits(text: string, numStart: number, intEnd: number, groupsEnd: number, numEnd: number, fracDigits: number): string {
  let digits = asciiDigits(text, numStart, intEnd);
  for (let g = intEnd; g < groupsEnd; g += 4) digits += asciiDigits(text, g + 1, g + 4);
  return fracDigits ? digits + asciiDigits(text, numEnd - fracDigits, numEnd) : digits;
}

/** The digits text[a, b), full-width ones as ASCII. */
function asciiDigits(text: string, a: number, b: number): string {
  const s = text.slice(a, b);
  for (let k = a; k < b; k++) {
    if (text.charCodeAt(k) >= 0xff10) return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  }
  return s;
}

/**
 * digitsValue of a string of ASCII digits; up to 15 digits (every real figure) read by charCode
 * and converted from a number, as parseCell does: BigInt(string) costs about twice as much.
 */
function figureValue(s: string): bigint | null {
  if (s.length === 0 || s.length > 15) return digitsValue(s);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    n = n * 10 + (c - 48);
  }
  return BigInt(n);
}

/** [A-Za-z_.\-/:]: a digit next to one is part of an identifier, URL, time or phone number. */
function isIdentifierChar(x: number): boolean {
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95 || x === 46 || x === 45 || x === 47 || x === 58;
}

/** [\-:：/~～]: glues dates, times and ranges. */
function isRangeGlue(x: number): boolean {
  return x === 45 || x === 58 || x === 0xff1a || x === 47 || x === 126 || x === 0xff5e;
}

/** [\d\-:：/~～.]: what a date, time or range is made of. */
function isDateChar(x: number): boolean {
  return (x >= 48 && x <= 57) || x === 0x2e || isRangeGlue(x);
}

/** Where the unit readUnit last found ends, and whether 余/多/来 made it approximate (no object per call). */
let unitNext = 0;
let unitApprox = false;

/** The unit at text[at] (after up to three spaces and 余/多/来), setting unitNext and unitApprox; null if none. */
function readUnit(text: string, at: number, end: number): string | null {
  let j = at;
  let spaces = 0;
  while (j < end && spaces < 3 && isInlineSpace(text.charCodeAt(j))) { j++; spaces++; }
  let approx = false;
  // Codes, not text[j]: a one-character string of a CJK character is a new string each time.
  const a = text.charCodeAt(j);
  if (a === 0x4f59 || a === 0x591a || a === 0x6765) { approx = true; j++; } // 余 多 来
  const units = UNITS_BY_FIRST.get(text.charCodeAt(j));
  if (!units) return null;
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (text.startsWith(u, j)) {
      unitNext = j + u.length;
      unitApprox = approx;
      return u === '％' ? '%' : u;
    }
  }
  return null;
}

const APPROX_BEFORE = /(?:约|近|超过|逾|将近|大约|超|达到近)\s*$/;

/** APPROX_BEFORE on text[from, to); the regex runs only when the last word could end one of its words. */
function approxBefore(text: string, from: number, to: number): boolean {
  let k = to;
  while (k > from && isJsSpace(text.charCodeAt(k - 1))) k--;
  const c = text.charCodeAt(k - 1);
  // 约 近 过 逾 超
  if (k === from || (c !== 0x7ea6 && c !== 0x8fd1 && c !== 0x8fc7 && c !== 0x903e && c !== 0x8d85)) return false;
  return APPROX_BEFORE.test(text.slice(from, to));
}

/**
 * Where a token or a bracket may start: a digit, ( ) （ ）, or a run of Chinese numerals (isCnNumeral)
 * that readUnit could find a counter word after (CN_NUMBER_UNITS, after at most three inline spaces).
 * The scan jumps from one to the next with a native search instead of testing each character in
 * script (most characters start nothing; in the CLI's unoptimised code the per-character tests were
 * its largest cost). It searches the range only (a slice of the text, which V8 does not copy).
 * A run is matched at its first numeral only (the lookbehind), so the search stays linear; the scan
 * itself reads a run from any numeral, as the search finding every numeral did, and the runs left
 * out here are the ones that read as no token (the numerals of 一是, 统一, 十九大: most of them).
 * Where the scan steps past a numeral after 第 it reads the next one without searching (`direct`).
 */
// The numeral is matched before the lookbehind ((?<!N.) after it is (?<!N) before it): a lookbehind
// first ran at every character the first class failed on, and took about half the search's time.
const MAY_START = /[0-9０-９()（）]|[零〇一二两三四五六七八九十百千万](?=[零〇一二两三四五六七八九十百千万]*[\t \u3000\u00a0]{0,3}[件条项次家个篇份])(?<![零〇一二两三四五六七八九十百千万].)/g;

/**
 * The value of the digits in text[a, b) (ASCII or full-width, with "," groups and one decimal
 * point, as the scan reads them) scaled by 10^fracDigits, when at most 15 digits (every real figure):
 * read by char code and converted from a number, as parseCell does (BigInt(string) costs about twice
 * as much, and the digit strings were garbage). null when longer (figureValue reads those).
 */
function shortFigureValue(text: string, a: number, b: number): bigint | null {
  let n = 0;
  let count = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    const d = c >= 0xff10 ? c - 0xff10 : c - 48;
    if (d >= 0 && d <= 9) { n = n * 10 + d; count++; }
  }
  return count <= 15 ? BigInt(n) : null;
}

/**
 * Number tokens of the range [start, end) of `text`, their offsets moved by `base` (a sentence's
 * own text read at the sentence's flat start). Linear in the length of the range.
 */
export function scanNumbers(text: string, start: number, end: number, base = 0): NumberToken[] {
  const out: NumberToken[] = [];
  let depth = 0;
  let i = start;
  // One character past the range: readUnit reads a counter word that starts at `end`, so the search's
  // lookahead must see it (a match there is past the range: the scan stops).
  const range = text.slice(start, Math.min(end + 1, text.length));
  let direct = false;
  while (i < end) {
    if (direct) direct = false;
    else {
      MAY_START.lastIndex = i - start;
      if (!MAY_START.test(range)) break;
      i = start + MAY_START.lastIndex - 1; // every match is one character
      if (i >= end) break;
    }
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) { depth++; i++; continue; } // （ (
    if (c === 0xff09 || c === 0x29) { depth = Math.max(0, depth - 1); i++; continue; } // ） )
    if (isDigit(c)) {
      if (i > start && isIdentifierChar(text.charCodeAt(i - 1))) { // part of an identifier, URL, time, phone
        while (i < end && (isDigit(text.charCodeAt(i)) || isIdentifierChar(text.charCodeAt(i)))) i++;
        continue;
      }
      const numStart = i;
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      const intEnd = i;
      // Thousands separators: "11,465".
      while (text.charCodeAt(i) === 0x2c && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4))) {
        i += 4; // "1,２３４": a full-width group too
      }
      const groupsEnd = i;
      let fracDigits = 0;
      if ((text.charCodeAt(i) === 0x2e || text.charCodeAt(i) === 0xff0e) && isDigit(text.charCodeAt(i + 1))) { // . ．
        const fracStart = ++i;
        while (i < end && isDigit(text.charCodeAt(i))) i++;
        fracDigits = i - fracStart;
      }
      const numEnd = i;
      // Dates / times / ranges glued by - / : are not counts.
      if (isRangeGlue(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) {
        while (i < end && isDateChar(text.charCodeAt(i))) i++;
        continue;
      }
      let units = shortFigureValue(text, numStart, numEnd) ?? figureValue(longDigits(text, numStart, intEnd, groupsEnd, numEnd, fracDigits));
      if (units === null) continue; // too long to be a figure: refused, not thrown
      let unit = readUnit(text, i, end);
      let unitEnd = unitNext;
      let approxUnit = unitApprox;
      // 万/亿 before a unit scales the figure ("1.26万条" = 12600 条), and such a figure is a rounded
      // one (approx, never compared); without this "万" was read as a numeral 0.
      let scale = fracDigits;
      let rounded = false;
      const wan = text.charCodeAt(i) === 0x4e07; // 万
      const big = !unit && (wan || text.charCodeAt(i) === 0x4ebf) ? readUnit(text, i + 1, end) : null; // 亿
      if (big) {
        const pow = wan ? 4 : 8;
        const shift = Math.min(scale, pow);
        units *= 10n ** BigInt(pow - shift);
        scale -= shift;
        unit = big;
        unitEnd = unitNext;
        approxUnit = unitApprox;
        rounded = true;
      }
      // Digits split by one space ("共计11 465条": OCR, a web copy) may be one number or two: unsure,
      // so neither is compared (approx), rather than checking 465 as the total.
      const split = numStart - 2 >= start && isInlineSpace(text.charCodeAt(numStart - 1)) && isDigit(text.charCodeAt(numStart - 2));
      if (split) {
        const prev = out[out.length - 1];
        if (prev && prev.numEnd === base + numStart - 1) prev.approx = true;
      }
      out.push({
        numStart: base + numStart, numEnd: base + numEnd, end: base + (unit ? unitEnd : numEnd),
        units, scale,
        unit: unit ?? '', approx: split || rounded || (unit ? approxUnit : false) || approxBefore(text, Math.max(start, numStart - 4), numStart), depth,
      });
      if (unit) i = unitEnd;
      continue;
    }
    if (isCnNumeral(c) && text.charCodeAt(i - 1) !== 0x7b2c) { // not after 第
      const numStart = i;
      while (i < end && isCnNumeral(text.charCodeAt(i))) i++;
      const numEnd = i;
      const unit = readUnit(text, i, end);
      const unitEnd = unitNext;
      // CN_NUMBER_UNITS are one character each: compared by code (NaN past the end, as undefined was).
      if (unit && CN_NUMBER_UNITS.has(unit) && !unitApprox && text.charCodeAt(unitEnd) !== unit.charCodeAt(0)) {
        const v = parseChineseNumber(text.slice(numStart, numEnd));
        if (Number.isSafeInteger(v)) { // not a run of numerals too long to be exact
          out.push({
            numStart: base + numStart, numEnd: base + numEnd, end: base + unitEnd, units: BigInt(v), scale: 0, unit, approx: false, depth,
          });
          i = unitEnd;
        }
      }
      continue;
    }
    i++;
    // A numeral after 第 was stepped over: the numeral after it starts a run of its own, which the
    // search (matching a run at its first numeral only) would not find.
    if (i < end && isCnNumeral(text.charCodeAt(i))) direct = true;
  }
  return out;
}
