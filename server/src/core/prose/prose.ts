/**
 * The prose of a report: its text outside tables as one flat string with an offset map back to
 * the source, split into sentences (with their section and paragraph). Linear in the text.
 *
 * `buildProse` joins the non-table lines. Lines wrapped inside a sentence (PDF text) are joined;
 * blank lines, headings, list items and tables end a paragraph; PDF page numbers ("-1-") are
 * skipped. Sentences end at 。！？ and at paragraph ends. The line scan (scanLines) records its
 * state at every line start, so that an edited version re-scans only around the edit
 * (incremental/proseCache.ts).
 */
import type { ReportModel } from '../model/types';
import type { SectionKey } from '../standard/types';
import type { SourceText, Span } from '../text/source';
import { isJsSpace, isSpaceOrZeroWidth, isZeroWidth, mayOpenPageNumber } from '../text/chars';
import { ProseMap, RunBuilder } from './proseMap';

// ---------------------------------------------------------------------------------------------
// Prose: the flat text of the report outside its tables

/**
 * One object per sentence: its source range is two numbers, `span` is made when asked (few readers:
 * a message's position). A 1 MB report has ~3 300 sentences, moved on every edit before the end
 * (incremental/proseCache.ts); a Span object each was half the objects the scavenger copied.
 */
export class Sentence {
  /** Range in the flat prose text. */
  readonly start: number;
  readonly end: number;
  /** Range in the source. */
  readonly spanStart: number;
  readonly spanEnd: number;
  /** Flat text of the sentence (line breaks removed), trimmed. */
  readonly text: string;
  /** Standard section the sentence lies in, if any. */
  readonly section: SectionKey | null;
  /** Index of the paragraph (sentences of one paragraph share it). */
  readonly paragraph: number;

  constructor(start: number, end: number, spanStart: number, spanEnd: number, text: string, section: SectionKey | null, paragraph: number) {
    this.start = start;
    this.end = end;
    this.spanStart = spanStart;
    this.spanEnd = spanEnd;
    this.text = text;
    this.section = section;
    this.paragraph = paragraph;
  }

  /** Range in the source (a new object per call). */
  get span(): Span {
    return { start: this.spanStart, end: this.spanEnd };
  }
}

export interface Prose {
  /** Flat text: prose lines joined, "\n" at paragraph ends. */
  text: string;
  /** Flat index → source offset (runs; at(text.length) is the source's length). */
  map: ProseMap;
  sentences: Sentence[];
}

/** Source span of a flat range [a, b). */
export function spanOf(prose: Prose, a: number, b: number): Span {
  if (b <= a) { const o = prose.map.at(a) ?? 0; return { start: o, end: o }; }
  return { start: prose.map.at(a)!, end: prose.map.at(b - 1)! + 1 };
}

const PAGE_NUMBER_RE = /^[\s\-—－–]*(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?)[\s\-—－–]*$/;
const TABLE_LIKE_RE = /\t|[ \u3000]{4,}|^\|.*\|$/;
/**
 * A zero-width character or what TABLE_LIKE_RE matches: a line where this finds nothing has no
 * zero-width character to remove and is not table-like (proseLineContent).
 */
