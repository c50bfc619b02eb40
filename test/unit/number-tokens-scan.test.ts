/**
 * scanNumbers against the scanner it replaced (round eight: a search that skips runs of Chinese
 * numerals no counter word follows, digit values read without strings, no object per unit), on
 * random text made of what the scan reacts to. The old scanner is kept below as it was.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseChineseNumber, scanNumbers, type NumberToken } from '../../server/src/core/prose/numberTokens';
import { isInlineSpace, isJsSpace } from '../../server/src/core/text/chars';
import { digitsValue } from '../../server/src/core/text/numbers';

// ---- the scanner before round eight, unchanged ----
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

function readUnit(text: string, at: number, end: number): { unit: string; next: number; approx: boolean } | null {
  let j = at;
  let spaces = 0;
  while (j < end && spaces < 3 && isInlineSpace(text.charCodeAt(j))) { j++; spaces++; }
  let approx = false;
  if (text[j] === '余' || text[j] === '多' || text[j] === '来') { approx = true; j++; }
  const units = UNITS_BY_FIRST.get(text.charCodeAt(j));
  if (!units) return null;
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (text.startsWith(u, j)) return { unit: u === '％' ? '%' : u, next: j + u.length, approx };
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
 * Where a token or a bracket may start: a digit, a Chinese numeral (isCnNumeral) or ( ) （ ）.
 * The scan jumps from one to the next with a native search instead of testing each character in
 * script (most characters start nothing; in the CLI's unoptimised code the per-character tests were
 * its largest cost). It searches the range only (a slice of the text, which V8 does not copy).
 */
const MAY_START = /[0-9０-９()（）零〇一二两三四五六七八九十百千万]/g;

/** Number tokens of the flat range [start, end). Linear in the length of the range. */
function oldScanNumbers(text: string, start: number, end: number): NumberToken[] {
  const out: NumberToken[] = [];
  let depth = 0;
  let i = start;
  const range = text.slice(start, end);
  while (i < end) {
    MAY_START.lastIndex = i - start;
    if (!MAY_START.test(range)) break;
    i = start + MAY_START.lastIndex - 1;
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
      let digits = asciiDigits(text, numStart, i);
      let frac = '';
      // Thousands separators: "11,465".
      while (text.charCodeAt(i) === 0x2c && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4))) {
        digits += asciiDigits(text, i + 1, i + 4); i += 4; // "1,２３４": a full-width group too
      }
      if ((text.charCodeAt(i) === 0x2e || text.charCodeAt(i) === 0xff0e) && isDigit(text.charCodeAt(i + 1))) { // . ．
        const fracStart = ++i;
        while (i < end && isDigit(text.charCodeAt(i))) i++;
        frac = asciiDigits(text, fracStart, i);
      }
      const numEnd = i;
      // Dates / times / ranges glued by - / : are not counts.
      if (isRangeGlue(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) {
        while (i < end && isDateChar(text.charCodeAt(i))) i++;
        continue;
      }
      let units = figureValue(digits + frac);
      if (units === null) continue; // too long to be a figure: refused, not thrown
      let u = readUnit(text, i, end);
      // 万/亿 before a unit scales the figure ("1.26万条" = 12600 条), and such a figure is a rounded
      // one (approx, never compared); without this "万" was read as a numeral 0.
      let scale = frac.length;
      let rounded = false;
      const big = !u && (text[i] === '万' || text[i] === '亿') ? readUnit(text, i + 1, end) : null;
      if (big) {
        const pow = text[i] === '万' ? 4 : 8;
        const shift = Math.min(scale, pow);
        units *= 10n ** BigInt(pow - shift);
        scale -= shift;
        u = big;
        rounded = true;
      }
      // Digits split by one space ("共计11 465条": OCR, a web copy) may be one number or two: unsure,
      // so neither is compared (approx), rather than checking 465 as the total.
      const split = numStart - 2 >= start && isInlineSpace(text.charCodeAt(numStart - 1)) && isDigit(text.charCodeAt(numStart - 2));
      if (split) {
        const prev = out[out.length - 1];
        if (prev && prev.numEnd === numStart - 1) prev.approx = true;
      }
      out.push({
        numStart, numEnd, end: u ? u.next : numEnd,
        units, scale,
        unit: u?.unit ?? '', approx: split || rounded || (u?.approx ?? false) || approxBefore(text, Math.max(start, numStart - 4), numStart), depth,
      });
      if (u) i = u.next;
      continue;
    }
    if (isCnNumeral(c) && text.charCodeAt(i - 1) !== 0x7b2c) { // not after 第
      const numStart = i;
      while (i < end && isCnNumeral(text.charCodeAt(i))) i++;
      const numEnd = i;
      const u = readUnit(text, i, end);
      if (u && CN_NUMBER_UNITS.has(u.unit) && !u.approx && text[u.next] !== u.unit) {
        const v = parseChineseNumber(text.slice(numStart, numEnd));
        if (Number.isSafeInteger(v)) { // not a run of numerals too long to be exact
          out.push({
            numStart, numEnd, end: u.next, units: BigInt(v), scale: 0, unit: u.unit, approx: false, depth,
              });
          i = u.next;
        }
      }
      continue;
    }
    i++;
  }
  return out;
}

// ---- the property ----

/** Characters the scan reacts to, and a few it does not. */
const PIECES = [
  '0', '1', '2', '9', '０', '５', '一', '二', '两', '十', '百', '千', '万', '亿', '零', '〇', '三', '第',
  '件', '条', '项', '次', '家', '个', '篇', '份', '人', '元', '%', '％', '年', '月', '日', '部', '期', '批',
  '余', '多', '来', '约', '近', '超', '过', '逾', ' ', '\t', '\u3000', '\u00a0', ',', '.', '．', '-', ':', '：', '/', '~', '～',
  '(', ')', '（', '）', 'a', 'X', '_', '共', '是', '，', '。', '件次', '人次', '万元', '亿元', '十九大', '一是', '统一', '第十二条',
];

test('scanNumbers reads every random text as the scanner it replaced did', () => {
  const arb = fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.nat(), fc.nat());
  fc.assert(fc.property(arb, ([pieces, x, y]) => {
    const text = pieces.join('');
    const a = text.length ? x % (text.length + 1) : 0;
    const b = a + (text.length - a ? y % (text.length - a + 1) : 0);
    const got: NumberToken[] = scanNumbers(text, a, b);
    assert.deepStrictEqual(got, oldScanNumbers(text, a, b), JSON.stringify({ text, a, b }));
  }), { numRuns: 20000 });
});

test('scanNumbers: numerals after 第, runs without a counter word, long figures', () => {
  for (const text of ['第十二条', '第三件', '一二三四五件', '十九大', '三件次', '三余件', '3万五件', '共 三   件', '共 三    件', '1234567890123456件', '12,345.67万条', '１２,３４５件', '第一二十件']) {
    assert.deepStrictEqual(scanNumbers(text, 0, text.length), oldScanNumbers(text, 0, text.length), text);
  }
});
