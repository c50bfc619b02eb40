/**
 * Dates: the statistics period, the 落款 (signature) or publication date,
 * malformed dates, and the deadline (which depends on the body kind, bodyKind.ts).
 * Pure and linear: runs on the prose built by `prose.ts`.
 */
import type { ReportModel } from '../model/types';
import type { RuleOptions } from '../types';
import type { Span } from '../text/source';
import type { BodyKind } from './bodyKind';
import { getFacts } from './facts';
import { parseChineseNumber } from './numberTokens';
import { spanOf, type Sentence } from './prose';

export interface DateValue { year: number; month: number; day: number }

export interface StatedDate extends DateValue { span: Span; text: string }

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export function daysInMonth(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatDate(d: DateValue): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/** Digits (ASCII / full width) or Chinese numerals ("二〇二〇", "十二", "三十一") to a number. */
function num(s: string): number {
  const a = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
  if (/^\d+$/.test(a)) return Number(a);
  return parseChineseNumber(a);
}

// ---------------------------------------------------------------------------------------------
// Statistics period

export interface Period {
  startYear: number;
  /** End year when written ("至2024年12月31日"); null for "至12月31日". */
  endYear: number | null;
  startYearSpan: Span;
  endYearSpan: Span | null;
  sentence: Sentence;
}

const PERIOD_RE = /统计(?:期限|时限|期间|时间|区间|周期|范围|口径)?[^。]{0,12}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。\d]{0,4}?(?:至|到|—|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/d;

export function findPeriod(model: ReportModel): Period | null {
  const { prose } = getFacts(model);
  for (const s of prose.sentences) {
    if (!s.text.includes('统计')) continue;
    const m = PERIOD_RE.exec(s.text);
    if (!m) continue;
    const at = (g: number) => {
      const [a, b] = m.indices![g]!;
      return spanOf(prose, s.start + a, s.start + b);
    };
    return {
      startYear: Number(m[1]), endYear: m[4] ? Number(m[4]) : null,
      startYearSpan: at(1), endYearSpan: m[4] ? at(4) : null, sentence: s,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Malformed dates

export type DateProblem = 'yearDigits' | 'noMonth' | 'noSeparators' | 'month' | 'day';

export interface MalformedDate { span: Span; text: string; problem: DateProblem }

/**
 * Every alternative starts at the first digit of a run ((?<!\d) up front): a match starting inside
 * a run would also match from the run's start, so the results are the same, and a long digit run
 * is tried once instead of once per digit (that was quadratic: 20 000 digits took seconds).
 */
// Not after a digit or a letter: "l2月31日" is OCR for 12月31日, not a date 2月31日.
const DATE_SCAN_RE = /(?<![\dA-Za-z〇])(?:(\d+)\s*年\s*(\d+)\s*月\s*(\d+)\s*日|(\d+)\s*年\s*(\d{1,2})\s*日|((?:19|20)\d{6})\s*日|(\d+)\s*月\s*(\d+)\s*日)/g;

export function findMalformedDates(model: ReportModel): MalformedDate[] {
  const { prose } = getFacts(model);
  const out: MalformedDate[] = [];
  for (const s of prose.sentences) {
    if (!s.text.includes('日')) continue;
    DATE_SCAN_RE.lastIndex = 0;
    for (let m = DATE_SCAN_RE.exec(s.text); m; m = DATE_SCAN_RE.exec(s.text)) {
      let problem: DateProblem | null = null;
      if (m[1] !== undefined) {
        const y = m[1]; const mo = Number(m[2]); const d = Number(m[3]);
        if (y.length !== 4) problem = 'yearDigits';
        else if (mo < 1 || mo > 12) problem = 'month';
        else if (d < 1 || d > daysInMonth(Number(y), mo)) problem = 'day';
      } else if (m[4] !== undefined) {
        // "2019年11日": no month. Not "2019年度…11日" (度 is not matched) nor 年 as a duration ("3年2日").
        if (m[4].length === 4) problem = 'noMonth';
      } else if (m[6] !== undefined) {
        problem = 'noSeparators';
      } else if (m[7] !== undefined) {
        const mo = Number(m[7]); const d = Number(m[8]);
        if (m[7].length <= 2 && m[8]!.length <= 2) {
          if (mo < 1 || mo > 12) problem = 'month';
          else if (d < 1 || d > daysInMonth(null, mo)) problem = 'day';
        }
      }
      if (problem) out.push({ span: spanOf(prose, s.start + m.index, s.start + m.index + m[0].length), text: m[0], problem });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Signature (落款) and publication date

export interface SignatureDate extends StatedDate {
  source: 'signature' | 'metadata';
  /** The metadata label the date stands under ("发布时间", "成文日期"); absent for a 落款 date. */
  label?: string;
}

const CN_NUM = '[〇零一二三四五六七八九十]';
const DATE_LINE_RE = new RegExp(`((?:\\d|[０-９]){4}|${CN_NUM}{4})\\s*年\\s*((?:\\d|[０-９]){1,2}|${CN_NUM}{1,2})\\s*月\\s*((?:\\d|[０-９]){1,2}|${CN_NUM}{1,3})\\s*日\\s*$`);
const META_LABEL_RE = /(?:发布|成文|撰写|印发|公开|生成)(?:时间|日期)|^日期/;
const META_DATE_RE = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/;
/** How many non-blank lines from the end may hold the 落款 date. */
const SIGNATURE_WINDOW = 25;

const PAGE_NUMBER_LINE_RE = /^[\s\-—－–]*\d{1,3}[\s\-—－–]*$/;

/** Whether a trimmed line may be a page number ("-5-", "12"): it starts with a digit or a dash (PAGE_NUMBER_LINE_RE decides). */
function mayBePageNumber(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2014 || c === 0xff0d || c === 0x2013; // - — － –
}

/** Whether offset o lies in a table. */
function inTable(model: ReportModel, o: number): boolean {
  const spans = model.tableSpans;
  for (let k = 0; k < spans.length; k++) if (o >= spans[k]!.start && o < spans[k]!.end) return true;
  return false;
}

/** The 落款 date (last date-only line near the end), else a metadata date near the top. */
export function findSignatureDate(model: ReportModel): SignatureDate | null {
  const src = model.source;
  let seen = 0;
  // Line texts, not line objects: these loops read up to 40 lines of every report.
  for (let i = src.lineCount - 1; i >= 0 && seen < SIGNATURE_WINDOW; i--) {
    const text = src.lineText(i);
    const t = text.trim();
    if (!t || (mayBePageNumber(t) && PAGE_NUMBER_LINE_RE.test(t))) continue;
    seen++;
    // DATE_LINE_RE ends in 日 and white space, so a trimmed line it matches ends in 日.
    if (t.charCodeAt(t.length - 1) !== 0x65e5) continue;
    if (t.length > 40 || /[。，,；;]/.test(t) || inTable(model, src.lineStart(i))) continue;
    const m = DATE_LINE_RE.exec(t);
    if (!m) continue;
    const d = { year: num(m[1]!), month: num(m[2]!), day: num(m[3]!) };
    if (!valid(d)) return null; // malformed: GR203's business
    const lead = text.indexOf(t);
    const at = src.lineStart(i) + lead + m.index;
    return { ...d, span: { start: at, end: at + m[0].trimEnd().length }, text: m[0].trim(), source: 'signature' };
  }
  // Metadata block ("发布时间：2020-01-14", "撰写时间" with the date on the next line).
  let nonBlank = 0;
  for (let i = 0; i < src.lineCount && nonBlank < 15; i++) {
    const text = src.lineText(i);
    if (!text.trim()) continue;
    nonBlank++;
    const lm = META_LABEL_RE.exec(text);
    if (!lm) continue;
    for (let j = i; j < Math.min(src.lineCount, i + 3); j++) {
      const l = src.line(j);
      const from = j === i ? lm.index + lm[0].length : 0;
      const m = META_DATE_RE.exec(l.text.slice(from));
      if (m) {
        const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
        if (!valid(d)) return null;
        // The pattern may take the space before a time ("2024-12-05 08:58"): not part of the date.
        const at = l.start + from + m.index;
        const lead = m[0].length - m[0].trimStart().length;
        return { ...d, span: { start: at + lead, end: at + m[0].trimEnd().length }, text: m[0].trim(), source: 'metadata', label: lm[0].trim() };
      }
      if (j > i && l.text.trim()) break;
    }
  }
  return null;
}

function valid(d: DateValue): boolean {
  return Number.isFinite(d.year) && d.year >= 1900 && d.year < 2200 && d.month >= 1 && d.month <= 12
    && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Deadline (month, day) in year Y+1 for this report; the later (government) one when unknown. */
export function deadlineFor(kind: BodyKind | null, options: RuleOptions = {}): [number, number] {
  const dept = options.deadlines?.department ?? [1, 31];
  const gov = options.deadlines?.government ?? [3, 31];
  if (kind === 'department') return dept;
  if (kind === 'government') return gov;
  return compareDates({ year: 0, month: dept[0], day: dept[1] }, { year: 0, month: gov[0], day: gov[1] }) > 0 ? dept : gov;
}

// ---------------------------------------------------------------------------------------------
// All dates of a report, each found on first use

/** The dates rules ask about; each is looked for once, when first read. */
export interface ReportDates {
  readonly period: Period | null;
  readonly signature: SignatureDate | null;
  readonly malformed: readonly MalformedDate[];
}

class LazyDates implements ReportDates {
  readonly #model: ReportModel;
  #period: Period | null | undefined;
  #signature: SignatureDate | null | undefined;
  #malformed: MalformedDate[] | undefined;
  constructor(model: ReportModel) { this.#model = model; }
  get period(): Period | null { return this.#period === undefined ? (this.#period = findPeriod(this.#model)) : this.#period; }
  get signature(): SignatureDate | null { return this.#signature === undefined ? (this.#signature = findSignatureDate(this.#model)) : this.#signature; }
  get malformed(): readonly MalformedDate[] { return (this.#malformed ??= findMalformedDates(this.#model)); }
}

export function reportDates(model: ReportModel): ReportDates {
  return new LazyDates(model);
}
