/**
 * Collapsed text: a body run together on one line (copied from a web page or a crawler), with
 * its section headings inline ("…联系。一、总体情况2020年，我区…"). A numbered heading is accepted
 * inside a line only when a known section title (standard, alias or legacy) follows its numbering
 * and the numbers rise; the title cannot end anywhere else there, so unknown titles are not read.
 * The result gives the outline until the text is split, and where line breaks belong (GR014).
 */
import type { Heading, Table } from '../model/types';
import { LEGACY_SECTIONS } from '../standard/legacy';
import { SECTIONS } from '../standard/sections';
import { LEGACY } from '../standard/versions';
import type { TableKey } from '../standard/types';
import type { LineInfo, SourceText, Span } from '../text/source';
import { emptyTable } from './tables/build';
import { cnNumber } from './headings';
import { isJsSpace, isZeroWidth } from '../text/chars';

/** Lines shorter than this are never read as collapsed bodies. */
const MIN_COLLAPSED = 400;
/** Collapsed lines longer than this are not scanned (bounded work on pathological input). */
const MAX_SCAN = 2_000_000;

/** Known section titles, longest first (the longest one that fits is taken). */
const TITLES: readonly string[] = [...new Set([
  ...SECTIONS.flatMap((s) => [s.title, ...s.aliases]),
  ...LEGACY_SECTIONS.flatMap((s) => [s.title, ...s.aliases]),
  ...LEGACY.sectionTitles,
])].sort((a, b) => b.length - a.length);
/** The titles by first character (a numbering followed by any other character is rejected at once). */
const TITLES_BY_FIRST = new Map<string, string[]>();
for (const t of TITLES) {
  const list = TITLES_BY_FIRST.get(t[0]!);
  if (list) list.push(t); else TITLES_BY_FIRST.set(t[0]!, [t]);
}

// Zero-width spaces and BOMs (web copies scatter them between characters) count as spaces here.
const INLINE = /([一二三四五六七八九十]{1,3})[ \t\u3000\u200b\ufeff]*([、.．])[ \t\u3000\u200b\ufeff]*/g;

/** Where `title` ends when it starts at `at` in `text`, zero-width characters inside it skipped; -1 if it does not. */
function titleEnd(text: string, title: string, at: number): number {
  let i = at;
  for (let k = 0; k < title.length; k++, i++) {
    if (k > 0) while (isZeroWidth(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== title.charCodeAt(k)) return -1;
  }
  return i;
}

export interface Collapsed {
  line: Span;
  headings: Heading[];
  /** Offsets where a line break belongs: before each inline heading and table run. */
  breaks: number[];
  /** The tables seen as runs of words and digits (unreadable: their cells ran together). */
  tables: Table[];
}

/** The inline section headings of one long line, in order, with rising numbers. */
function inlineHeadings(src: SourceText, line: LineInfo): Heading[] {
  // Searched in the line's own text (a failed search on the whole text would scan to its end).
  const text = line.text.length > MAX_SCAN ? line.text.slice(0, MAX_SCAN) : line.text;
  const base = line.start;
  const out: Heading[] = [];
  let last = 0;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) {
    const ordinal = cnNumber(m[1]!);
    if (!(ordinal > last) || ordinal > last + 3) continue;
    // A numeral right after another CJK numeral is part of a longer number ("十一、"): skip.
    const before = m.index > 0 ? text[m.index - 1]! : '';
    if (/[一二三四五六七八九十]/.test(before)) continue;
    const at = m.index + m[0].length;
    let end = -1;
    const title = TITLES_BY_FIRST.get(text[at] ?? '')?.find((t) => (end = titleEnd(text, t, at)) >= 0);
    if (!title) continue;
    out.push({
      level: 1, style: m[2] === '、' ? 'cn-dun' : 'cn-dot', ordinal,
      span: { start: base + m.index, end: base + end },
      markerSpan: { start: base + m.index, end: base + m.index + m[0].replace(/[ \t\u3000\u200b\ufeff]+$/, '').length },
      titleSpan: { start: base + at, end: base + end },
      title, markdownLevel: 0,
    });
    last = ordinal;
    INLINE.lastIndex = end;
  }
  return out;
}

/** Words that open a table run inside a collapsed line, and the table they open. */
const TABLE_OPENERS: readonly { re: RegExp; key: TableKey }[] = [
  { re: openerRe(['第二十条第（一）项']), key: 'T2.1' },
  { re: openerRe(['（本列数据的勾稽关系', '申请人情况', '本年新收政府信息公开申请数量']), key: 'T3' },
  { re: openerRe(['行政复议 行政诉讼', '结果维持']), key: 'T4' },
];

/**
 * A global regex for any of `words`, each character allowed to be followed by zero-width characters
 * (web copies); a bracket matches either width, a space any run of white space or table pipes.
 */
