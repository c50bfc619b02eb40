/**
 * parseReport: text → ReportModel. Tables are located first (their row labels can look like
 * headings), then headings outside tables, sections, title, year and version.
 */
import type { Heading, ReportModel, Section, Table } from '../model/types';
import { LEGACY_LAST_YEAR } from '../standard/legacy';
import { decideCheckedVersion, versionForYear } from '../standard/versions';
import { detachString } from '../text/memo';
import { SourceText, type Span } from '../text/source';
import { mayBeHeading, parseHeadingLine, MAX_TITLE } from './headings';
import { findCollapsed, findTableRuns, tableRunAt } from './collapsed';
import { buildSections, countLegacyHeadings } from './sections';
import { readTables } from './tables/index';
import { findPeriodYear, findTitle } from './title';
import { findMarkers, findMarkersAfterEdit, usedVersion, type Marker } from './version';

/** Lines longer than this are never headings (and keep pathological input cheap). */
const MAX_HEADING_LINE = 5000;

export function parseReport(text: string): ReportModel {
  const source = new SourceText(text);
  return assembleReport(source, readTables(source));
}

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

/**
 * The model of `source` given `tables` = readTables(source) (a fresh array; it is extended). The
 * incremental parser (core/incremental) passes tables it read only where the text changed.
 */
export function assembleReport(source: SourceText, tables: Table[]): ReportModel {
  return assembleWithLines(source, tables, null, false).model;
}

/**
 * assembleReport, also returning its line results; with `reuse`, the headings of lines that are
 * unchanged and still outside (or still inside) tables are the previous ones (moved), not re-read
 * (a line's heading depends only on its text, its offset and whether a table covers it), and so
 * are the markers away from the change. `keep`: the line results are kept for later versions
 * (the incremental parser), so heading titles are copied off the text (a slice would keep this
 * version's whole text alive for as long as the heading is reused).
 */
export function assembleWithLines(source: SourceText, tables: Table[], reuse: LineReuse | null, keep: boolean): { model: ReportModel; lines: LineResults } {
  const text = source.text;
  // A body run together on one line: its inline headings and table runs (GR014, GR012).
  const collapsed = findCollapsed(source);
  let runLines: number[] | null = null;
  const readCover: number[] = [];
  if (collapsed) tables.push(...collapsed.tables);
  else {
    const read = new Uint8Array(source.lineCount);
    // Indexed loops in this function: for-of allocates per step in the CLI's unoptimised tiers.
    for (let k = 0; k < tables.length; k++) {
      const t = tables[k]!;
      const first = source.lineIndexAt(t.span.start);
      const last = source.lineIndexAt(Math.max(t.span.start, t.span.end - 1));
      for (let i = first; i <= last; i++) read[i] = 1;
      addInterval(readCover, first, last + 1);
    }
    if (reuse?.prev.runLines) {
      const prevLines = reuse.prev.runLines;
      const runs: Table[] = [];
      runLines = [];
      const found = (i: number, t: Table | null) => { if (t) { runs.push(t); runLines!.push(i); } };
      // A run is one line's: those away from the edit and from a changed cover are found again on their line alone.
      reuseByLine(dirtyLines(reuse.prev.readCover, readCover, reuse), prevLines, reuse,
        (_k, i) => found(i, tableRunAt(source, i)),
        (i) => { if (read[i] !== 1) found(i, tableRunAt(source, i)); });
      tables.push(...runs);
    } else {
      const runs = findTableRuns(source, (i) => read[i] === 1);
      runLines = runs.map((t) => source.lineIndexAt(t.span.start));
      tables.push(...runs);
    }
  }
  tables.sort((a, b) => a.span.start - b.span.start);
  const tableSpans: Span[] = tables.map((t) => t.span);
  // Lines covered by a table, so heading detection asks in O(1) (a 1 MB report has ~100 tables).
  const tableLine = new Uint8Array(source.lineCount);
  const cover: number[] = [];
  for (let k = 0; k < tableSpans.length; k++) {
    const s = tableSpans[k]!;
    const first = source.lineIndexAt(s.start);
    const last = source.lineIndexAt(Math.max(s.start, s.end - 1));
    for (let i = first; i <= last; i++) tableLine[i] = 1;
    addInterval(cover, first, last + 1);
  }

  const lines = reuse ? reuseHeadings(source, tableLine, cover, reuse) : scanHeadings(source, tableLine, cover, keep);
  let headings = lines.headings;
  if (collapsed) {
    headings = [...headings, ...collapsed.headings];
    headings.sort((a, b) => a.span.start - b.span.start);
  }
  const sections = buildSections(headings, headings, text.length);
  for (let k = 0; k < tables.length; k++) sectionAt(sections, tables[k]!.span.start)?.tables.push(tables[k]!);

  const title = findTitle(source);
  const period = findPeriodYear(source);
  const year = title?.year ?? period?.year ?? null;
  const yearSpan = title?.year ? title.yearSpan : period?.span ?? null;
  const markers = reuse ? findMarkersAfterEdit(source, reuse.prev.markers, reuse.start, reuse.oldEnd, reuse.newEnd) : findMarkers(source);
  lines.markers = markers;
  lines.runLines = runLines;
  lines.readCover = readCover;
  const legacyStructure = countLegacyHeadings(sections) >= 2;
  const sectionHeadings = new Set(sections.map((s) => s.heading));
  const expectedVersion = year === null ? null : versionForYear(year);
  const used = usedVersion(markers);
  const version = year !== null && year <= LEGACY_LAST_YEAR ? 'legacy' : expectedVersion ?? used;
  const model: ReportModel = {
    source, title, year, yearSpan, markers,
    usedVersion: used,
    expectedVersion,
    checkedVersion: decideCheckedVersion(year, used),
    legacyStructure,
    version,
    collapsed: collapsed ? { line: collapsed.line, breaks: collapsed.breaks } : null,
    sections,
    headings: headings.filter((h) => h.level !== 1 || sectionHeadings.has(h)),
    tables, tableSpans,
  };
  return { model, lines };
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

function scanHeadings(source: SourceText, tableLine: Uint8Array, cover: number[], keep: boolean): LineResults {
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
function addInterval(list: number[], a: number, b: number): void {
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
function dirtyLines(prevCover: readonly number[], cover: readonly number[], { from, to, lineDelta }: LineReuse): number[] {
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
function reuseByLine(dirty: readonly number[], prevLines: readonly number[], { from, to, lineDelta }: LineReuse,
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
function reuseHeadings(source: SourceText, tableLine: Uint8Array, cover: number[], reuse: LineReuse): LineResults {
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

/** The section whose span holds `offset` (binary search: sections are disjoint and in order). */
function sectionAt(sections: Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.span.start <= offset) lo = mid; else hi = mid - 1;
  }
  const s = sections[lo];
  return s && offset >= s.span.start && offset < s.span.end ? s : undefined;
}
