/**
 * What assembleReport derives line by line (headings, the lines tables cover), and how the
 * incremental parser carries it over to the next version: a line's heading depends only on its
 * text, its offset and whether a table covers it, so only the changed lines and those whose table
 * cover changed are read again; the others are the previous results, moved.
 */
import type { Heading } from '../model/types';
import { detachString } from '../text/memo';
import type { SourceText } from '../text/source';
import { mayBeHeading, parseHeadingLine, MAX_TITLE } from './headings';
import type { Marker } from './version';

/** Lines longer than this are never headings (and keep pathological input cheap). */
const MAX_HEADING_LINE = 5000;

/** What assembly derived line by line, kept by the incremental parser for the next version. */
export interface LineResults {
  /** The headings read from single lines (not a collapsed body's), in order, and their lines. */
  headings: Heading[];
  headingLines: number[];
  /** The lines covered by tables (their headings are not read): [start, end) pairs, sorted, disjoint, not touching. */
  cover: number[];
  /** findMarkers of the text. */
  markers: Marker[];
  /** The lines of the table runs found (findTableRuns; null when a collapsed body was read instead). */
  runLines: number[] | null;
  /** The lines covered by the tables read before the runs (findTableRuns skips them), as `cover`. */
  readCover: number[];
}

/**
 * How the previous version's lines map onto the new text's: new lines [from, to) may differ;
 * a new line i < from is old line i (same offsets); i >= to is old line i - lineDelta, moved by delta.
 */
