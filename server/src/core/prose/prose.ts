/**
 * The prose of a report: its text outside tables as one flat string with an offset map back to
 * the source, split into sentences (with their section and paragraph). Linear in the text.
 *
 * `buildProse` joins the non-table lines. Lines wrapped inside a sentence (PDF text) are joined;
 * blank lines, headings, list items and tables end a paragraph; PDF page numbers ("-1-") are
 * skipped. Sentences end at 。！？ and at paragraph ends.
 */
import type { ReportModel } from '../model/types';
import type { SectionKey } from '../standard/types';
import type { Span } from '../text/source';
import { isJsSpace } from '../text/chars';

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

function isAsciiDigit(c: string | undefined): boolean {
  return !!c && c >= '0' && c <= '9' && c.length === 1;
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

/**
 * The offset map is written into this buffer, kept between calls, and copied out at its exact
 * length: a fresh, zeroed typed array per call (and its growth) cost more than the copy.
 */
let scratchMap = new Int32Array(1 << 12);
/** A larger buffer is not kept (bounded memory). */
const MAX_SCRATCH = 1 << 20;

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
  let map = scratchMap;
  let n = 0;
  /** Room for `k` more entries and the final one. */
  const reserve = (k: number) => {
    if (n + k < map.length) return;
    const bigger = new Int32Array(Math.max(map.length * 2, n + k + 1));
    bigger.set(map.subarray(0, n));
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
    // Words wrapped over lines get a space; a number wrapped over lines ("共计11⏎465条", PDF text)
    // is one number, as the reader sees it, so digits join.
    else if (isAsciiAlnum(lastChar) && isAsciiAlnum(content[0]) && !(isAsciiDigit(lastChar) && isAsciiDigit(content[0]))) { chunks.push(' '); put(line.start - 1); }
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
  if (map.length <= MAX_SCRATCH) scratchMap = map;
  const prose: Prose = { text: out, map: map.slice(0, n), sentences: [] };
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


const HAS_SPACE_RE = /\s/;

/** A sentence for a message: flat, at most `max` characters. */
export function quote(text: string, max = 60): string {
  // Most sentences hold no white space at all: then there is nothing to collapse or trim.
  const t = HAS_SPACE_RE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