const ZERO_WIDTH_OR_TABLE_LIKE_RE = /[\u200b\ufeff\t]|[ \u3000]{4,}|^\|.*\|$/;
const LIST_START_RE = /^(?:[#>|]|[-*+]\s)/;
/** Prose read per document at most (a real report has well under 200 000 characters). */
export const MAX_PROSE_CHARS = 1_000_000;
/** Longer lines are not prose (pasted data, minified text): skipped, which keeps huge input cheap. */
const MAX_PROSE_LINE = 20000;
/** A paragraph continues over at most this many blank / page-number lines (PDF page breaks). */
const MAX_GAP_LINES = 4;

/** [0-9A-Za-z] (a UTF-16 code; -1 or NaN for none). */
function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
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

// Line kinds (lineKinds): what the scan reads of a line besides its text.
/** The line starts inside a table. */
const IN_TABLE = 1;
/** A heading starts at the line's start or first non-space character. */
const HEADING = 2;
/** That heading (or the title) is all the line holds: it ends its paragraph. */
const HEADING_ONLY = 4;

/** lineKinds[i]: what line i is besides its text (IN_TABLE | HEADING | HEADING_ONLY). */
export function lineKinds(model: ReportModel): Uint8Array {
  return lineKindsInto(model, new Uint8Array(model.source.lineCount));
}

/**
 * buildProse's line kinds, read by its scan only: one array reused from report to report (a new
 * typed array per analysis was about 2% of a typical report's facts); larger ones are not kept.
 * Empty at first, so the first report grows it before buildProse is optimised (see AFTER_QIZHONG).
 */
let scratchKinds = new Uint8Array(0);
const MAX_SCRATCH_KINDS = 1 << 16;

/** lineKinds in `kinds` (zeros, at least lineCount long). */
function lineKindsInto(model: ReportModel, kinds: Uint8Array): Uint8Array {
  const src = model.source;
  // The lines starting inside a table span: a range found by two binary searches and filled natively
  // (the server runs this once per edit, often before it is optimised: a call per line cost ms on 1 MB).
  // Only IN_TABLE bits are set so far, so fill is the same as or-ing it in.
  for (const s of model.tableSpans) {
    if (s.end <= s.start) continue;
    let first = src.lineIndexAt(s.start);
    if (src.lineStart(first) < s.start) first++;
    const last = src.lineIndexAt(s.end - 1); // the last line starting before s.end
    if (first <= last) kinds.fill(IN_TABLE, first, last + 1);
  }
  const text = src.text;
  /** Marks the line of `offset` when the offset is its start or its first non-space character. */
  const mark = (offset: number, kind: number) => {
    const i = src.lineIndexAt(offset);
    // Read in the source text: a LineInfo (and its text slice) per heading was garbage.
    const start = src.lineStart(i);
    const end = src.lineEnd(i);
    let a = start;
    while (a < end && isJsSpace(text.charCodeAt(a))) a++;
    if (offset === start || offset === a) kinds[i] = kinds[i]! | kind;
  };
  for (const h of model.headings) {
    mark(h.span.start, HEADING);
    if (onlyHeadingEnd(src.text, h.titleSpan.end, h.span.end)) mark(h.span.start, HEADING_ONLY);
  }
  if (model.title) {
    const i = src.lineIndexAt(model.title.span.end);
    kinds[i] = kinds[i]! | HEADING_ONLY;
  }
  return kinds;
}

/** Scan state flags (ScanRecord.flags). */
const PREV_HEADING_ONLY = 1;
const HAS_CONTENT = 2;
/** The last thing written is a paragraph break. */
const LAST_NL = 4;

/**
 * The scan's state at the start of each line (and once past the last): all that the output of the
 * lines from there on depends on besides their text and kind. An edited version resumes the scan
 * at a line before the edit and stops where its state meets the old version's again
 * (incremental/proseCache.ts).
 */
export interface ScanRecord {
  /** Flat length written before the line. */
  flatAt: Int32Array;
  /** Blank / page-number lines pending. */
  gap: Int32Array;
  flags: Uint8Array;
  /** Code of the last prose character written, -1 before any. */
  last: Int32Array;
}

export function newScanRecord(lines: number): ScanRecord {
  return { flatAt: new Int32Array(lines + 1), gap: new Int32Array(lines + 1), flags: new Uint8Array(lines + 1), last: new Int32Array(lines + 1).fill(-1) };
}

/** The offset map's runs are written here, kept between calls; callers copy them out. */
let scratchRuns = new RunBuilder(1 << 10);
/** Larger run arrays are not kept (bounded memory). */
const MAX_SCRATCH = 1 << 16;

export interface ScanOut {
  /**
   * Flat text written, and its offset map's runs (flat 0 is rec.flatAt[from]). The runs are the
   * scratch builder's, valid until the next scan: callers copy them where they go.
   */
  text: string;
  runs: RunBuilder;
  /** The line the scan stopped at (its state is recorded). */
  end: number;
  /**
   * `text` in flat strings of whole paragraphs, in order (each but the last ends with a "\n"):
   * `text` is their concatenation, which V8 leaves unflattened until something reads it all.
   */
  groups: string[];
}

/**
 * A group is closed at the first paragraph end past this many characters. Every string of at most
 * 64 Ki two-byte characters is a young-generation object; a longer one goes to the large-object
 * space, which costs 1–2.5 ms per allocation on the shared host (fresh pages: the flat prose of a
 * 1 MB report alone was a quarter of buildProse). Sentences slice their group, so nothing in an
 * analysis needs the prose flat (gr303 flattens it when it runs).
 */
const GROUP_CHARS = 1 << 14;

/** chunks joined into groups of whole paragraphs (see ScanOut.groups), appended to `groups`; returns their concatenation. */
function joinGroups(chunks: string[], groups: string[]): string {
  let text = '';
  let from = 0;
  let size = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    size += c.length;
    if (size >= GROUP_CHARS && c === '\n') {
      const g = from === k ? c : chunks.slice(from, k + 1).join('');
      groups.push(g);
      text += g;
      from = k + 1;
      size = 0;
    }
  }
  if (from < chunks.length) {
    const g = from === 0 ? chunks.join('') : from === chunks.length - 1 ? chunks[from]! : chunks.slice(from).join('');
    groups.push(g);
    text += g;
  }
  return text;
}

// One regex for the search and the removal: replace() starts from lastIndex 0 and leaves it there.
const ZERO_WIDTH_RE = /[\u200b\ufeff]/g;
/** Whether s holds a zero-width character: one search (two indexOf read each line twice, 2.5 times as long). */
function hasZeroWidth(s: string): boolean {
  ZERO_WIDTH_RE.lastIndex = 0;
  return ZERO_WIDTH_RE.test(s);
}

/**
 * The prose of a trimmed line: the line without the zero-width characters a web copy scattered
 * between characters (the offset map skips them), so words and figures read as typed; null for a
 * table-like line (tabs, wide space runs) that the table reader did not claim: not prose.
 */
export function proseLineContent(trimmed: string): string | null {
  // Most lines hold neither: one search clears both tests, each made only after a match.
  if (!ZERO_WIDTH_OR_TABLE_LIKE_RE.test(trimmed)) return trimmed;
  const content = hasZeroWidth(trimmed) ? trimmed.replace(ZERO_WIDTH_RE, '') : trimmed;
  return TABLE_LIKE_RE.test(content) ? null : content;
}

/**
 * Scans lines from `from` (its state read from `rec`) until `stop(i)` says to stop at line i or the
 * lines end, recording the state at each line start in `rec` (unless `record` is false). Linear in
 * the lines scanned.
 */
export function scanLines(src: SourceText, kinds: Uint8Array, rec: ScanRecord, from: number, stop?: (i: number) => boolean, record = true): ScanOut {
  const lineCount = src.lineCount;
  const chunks: string[] = [];
  const runs = scratchRuns;
  runs.n = 0;
  /** Flat characters written. */
  let n = 0;
  const put = (o: number) => {
    runs.push(n++, o);
  };
  const base = rec.flatAt[from]!;
  let pendingGap = rec.gap[from]!;
  let flags = rec.flags[from]!;
  let lastChar = rec.last[from]!;
  const hardBreak = (at: number) => {
    if ((flags & (HAS_CONTENT | LAST_NL)) === HAS_CONTENT) { chunks.push('\n'); put(at); flags |= LAST_NL; }
    pendingGap = 0;
  };
  let total = base;
  const text = src.text;
  let li = from;
  for (; li < lineCount; li++) {
    if (record) {
      rec.flatAt[li] = base + n;
      rec.gap[li] = pendingGap;
      rec.flags[li] = flags;
      rec.last[li] = lastChar;
    }
    if (li > from && stop?.(li)) break;
    if (total > MAX_PROSE_CHARS) break;
    const lineStart = src.lineStart(li);
    const kind = kinds[li]!;
    if (kind & IN_TABLE) { hardBreak(lineStart); flags &= ~PREV_HEADING_ONLY; continue; }
    // Read in the source text by offsets: a slice of every line (and a second one of its trimmed
    // content) was garbage; only the content is sliced.
    let a = lineStart;
    let b = src.lineEnd(li);
    while (a < b && isSpaceOrZeroWidth(text.charCodeAt(a))) a++;
    while (b > a && isSpaceOrZeroWidth(text.charCodeAt(b - 1))) b--;
    // PAGE_NUMBER_RE needs a dash or 第 first (a U+200B skipped here fails it anyway).
    if (a === b || (mayOpenPageNumber(text.charCodeAt(a)) && PAGE_NUMBER_RE.test(src.lineText(li)))) {
      pendingGap++;
      if (pendingGap > MAX_GAP_LINES) hardBreak(lineStart);
      continue;
    }
    if (b - a > MAX_PROSE_LINE) { hardBreak(lineStart); flags &= ~PREV_HEADING_ONLY; continue; }
    const content = proseLineContent(text.slice(a, b));
    if (content === null) { hardBreak(lineStart); flags &= ~PREV_HEADING_ONLY; continue; }
    const zeroWidth = content.length !== b - a;
    const brk = !(flags & HAS_CONTENT) || (flags & LAST_NL) || (kind & HEADING) || (flags & PREV_HEADING_ONLY)
      || LIST_START_RE.test(content) || (pendingGap > 0 && isTerminal(lastChar));
    if (brk) hardBreak(lineStart);
    // Words wrapped over lines get a space; a number wrapped over lines ("共计11⏎465条", PDF text)
    // is one number, as the reader sees it, so digits join.
    else if (isAsciiAlnum(lastChar) && isAsciiAlnum(content.charCodeAt(0)) && !(isAsciiDigit(lastChar) && isAsciiDigit(content.charCodeAt(0)))) { chunks.push(' '); put(lineStart - 1); }
    pendingGap = 0;
    chunks.push(content);
    total += content.length;
    if (!zeroWidth) { runs.push(n, a); n += b - a; }
    else for (let i = a; i < b; i++) if (!isZeroWidth(text.charCodeAt(i))) put(i);
    lastChar = text.charCodeAt(b - 1);
    flags = (flags | HAS_CONTENT) & ~(LAST_NL | PREV_HEADING_ONLY);
    if (kind & HEADING_ONLY) flags |= PREV_HEADING_ONLY;
  }
  if (record && li === lineCount) {
    rec.flatAt[li] = base + n;
    rec.gap[li] = pendingGap;
    rec.flags[li] = flags;
    rec.last[li] = lastChar;
  }
  if (runs.flat.length > MAX_SCRATCH) scratchRuns = new RunBuilder(1 << 10);
  const groups: string[] = [];
  return { text: joinGroups(chunks, groups), runs, end: li, groups };
}

/**
 * The state before the first line, for a scan that records nothing (buildProse): only entry 0 is
 * read, and never written. A record per line (four typed arrays, four stores per line) is kept
 * only where an edit resumes the scan (incremental/proseCache.ts).
 */
const START_ONLY = newScanRecord(0);

export function buildProse(model: ReportModel): Prose {
  const lines = model.source.lineCount;
  if (lines > MAX_SCRATCH_KINDS) return buildProseRecorded(model, lineKinds(model), START_ONLY, false);
  if (scratchKinds.length < lines) scratchKinds = new Uint8Array(Math.max(lines, scratchKinds.length * 2));
  else scratchKinds.fill(0, 0, lines);
  return buildProseRecorded(model, lineKindsInto(model, scratchKinds), START_ONLY, false);
}

/** buildProse with the line kinds given and the scan recorded in `rec` (incremental/proseCache.ts) unless `record` is false. */
export function buildProseRecorded(model: ReportModel, kinds: Uint8Array, rec: ScanRecord, record = true): Prose {
  const src = model.source;
  const out = scanLines(src, kinds, rec, 0, undefined, record);
  const prose: Prose = { text: out.text, map: out.runs.build(out.text.length, src.text.length), sentences: [] };
  // Group by group (each ends at a paragraph end): prose.text itself is never read, so never made flat.
  const walk = new SectionWalk(model.sections);
  let at = 0;
  let paragraph = 0;
  for (const g of out.groups) {
    const next = splitSentences(prose, walk, at, paragraph, at + g.length - 1, { text: g, at });
    if (!next) break;
    at = next.next;
    paragraph = next.paragraph;
  }
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

/** The standard section whose span holds `offset`, walking `si` forward (offsets come in order). */
export class SectionWalk {
  private si = 0;
  constructor(private readonly sections: ReportModel['sections']) {}
  at(offset: number): SectionKey | null {
    const sections = this.sections;
    while (this.si + 1 < sections.length && sections[this.si + 1]!.span.start <= offset) this.si++;
    // Bounds checked, not read as undefined: a read past the end (no sections) deoptimises the sentence splitter.
    if (this.si >= sections.length) return null;
    const sec = sections[this.si]!;
    return offset >= sec.span.start && offset < sec.span.end ? sec.key : null;
  }
}

/** prose.text[at, at + text.length): the part of the text a re-split reads (incremental/proseCache.ts). */
export interface ProseWindow { text: string; at: number }

/**
 * Appends the sentences of prose.text from `from` (a paragraph start, numbered `paragraph`) to
 * prose.sentences. Stops after the first paragraph end at or after `until` and returns the offset
 * after it and the next paragraph's number; null when it reached the end of the text. With a
 * `window`, reads it instead of prose.text: it must reach from `from` to that paragraph end (or
 * the text's end).
 */
export function splitSentences(
  prose: Prose, sections: SectionWalk, from: number, paragraph: number, until = Infinity, window?: ProseWindow,
): { next: number; paragraph: number } | null {
  const text = window ? window.text : prose.text;
  /** Flat offset of text[0]. */
  const base = window ? window.at : 0;
  let s = from - base;
  const push = (a: number, b: number) => {
    while (a < b && isJsSpace(text.charCodeAt(a))) a++;
    while (b > a && isJsSpace(text.charCodeAt(b - 1))) b--;
    if (a >= b) return;
    const start = a + base;
    const end = b + base;
    const from = prose.map.at(start)!;
    prose.sentences.push(new Sentence(start, end, from, prose.map.at(end - 1)! + 1, text.slice(a, b), sections.at(from), paragraph));
  };
  // The regex engine finds the next break faster than a loop over every character; test, not exec:
  // a break is one code unit (it ends at lastIndex), and exec made a match array per sentence.
  SENTENCE_BREAK_RE.lastIndex = s;
  while (SENTENCE_BREAK_RE.test(text)) {
    const i = SENTENCE_BREAK_RE.lastIndex - 1;
    if (text.charCodeAt(i) === 0x0a) {
      push(s, i);
      s = i + 1;
      paragraph++;
      if (i + base >= until) return { next: s + base, paragraph };
      continue;
    }
    let j = i + 1;
    while (j < text.length && isCloser(text.charCodeAt(j))) j++;
    push(s, j);
    s = j;
    SENTENCE_BREAK_RE.lastIndex = j;
  }
  push(s, text.length);
  return null;
}

const HAS_SPACE_RE = /\s/;

/** A sentence for a message: flat, at most `max` characters. */
export function quote(text: string, max = 60): string {
  // Most sentences hold no white space at all: then there is nothing to collapse or trim.
  const t = HAS_SPACE_RE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