function openerRe(words: readonly string[]): RegExp {
  const ZW = '[\\u200b\\ufeff]*';
  const char = (c: string) =>
    c === '（' ? '[（(]' : c === '）' ? '[）)]' : c === ' ' ? '[\\s|｜]*' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(words.map((w) => [...w].map(char).join(ZW)).join('|'), 'g');
}

/**
 * Reads a text whose body ran together: returns null unless some long line holds at least two
 * inline section headings (the first may open the line).
 */
export function findCollapsed(src: SourceText): Collapsed | null {
  for (let li = 0; li < src.lineCount; li++) {
    if (src.lineEnd(li) - src.lineStart(li) < MIN_COLLAPSED) continue;
    const line = src.line(li);
    const headings = inlineHeadings(src, line);
    if (headings.length < 2) continue;
    const text = src.text;
    const breaks: number[] = [];
    const tables: Table[] = [];
    const lead = line.start + (line.text.length - line.text.trimStart().length);
    for (let i = 0; i < headings.length; i++) {
      const h = headings[i]!;
      if (h.span.start > lead) breaks.push(h.span.start);
      // Body text right after the title goes to a line of its own (a heading line holds the heading only).
      if (text.slice(h.span.end, Math.min(line.end, h.span.end + 200)).trim() !== '') breaks.push(h.span.end);
      const sectionEnd = i + 1 < headings.length ? headings[i + 1]!.span.start : line.end;
      // The earliest table opener in the section (one table run per section).
      let found: { at: number; key: TableKey } | null = null;
      const body = text.slice(0, sectionEnd);
      for (let k = 0; k < TABLE_OPENERS.length; k++) { // indexed: for-of allocates in the CLI's unoptimised tiers
        const o = TABLE_OPENERS[k]!;
        o.re.lastIndex = h.span.end;
        const m = o.re.exec(body);
        if (m && (!found || m.index < found.at)) found = { at: m.index, key: o.key };
      }
      if (!found) continue;
      let at = found.at;
      // A Markdown table starts at its first pipe.
      while (at > h.span.end && /[|\s]/.test(text[at - 1]!)) at--;
      breaks.push(at);
      const t = emptyTable('flattened', found.key, { start: at, end: sectionEnd });
      t.readable = false;
      t.reading = { level: 'unreadable', notes: [{ kind: 'unread', reason: 'collapsed', span: { start: at, end: sectionEnd } }] };
      tables.push(t);
    }
    breaks.sort((a, b) => a - b);
    return { line: { start: line.start, end: line.end }, headings, breaks, tables };
  }
  return null;
}

/** The openers anchored where they are tried (a table run starts with one). */
const STICKY_OPENERS = TABLE_OPENERS.map((o) => ({ re: new RegExp(o.re.source, 'y'), key: o.key }));

/** Digits in a line that makes it a table run rather than prose. */
const RUN_DIGITS = 12;

/**
 * Table runs on lines of their own (a collapsed body split at its headings, or copied so): a line
 * that opens with a table's first words and holds many digits but no cell separator. Unreadable:
 * the digits of neighbouring cells ran together.
 */
export function findTableRuns(src: SourceText, taken: (line: number) => boolean): Table[] {
  const out: Table[] = [];
  for (let li = 0; li < src.lineCount; li++) {
    if (taken(li)) continue;
    const t = tableRunAt(src, li);
    if (t) out.push(t);
  }
  return out;
}

/** Line `li` as a table run, or null (findTableRuns' test of one line it has not taken). */
export function tableRunAt(src: SourceText, li: number): Table | null {
  const len = src.lineEnd(li) - src.lineStart(li);
  if (len < 40 || len > MAX_SCAN) return null;
  const line = src.line(li);
  let lead = 0;
  while (lead < line.text.length && isJsSpace(line.text.charCodeAt(lead))) lead++;
  let key: TableKey | null = null;
  for (let k = 0; k < STICKY_OPENERS.length; k++) { // indexed: for-of allocates in the CLI's unoptimised tiers
    const o = STICKY_OPENERS[k]!;
    o.re.lastIndex = lead;
    if (o.re.test(line.text)) { key = o.key; break; }
  }
  if (!key || /[\t|]/.test(line.text)) return null;
  let digits = 0;
  for (let i = 0; i < line.text.length && digits < RUN_DIGITS; i++) { const c = line.text.charCodeAt(i); if (c >= 48 && c <= 57) digits++; }
  if (digits < RUN_DIGITS) return null;
  const span = { start: line.start + lead, end: line.start + line.text.trimEnd().length };
  const t = emptyTable('flattened', key, span);
  t.readable = false;
  t.reading = { level: 'unreadable', notes: [{ kind: 'unread', reason: 'flattened', span }] };
  return t;
}
