/**
 * Statements with figures in the prose (text outside tables): "共受理政府信息公开申请 3119 件",
 * "答复 3050 件", "行政复议 351 件", "共计11465条。其中…10462条…3832条", "办结率达96%",
 * "均获维持", "未收到…申请", … Each fact keeps the exact source spans of its number and of its
 * sentence, so rules can point at them and quote them.
 *
 * How it works (linear in the text, no backtracking-heavy patterns):
 * 1. `buildProse` joins the non-table lines into one flat string with an offset map back to the
 *    source. Lines wrapped inside a sentence (PDF text) are joined; blank lines, headings, list
 *    items and tables end a paragraph; PDF page numbers ("-1-") are skipped.
 * 2. Sentences end at 。！？ and at paragraph ends; clauses at ，；（ etc.
 * 3. A scanner finds number tokens (ASCII, full-width, Chinese numerals) with their unit.
 * 4. Each number is classified by the words just before it in its clause (and, for 结转/顺延,
 *    just after it). Anything ambiguous gives no fact: rules warn only when they are sure.
 */
import { shareBreakdowns } from './shareFacts';
import type { ReportModel } from '../model/types';
import type { SectionKey } from '../standard/types';
import type { Span } from '../text/source';
import { isJsSpace } from '../text/chars';
import { digitsValue } from '../text/numbers';

// ---------------------------------------------------------------------------------------------
// Prose: the flat text of the report outside its tables

export interface Sentence {
  /** Range in the flat prose text. */
  start: number;
  end: number;
  /** Range in the source. */
  span: Span;
  /** Flat text of the sentence (line breaks removed), trimmed. */
  text: string;
  /** Standard section the sentence lies in, if any. */
  section: SectionKey | null;
  /** Index of the paragraph (sentences of one paragraph share it). */
  paragraph: number;
}

export interface Prose {
  /** Flat text: prose lines joined, "\n" at paragraph ends. */
  text: string;
  /** Flat index → source offset; one extra entry at the end. */
  map: Int32Array;
  sentences: Sentence[];
}

/** Source span of a flat range [a, b). */
export function spanOf(prose: Prose, a: number, b: number): Span {
  if (b <= a) { const o = prose.map[a] ?? 0; return { start: o, end: o }; }
  return { start: prose.map[a]!, end: prose.map[b - 1]! + 1 };
}