export interface LineReuse {
  prev: LineResults;
  from: number;
  to: number;
  lineDelta: number;
  delta: number;
  /** The changed stretch: [start, oldEnd) of the previous text is [start, newEnd) of this one. */
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The heading of line `i`, if it holds one (table lines are the caller's to skip). */
function headingOf(source: SourceText, i: number, keep: boolean): Heading | null {
  const start = source.lineStart(i);
  const end = source.lineEnd(i);
  const len = end - start;
  if (len > MAX_HEADING_LINE || len === 0) return null;
  if (!mayBeHeading(source.text, start, end)) return null; // most lines: no line object
  const h = parseHeadingLine(source.line(i));
  if (!h || h.title.length > MAX_TITLE) return null;
  if (keep) h.title = detachString(h.title);
  return h;
}

export function scanHeadings(source: SourceText, tableLine: Uint8Array, cover: number[], keep: boolean): LineResults {
  const headings: Heading[] = [];
  const headingLines: number[] = [];
  for (let i = 0; i < source.lineCount; i++) {
    // Table lines never hold headings: skipped by index before parsing (a heading starts on its own line).
    if (tableLine[i] === 1) continue;
    const h = headingOf(source, i, keep);
    if (h) { headings.push(h); headingLines.push(i); }
  }
  return { headings, headingLines, cover, markers: [], runLines: null, readCover: [] };
}

/** Appends [a, b) to sorted intervals, merged with the last one when they overlap or touch. */
export function addInterval(list: number[], a: number, b: number): void {
  if (b <= a) return;
  const n = list.length;
  if (n > 0 && a <= list[n - 1]!) list[n - 1] = Math.max(list[n - 1]!, b);
  else list.push(a, b);
}

/** The lines in exactly one of two interval lists (addInterval's form), in the same form. */
function xorIntervals(x: readonly number[], y: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let inX = false;
  let inY = false;
  let open = -1;
  while (i < x.length || j < y.length) {
    const px = i < x.length ? x[i]! : Infinity;
    const py = j < y.length ? y[j]! : Infinity;
    const p = Math.min(px, py);
    if (px === p) { inX = !inX; i++; }
    if (py === p) { inY = !inY; j++; }
    if (inX !== inY) { if (open < 0) open = p; } else if (open >= 0) { addInterval(out, open, p); open = -1; }
  }
  return out;
}

/**
 * The lines to read again: the changed lines [from, to) and those whose cover changed (the
 * previous cover moved to the new lines, against the new one), as intervals.
 */
export function dirtyLines(prevCover: readonly number[], cover: readonly number[], { from, to, lineDelta }: LineReuse): number[] {
  const oldTo = to - lineDelta; // old lines [from, oldTo) are replaced by new lines [from, to)
  const moved: number[] = [];
  for (let k = 0; k < prevCover.length; k += 2) {
    const a = prevCover[k]!;
    const b = prevCover[k + 1]!;
    addInterval(moved, a, Math.min(b, from));
    addInterval(moved, Math.max(a, oldTo) + lineDelta, b + lineDelta);
  }
  const changed = xorIntervals(moved, cover);
  const dirty: number[] = [];
  let inserted = from >= to;
  for (let k = 0; k < changed.length; k += 2) {
    if (!inserted && from <= changed[k]!) { addInterval(dirty, from, to); inserted = true; }
    addInterval(dirty, changed[k]!, changed[k + 1]!);
  }
  if (!inserted) addInterval(dirty, from, to);
  return dirty;
}

/**
 * Walks the previous results' lines (`prevLines`, sorted) and the `dirty` intervals in line
 * order: `keep(k, i)` for the previous result k, now on line i, outside every dirty interval;
 * `read(i)` for each line of a dirty interval. No work per unchanged line.
 */
export function reuseByLine(dirty: readonly number[], prevLines: readonly number[], { from, to, lineDelta }: LineReuse,
  keep: (k: number, i: number) => void, read: (i: number) => void): void {
  const oldTo = to - lineDelta;
  /** The new line of old line j; -1 when it was replaced. */
  const lineOf = (j: number): number => (j < from ? j : j >= oldTo ? j + lineDelta : -1);
  let k = 0;
  for (let d = 0; d < dirty.length; d += 2) {
    const ds = dirty[d]!;
    const de = dirty[d + 1]!;
    for (; k < prevLines.length; k++) {
      const i = lineOf(prevLines[k]!);
      if (i < 0) continue;
      if (i >= ds) break;
      keep(k, i);
    }
    for (; k < prevLines.length && lineOf(prevLines[k]!) < de; k++); // replaced, or read again below
    for (let i = ds; i < de; i++) read(i);
  }
  for (; k < prevLines.length; k++) {
    const i = lineOf(prevLines[k]!);
    if (i >= 0) keep(k, i);
  }
}

/** scanHeadings(source, tableLine), re-reading only the changed lines and those whose table cover changed. */
export function reuseHeadings(source: SourceText, tableLine: Uint8Array, cover: number[], reuse: LineReuse): LineResults {
  const headings: Heading[] = [];
  const headingLines: number[] = [];
  const ph = reuse.prev.headings;
  const { from, delta } = reuse;
  reuseByLine(dirtyLines(reuse.prev.cover, cover, reuse), reuse.prev.headingLines, reuse,
    (k, i) => {
      headings.push(i < from || delta === 0 ? ph[k]! : movedHeading(ph[k]!, delta));
      headingLines.push(i);
    },
    (i) => {
      if (tableLine[i] === 1) return;
      const h = headingOf(source, i, true);
      if (h) { headings.push(h); headingLines.push(i); }
    });
  return { headings, headingLines, cover, markers: [], runLines: null, readCover: [] };
}

/** A heading `delta` further on (fields in parseHeadingLine's order: one object shape). */
function movedHeading(h: Heading, delta: number): Heading {
  return {
    level: h.level, style: h.style, ordinal: h.ordinal,
    span: { start: h.span.start + delta, end: h.span.end + delta },
    markerSpan: { start: h.markerSpan.start + delta, end: h.markerSpan.end + delta },
    titleSpan: { start: h.titleSpan.start + delta, end: h.titleSpan.end + delta },
    title: h.title,
    markdownLevel: h.markdownLevel,
  };
}