const PAGE_NUMBER_RE = /^[\s\-—－–]*(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?)[\s\-—－–]*$/;
const TABLE_LIKE_RE = /\t|[ \u3000]{4,}|^\|.*\|$/;
const LIST_START_RE = /^(?:[#>|]|[-*+]\s)/;
/** Prose read per document at most (a real report has well under 200 000 characters). */
const MAX_PROSE_CHARS = 1_000_000;
/** Longer lines are not prose (pasted data, minified text): skipped, which keeps huge input cheap. */
const MAX_PROSE_LINE = 20000;
/** A paragraph continues over at most this many blank / page-number lines (PDF page breaks). */
const MAX_GAP_LINES = 4;

function isAsciiAlnum(c: string | undefined): boolean {
  return !!c && /[0-9A-Za-z]/.test(c);
}

// The scans below test every character of the prose: they compare UTF-16 codes, because `text[i]`
// allocates a fresh string per CJK character (and a Set lookup then hashes it).

/** 。！？!? */
function isTerminal(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** Whether text[from, to) holds nothing but [\s。．.：:*_#] (what may close a heading line). */
function onlyHeadingEnd(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // 。．.：:*_#
    if (!isJsSpace(c) && c !== 0x3002 && c !== 0xff0e && c !== 0x2e && c !== 0xff1a && c !== 0x3a && c !== 0x2a && c !== 0x5f && c !== 0x23) return false;
  }
  return true;
}

export function buildProse(model: ReportModel): Prose {
  const src = model.source;
  const tables = [...model.tableSpans].sort((a, b) => a.start - b.start);
  const headingStarts = new Set<number>();
  /** Lines that are a heading and nothing else: they end their paragraph. */
  const headingOnly = new Set<number>();
  for (const h of model.headings) {
    headingStarts.add(h.span.start);
    if (onlyHeadingEnd(src.text, h.titleSpan.end, h.span.end)) headingOnly.add(h.span.start);
  }
  if (model.title) headingOnly.add(src.lines[src.lineIndexAt(model.title.span.end)]!.start);
  const chunks: string[] = [];
  let map = new Int32Array(Math.min(src.text.length, 1 << 16) + 2);
  let n = 0;
  /** Room for `k` more entries and the final one. */
  const reserve = (k: number) => {
    if (n + k < map.length) return;
    const bigger = new Int32Array(Math.max(map.length * 2, n + k + 1));
    bigger.set(map);
    map = bigger;
  };
  const put = (o: number) => {
    reserve(1);
    map[n++] = o;
  };
  let ti = 0;
  let pendingGap = 0;
  let prevWasHeadingOnly = false;
  let hasContent = false;
  /** Last character written ("\n" after a paragraph break). */
  let lastOut = '';
  let lastChar = '';
  const hardBreak = (at: number) => {
    if (hasContent && lastOut !== '\n') { chunks.push('\n'); put(at); lastOut = '\n'; }
    pendingGap = 0;
  };
  let total = 0;
  for (const line of src.lines) {
    if (total > MAX_PROSE_CHARS) break;
    while (ti < tables.length && tables[ti]!.end <= line.start) ti++;
    const inTable = ti < tables.length && line.start >= tables[ti]!.start && line.start < tables[ti]!.end;
    if (inTable) { hardBreak(line.start); prevWasHeadingOnly = false; continue; }
    const t = line.text;
    let a = 0;
    let b = t.length;
    while (a < b && isJsSpace(t.charCodeAt(a))) a++;
    while (b > a && isJsSpace(t.charCodeAt(b - 1))) b--;
    if (a === b || PAGE_NUMBER_RE.test(t)) {
      pendingGap++;
      if (pendingGap > MAX_GAP_LINES) hardBreak(line.start);
      continue;
    }
    if (b - a > MAX_PROSE_LINE) { hardBreak(line.start); prevWasHeadingOnly = false; continue; }
    const content = t.slice(a, b);
    // Table-like lines (tabs, wide space runs) that the table reader did not claim: not prose.
    if (TABLE_LIKE_RE.test(content)) { hardBreak(line.start); prevWasHeadingOnly = false; continue; }
    const start = line.start + a;
    const isHeading = headingStarts.has(start) || headingStarts.has(line.start);
    const brk = !hasContent || lastOut === '\n' || isHeading || prevWasHeadingOnly
      || LIST_START_RE.test(content) || (pendingGap > 0 && isTerminal(lastChar.charCodeAt(0)));
    if (brk) hardBreak(line.start);
    else if (isAsciiAlnum(lastChar) && isAsciiAlnum(content[0])) { chunks.push(' '); put(line.start - 1); }
    pendingGap = 0;
    chunks.push(content);
    total += content.length;
    reserve(b - a);
    for (let i = line.start + a, end = line.start + b; i < end; i++) map[n++] = i;
    hasContent = true;
    lastChar = t[b - 1]!;
    lastOut = lastChar;
    prevWasHeadingOnly = headingOnly.has(start) || headingOnly.has(line.start);
  }
  const out = chunks.join('');
  put(src.text.length);
  const prose: Prose = { text: out, map: map.subarray(0, n), sentences: [] };
  splitSentences(prose, model);
  return prose;
}

/** ”’"）)」』》: closing marks that stay with the sentence they follow. */
function isCloser(c: number): boolean {
  switch (c) {
    case 0x201d: case 0x2019: case 0x22: case 0xff09: case 0x29: case 0x300d: case 0x300f: case 0x300b:
      return true;
    default:
      return false;
  }
}

/** A paragraph end or a terminal (see isTerminal). */
const SENTENCE_BREAK_RE = /[\n。！？!?]/g;

function splitSentences(prose: Prose, model: ReportModel): void {
  const text = prose.text;
  const sections = model.sections;
  let si = 0;
  let paragraph = 0;
  let s = 0;
  const push = (a: number, b: number) => {
    while (a < b && isJsSpace(text.charCodeAt(a))) a++;
    while (b > a && isJsSpace(text.charCodeAt(b - 1))) b--;
    if (a >= b) return;
    const span = spanOf(prose, a, b);
    while (si + 1 < sections.length && sections[si + 1]!.span.start <= span.start) si++;
    const sec = sections[si];
    const section = sec && span.start >= sec.span.start && span.start < sec.span.end ? sec.key : null;
    prose.sentences.push({ start: a, end: b, span, text: text.slice(a, b), section, paragraph });
  };
  // The regex engine finds the next break faster than a loop over every character.
  SENTENCE_BREAK_RE.lastIndex = 0;
  for (let m = SENTENCE_BREAK_RE.exec(text); m; m = SENTENCE_BREAK_RE.exec(text)) {
    const i = m.index;
    if (text.charCodeAt(i) === 0x0a) { push(s, i); s = i + 1; paragraph++; continue; }
    let j = i + 1;
    while (j < text.length && isCloser(text.charCodeAt(j))) j++;
    push(s, j);
    s = j;
    SENTENCE_BREAK_RE.lastIndex = j;
  }
  push(s, text.length);
}

// ---------------------------------------------------------------------------------------------
// Number tokens

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
  /** The number as written (digits or Chinese numerals). */
  raw: string;
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
/** The digits text[a, b), full-width ones as ASCII. */
function asciiDigits(text: string, a: number, b: number): string {
  const s = text.slice(a, b);
  for (let k = a; k < b; k++) {
    if (text.charCodeAt(k) >= 0xff10) return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  }
  return s;
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

/** [ \u3000\u00a0\t] */
function isInlineSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x09;
}

function readUnit(text: string, at: number, end: number): { unit: string; next: number; approx: boolean } | null {
  let j = at;
  let spaces = 0;
  while (j < end && spaces < 3 && isInlineSpace(text.charCodeAt(j))) { j++; spaces++; }
  let approx = false;
  if (text[j] === '余' || text[j] === '多' || text[j] === '来') { approx = true; j++; }
  for (const u of UNITS_BY_FIRST.get(text.charCodeAt(j)) ?? []) {
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

/** Number tokens of the flat range [start, end). Linear in the length of the range. */
export function scanNumbers(text: string, start: number, end: number): NumberToken[] {
  const out: NumberToken[] = [];
  let depth = 0;
  let i = start;
  while (i < end) {
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
      let units = digitsValue(digits + frac);
      if (units === null) continue; // too long to be a figure: refused, not thrown
      let u = readUnit(text, i, end);
      // truth fix (GR212 "1.26万条"): 万/亿 before a unit scales the figure, and such a figure is a
      // rounded one (approx, never compared); without this "万" was read as a numeral 0.
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
      out.push({
        numStart, numEnd, end: u ? u.next : numEnd,
        units, scale,
        unit: u?.unit ?? '', approx: rounded || (u?.approx ?? false) || approxBefore(text, Math.max(start, numStart - 4), numStart), depth,
        raw: text.slice(numStart, numEnd),
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
            raw: text.slice(numStart, numEnd),
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

// ---------------------------------------------------------------------------------------------
// Facts

/** Counts the text states about applications and cases. */
export type CountKind = 'received' | 'processed' | 'carriedIn' | 'carriedOut' | 'review' | 'litigation' | 'disclosed' | 'inForce';

export interface CountFact {
  kind: CountKind;
  value: bigint;
  /** Span of the number (digits only). */
  numberSpan: Span;
  /** Number with its unit as written ("3119 件"). */
  numberText: string;
  sentence: Sentence;
  /** inForce: which row the sentence names. */
  detail?: 'rules' | 'normative';
  /** The number sits in a "其中…" breakdown or names a part (本级, 各部门): not a whole-report figure. */
  partial: boolean;
}

export type ClaimKind = 'allUpheld' | 'allWon' | 'allConcluded' | 'noRequests' | 'noCases';

export interface ClaimFact {
  kind: ClaimKind;
  /** The claim words ("均获维持", "未收到…申请"). */
  span: Span;
  text: string;
  /** Which T4 blocks the claim is about (both when the sentence does not say). */
  scope: { review: boolean; litigation: boolean };
  sentence: Sentence;
}

export interface Figure { value: bigint; scale: number; span: Span; text: string }

/** "共 N …，其中 A …、B …": a total and the parts listed after 其中. */
export interface BreakdownFact {
  total: Figure;
  parts: Figure[];
  unit: string;
  /** Span of "其中". */
  markerSpan: Span;
  sentence: Sentence;
  /** Sentence holding the total, when 其中 opens the next sentence. */
  totalSentence: Sentence;
  /** Source span from the total to the last part. */
  span: Span;
  /** "其中A件，占P%" shares given with the parts. */
  shares: { part: Figure; percent: Figure }[];
}

/** "办结率达 P%" with the counts it is computed from when the same sentence names both. */
export interface RateFact {
  kind: 'completion';
  percent: Figure;
  numerator: Figure | null;
  denominator: Figure | null;
  sentence: Sentence;
}

export interface Facts {
  prose: Prose;
  counts: CountFact[];
  claims: ClaimFact[];
  breakdowns: BreakdownFact[];
  rates: RateFact[];
}

/** How far (characters) the words before / after a number are looked at. */
const MAX_CONTEXT = 60;
/** How many numbers before a rate are searched for its numerator and denominator. */
const RATE_WINDOW = 12;
/** Clause boundaries for the context of a number. */
function isClauseEnd(c: number): boolean {
  switch (c) {
    case 0xff0c: case 0x2c: case 0xff1b: case 0x3b: case 0x3002: case 0xff01: case 0xff1f: case 0x21: case 0x3f: // ，,；;。！？!?
    case 0xff08: case 0x28: case 0xff09: case 0x29: case 0x0a: // （(）)\n
      return true;
    default:
      return false;
  }
}
const COUNT_UNITS = new Set(['件', '条', '个', '项', '次', '件次', '家', '人', '人次', '篇', '份', '部', '期', '场', '位', '户', '批', '元', '万元', '亿元']);

const APP_CONTEXT_RE = /信息公开申请|依申请|公开申请|申请公开|申请信息公开/;
const NOT_APPLICATIONS_RE = /来信|信箱|留言|热线|诉求|咨询|事项|建议|提案|投诉|举报|信访|网民|问政|12345/;
const SCOPE_PART_RE = /本级|各(?:部门|乡镇|镇|街道|单位|县区|区县)|县直|市直|区直|部门|乡镇|街道|其中/;

function figure(prose: Prose, t: NumberToken): Figure {
  return { value: t.units, scale: t.scale, span: spanOf(prose, t.numStart, t.numEnd), text: prose.text.slice(t.numStart, t.end) };
}

const strip = (s: string) => s.replace(/[\s\u3000]/g, '');

interface SentenceInfo { app: boolean; disclosure: boolean }

/** `l` and `r`: the words before and after the number, white space removed. */
function classify(l: string, r: string, sentence: Sentence, info: SentenceInfo): { kind: CountKind; detail?: 'rules' | 'normative' } | null {
  const app = info.app;
  const about = (k: CountKind) => ({ kind: k });
  if (/上一?年度?(?:结转|遗留|未办结)|结转上一?年/.test(l)) return app || sentence.section === 'requests' ? about('carriedIn') : null;
  if (/^(?:结转|顺延|转入|转至|延续)(?:到|至|入)?下一?年/.test(r) || /结转(?:到|至)?下一?年|^结转$|转入下一?年/.test(l)) {
    return app || sentence.section === 'requests' ? about('carriedOut') : null;
  }
  const review = /复议/.test(l);
  const litigation = /诉讼/.test(l);
  if (review || litigation) {
    if (review && litigation) return null;
    if (/维持|纠正|审结|其他结果|起诉|败诉|胜诉|结案|复议后|直接/.test(l)) return null;
    if (!info.disclosure && sentence.section !== 'review') return null;
    return about(review ? 'review' : 'litigation');
  }
  if (/(?<!不|部分)予以公开/.test(l)) return app ? about('disclosed') : null;
  if (/现行有效/.test(l)) {
    const rules = /规章/.test(l);
    const normative = /规范性文件/.test(l);
    if (rules === normative) return null;
    return { kind: 'inForce', detail: rules ? 'rules' : 'normative' };
  }
  if (!app || NOT_APPLICATIONS_RE.test(l)) return null;
  const processed = /办结|答复/.test(l) && !/办结率|答复率/.test(l);
  const received = /收到|受理|新收|接到|接收/.test(l) && /申请/.test(l);
  if (processed && received) return null;
  if (processed) return about('processed');
  if (received) return about('received');
  return null;
}

/** How far before a claim its subject (复议 / 诉讼) is looked for. */
const CLAIM_SCOPE = 60;
const CLAIM_RE = /均(?:获|被|予|已)?维持|全部(?:被|获|予)?维持|全部胜诉|均(?:已)?胜诉|无败诉|没有败诉|未(?:出现|发生)?败诉|均已结案|全部结案|均已审结|全部审结/g;
const NEG_VERB_RE = /(?:未|没有|尚未|均未|无)(?:任何)?(?:收到|接到|受理|接收|发生)/g;
const NEG_CASE_RE = /(?:未|没有|无)(?!经|论|需|须|法|权|效)/g;

/** Facts of a model; computed once per model and cached. */
export function getFacts(model: ReportModel): Facts {
  let f = CACHE.get(model);
  if (!f) { f = extractFacts(model); CACHE.set(model, f); }
  return f;
}
const CACHE = new WeakMap<ReportModel, Facts>();

/** A digit, or a Chinese numeral right before a counter word ("三件", "十二条"). */
const MAY_HOLD_FIGURE = /[0-9０-９]|[零〇一二两三四五六七八九十百千万][件条项个次宗]/;

/** afterQizhong of a sentence without 其中: every token reads 0 (undefined). */
const NO_QIZHONG = new Uint8Array(0);

export function extractFacts(model: ReportModel): Facts {
  const prose = buildProse(model);
  const facts: Facts = { prose, counts: [], claims: [], breakdowns: [], rates: [] };
  const text = prose.text;
  const sentences = prose.sentences;
  let prevTokens: NumberToken[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const sen = sentences[si]!;
    // Most sentences carry no figure at all: skip the character scan for them.
    const tokens = MAY_HOLD_FIGURE.test(sen.text) ? scanNumbers(text, sen.start, sen.end) : [];
    if (!tokens.length) {
      // No count, breakdown part or rate without a number in the sentence: only claims are left.
      findClaims(prose, sen, facts.claims);
      prevTokens = tokens;
      continue;
    }
    // Context of each token: the words before it in its clause (at most MAX_CONTEXT characters,
    // not past the previous number) and after it up to the next boundary or number.
    const ctx = tokens.map((t, k) => {
      let a = t.numStart;
      const floor = Math.max(k > 0 ? tokens[k - 1]!.end : sen.start, t.numStart - MAX_CONTEXT);
      while (a > floor && !isClauseEnd(text.charCodeAt(a - 1))) a--;
      let b = t.end;
      const ceil = Math.min(k + 1 < tokens.length ? tokens[k + 1]!.numStart : sen.end, t.end + MAX_CONTEXT);
      while (b < ceil && !isClauseEnd(text.charCodeAt(b))) b++;
      return { L: text.slice(a, t.numStart), R: text.slice(t.end, b) };
    });
    // The words before a token without white space: asked for by several checks, computed once.
    const leftWords: string[] = [];
    const left = (k: number) => (leftWords[k] ??= strip(ctx[k]!.L));
    const senInfo: SentenceInfo = {
      app: APP_CONTEXT_RE.test(sen.text) || (sen.section === 'requests' && sen.text.includes('申请')),
      disclosure: sen.text.includes('信息公开'),
    };
    // 其中 positions: numbers after 其中 in the same clause (up to ；) are parts, not totals.
    const qizhong: number[] = [];
    for (let at = sen.text.indexOf('其中'); at >= 0; at = sen.text.indexOf('其中', at + 2)) qizhong.push(sen.start + at);
    const afterQizhong = qizhong.length ? new Uint8Array(tokens.length) : NO_QIZHONG;
    if (qizhong.length) {
      let qi = 0;
      let lastQ = -1;
      let lastSemi = -1;
      let pos = sen.start;
      tokens.forEach((t, k) => {
        while (qi < qizhong.length && qizhong[qi]! < t.numStart) lastQ = qizhong[qi++]!;
        for (; pos < t.numStart; pos++) {
          const c = text.charCodeAt(pos);
          if (c === 0xff1b || c === 0x3b) lastSemi = pos; // ； ;
        }
        afterQizhong[k] = lastQ >= 0 && lastSemi < lastQ ? 1 : 0;
      });
    }

    // Counts.
    tokens.forEach((t, k) => {
      if (t.approx || t.scale !== 0 || !(t.unit === '件' || t.unit === '条' || t.unit === '个' || t.unit === '部' || t.unit === '份')) return;
      const c = classify(left(k), strip(ctx[k]!.R), sen, senInfo);
      if (!c) return;
      if (c.kind !== 'inForce' && t.unit !== '件') return;
      facts.counts.push({
        kind: c.kind, value: t.units, numberSpan: spanOf(prose, t.numStart, t.numEnd), numberText: text.slice(t.numStart, t.end),
        sentence: sen, ...(c.detail ? { detail: c.detail } : {}),
        partial: afterQizhong[k] === 1 || SCOPE_PART_RE.test(left(k)),
      });
    });

    // Breakdowns: a total, then 其中 and parts of the same unit. One pass over tokens (two pointers).
    let tk = 0; // first token at or after the current 其中
    let depthPos = sen.start;
    let depth = 0;
    for (let qn = 0; qn < qizhong.length; qn++) {
      const q = qizhong[qn]!;
      while (tk < tokens.length && tokens[tk]!.end <= q) tk++;
      for (; depthPos < q; depthPos++) {
        const c = text[depthPos];
        if (c === '（' || c === '(') depth++;
        else if ((c === '）' || c === ')') && depth > 0) depth--;
      }
      let totalTok: NumberToken | undefined;
      let totalSentence = sen;
      if (tk > 0) {
        totalTok = tokens[tk - 1];
      } else if (q - sen.start < 16 && /^[\s（(一二三四五六七八九十\d)）、.．]*$/.test(text.slice(sen.start, q)) && si > 0 && sentences[si - 1]!.paragraph === sen.paragraph) {
        totalTok = prevTokens[prevTokens.length - 1];
        totalSentence = sentences[si - 1]!;
      }
      if (!totalTok || totalTok.approx || !COUNT_UNITS.has(totalTok.unit)) continue;
      if (q - totalTok.end > 40) continue;
      const gapText = text.slice(totalTok.end, q);
      const gap = strip(gapText).replace(/[，,。：:]/g, '');
      if (gap.length > 12 || /[；;]/.test(gapText)) continue;
      if (totalSentence === sen && totalTok.depth !== depth) continue;
      // Parts: after 其中 up to the end of the clause (；/。) or the next 其中.
      const stop = Math.min(qizhong[qn + 1] ?? sen.end, sen.end);
      const parts: NumberToken[] = [];
      const shares: { part: Figure; percent: Figure }[] = [];
      let bad = false;
      for (let k = tk; k < tokens.length && tokens[k]!.numStart < stop; k++) {
        const t = tokens[k]!;
        if (afterQizhong[k] !== 1) break; // a ； closed the clause
        if (t.depth !== depth) continue;
        if (t.unit === '%') {
          const prev = parts[parts.length - 1];
          const between = prev && t.numStart - prev.end < 12 ? strip(text.slice(prev.end, t.numStart)) : '';
          if (prev && /^[，,（(]?占(?:比|总数|总量|全部|总)?的?(?:比例)?(?:为|达)?$/.test(between)) {
            shares.push({ part: figure(prose, prev), percent: figure(prose, t) });
          }
          continue;
        }
        if (t.unit !== totalTok.unit) continue;
        if (/增|减|同比|较|比上年|上升|下降|累计|共计|合计|总计|共|平均|最/.test(left(k))) { bad = true; break; }
        if (t.approx) { bad = true; break; }
        parts.push(t);
      }
      if (bad || !parts.length) continue;
      facts.breakdowns.push({
        total: figure(prose, totalTok),
        parts: parts.map((t) => figure(prose, t)),
        unit: totalTok.unit,
        markerSpan: spanOf(prose, q, q + 2),
        sentence: sen, totalSentence,
        span: spanOf(prose, totalTok.numStart, parts[parts.length - 1]!.end),
        shares,
      });
    }

    // Completion rates: numerator (办结) and denominator (收到/受理) named in the same sentence
    // (looked for among the RATE_WINDOW numbers before the rate).
    tokens.forEach((t, k) => {
      if (t.unit !== '%' || !/(?:办结|结案)率/.test(left(k))) return;
      const nums: NumberToken[] = [];
      const dens: NumberToken[] = [];
      for (let j = Math.max(0, k - RATE_WINDOW); j < k; j++) {
        const u = tokens[j]!;
        if (u.unit !== '件' || u.approx) continue;
        const l = left(j);
        if (/办结|结案/.test(l) && !/率/.test(l)) nums.push(u);
        else if (/收到|受理|新收|接到|接收|共|累计/.test(l) && !/办结|答复|结案/.test(l)) dens.push(u);
      }
      facts.rates.push({
        kind: 'completion', percent: figure(prose, t),
        numerator: nums.length === 1 ? figure(prose, nums[0]!) : null,
        denominator: dens.length === 1 ? figure(prose, dens[0]!) : null,
        sentence: sen,
      });
    });

    findClaims(prose, sen, facts.claims);
    prevTokens = tokens;
  }
  // A whole stated earlier and then given by shares that add up to 100%.
  facts.breakdowns.push(...shareBreakdowns(prose));
  return facts;
}

function scopeOf(s: string): { review: boolean; litigation: boolean } {
  const review = s.includes('复议');
  const litigation = s.includes('诉讼') || s.includes('起诉');
  return review || litigation ? { review, litigation } : { review: true, litigation: true };
}

function findClaims(prose: Prose, sen: Sentence, out: ClaimFact[]): void {
  const s = sen.text;
  const base = sen.start;
  const at = (i: number, len: number) => spanOf(prose, base + i, base + i + len);
  if (s.includes('维持') || s.includes('诉') || s.includes('结案') || s.includes('审结')) {
    CLAIM_RE.lastIndex = 0;
    for (let m = CLAIM_RE.exec(s); m; m = CLAIM_RE.exec(s)) {
      const w = m[0];
      const kind: ClaimKind = /维持/.test(w) ? 'allUpheld' : /诉/.test(w) ? 'allWon' : 'allConcluded';
      // Scope from the clause holding the claim and what precedes it in the sentence.
      const before = s.slice(Math.max(0, m.index - CLAIM_SCOPE), m.index);
      const scope = scopeOf(before + w);
      if (kind === 'allWon' && !before.includes('复议')) { scope.review = false; scope.litigation = true; }
      out.push({ kind, span: at(m.index, w.length), text: w, scope, sentence: sen });
    }
  }
  if (s.includes('申请')) {
    NEG_VERB_RE.lastIndex = 0;
    for (let m = NEG_VERB_RE.exec(s); m; m = NEG_VERB_RE.exec(s)) {
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const stop = rest.search(/[，,；;。：:\d０-９]/);
      const clause = stop >= 0 ? rest.slice(0, stop) : rest;
      const ap = clause.lastIndexOf('申请');
      // "没有收到因…申请引起的行政复议", "未收到申请人投诉", "未…申请2件": not a claim of no requests.
      if (ap < 0 || /复议|诉讼|投诉|举报|信访/.test(clause) || clause[ap + 2] === '人' || (stop >= 0 && ap + 2 === stop && /[\d０-９]/.test(rest[stop] ?? ''))) continue;
      out.push({ kind: 'noRequests', span: at(m.index, m[0].length + ap + 2), text: s.slice(m.index, m.index + m[0].length + ap + 2), scope: { review: false, litigation: false }, sentence: sen });
    }
  }
  if (s.includes('复议') || s.includes('诉讼')) {
    NEG_CASE_RE.lastIndex = 0;
    for (let m = NEG_CASE_RE.exec(s); m; m = NEG_CASE_RE.exec(s)) {
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const stop = rest.search(/[，,；;。：:\d０-９]/);
      const clause = stop >= 0 ? rest.slice(0, stop) : rest;
      const r = clause.indexOf('行政复议');
      const l = clause.indexOf('行政诉讼');
      if (r < 0 && l < 0) continue;
      const first = Math.min(r < 0 ? Infinity : r, l < 0 ? Infinity : l);
      // The negation must govern the case words: only a verb-ish stretch in between.
      const between = clause.slice(0, first);
      if (/败诉|胜诉|纠正|维持|公开的|结果/.test(between) || between.length > 24) continue;
      // "对未公开事项提起行政复议3件": a count follows, this is no claim of none.
      if (stop >= 0 && /[\d０-９]/.test(rest[stop] ?? '')) continue;
      const last = Math.max(r >= 0 ? r + 4 : -1, l >= 0 ? l + 4 : -1, clause.lastIndexOf('复议') + 2, clause.lastIndexOf('诉讼') + 2);
      out.push({
        kind: 'noCases', span: at(m.index, m[0].length + last), text: s.slice(m.index, m.index + m[0].length + last),
        scope: { review: clause.includes('复议'), litigation: clause.includes('诉讼') }, sentence: sen,
      });
      NEG_CASE_RE.lastIndex = m.index + m[0].length + last;
    }
  }
}

/** A sentence for a message: flat, at most `max` characters. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
