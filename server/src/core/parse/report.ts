/**
 * parseReport: text → ReportModel. Tables are located first (their row labels can look like
 * headings), then headings outside tables, sections, title, year and version.
 */
import type { Heading, ReportModel, Section, Table } from '../model/types';
import { LEGACY_LAST_YEAR } from '../standard/legacy';
import { decideCheckedVersion, versionForYear } from '../standard/versions';
import { SourceText, type Span } from '../text/source';
import { mayBeHeading, parseHeadingLine, MAX_TITLE } from './headings';
import { findCollapsed, findTableRuns } from './collapsed';
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
  /** 1 on lines covered by a table (their headings are not read). */
  tableLine: Uint8Array;
  /** findMarkers of the text. */
  markers: Marker[];
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
  return assembleWithLines(source, tables, null).model;
}

/**
 * assembleReport, also returning its line results; with `reuse`, the headings of lines that are
 * unchanged and still outside (or still inside) tables are the previous ones (moved), not re-read
 * (a line's heading depends only on its text, its offset and whether a table covers it), and so
 * are the markers away from the change.
 */
export function assembleWithLines(source: SourceText, tables: Table[], reuse: LineReuse | null): { model: ReportModel; lines: LineResults } {
  const text = source.text;
  // A body run together on one line: its inline headings and table runs (GR014, GR012).
  const collapsed = findCollapsed(source);
  if (collapsed) tables.push(...collapsed.tables);
  else {
    const read = new Uint8Array(source.lineCount);
    // Indexed loops in this function: for-of allocates per step in the CLI's unoptimised tiers.
    for (let k = 0; k < tables.length; k++) {
      const t = tables[k]!;
      const last = source.lineIndexAt(Math.max(t.span.start, t.span.end - 1));
      for (let i = source.lineIndexAt(t.span.start); i <= last; i++) read[i] = 1;
    }
    tables.push(...findTableRuns(source, (i) => read[i] === 1));
  }
  tables.sort((a, b) => a.span.start - b.span.start);
  const tableSpans: Span[] = tables.map((t) => t.span);
  // Lines covered by a table, so heading detection asks in O(1) (a 1 MB report has ~100 tables).
  const tableLine = new Uint8Array(source.lineCount);
  for (let k = 0; k < tableSpans.length; k++) {
    const s = tableSpans[k]!;
    const last = source.lineIndexAt(Math.max(s.start, s.end - 1));
    for (let i = source.lineIndexAt(s.start); i <= last; i++) tableLine[i] = 1;
  }

  const lines = reuse ? reuseHeadings(source, tableLine, reuse) : scanHeadings(source, tableLine);
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
function headingOf(source: SourceText, i: number): Heading | null {
  const start = source.lineStart(i);
  const end = source.lineEnd(i);
  const len = end - start;
  if (len > MAX_HEADING_LINE || len === 0) return null;
  if (!mayBeHeading(source.text, start, end)) return null; // most lines: no line object
  const h = parseHeadingLine(source.line(i));
  return h && h.title.length <= MAX_TITLE ? h : null;
}

function scanHeadings(source: SourceText, tableLine: Uint8Array): LineResults {
  const headings: Heading[] = [];
  const headingLines: number[] = [];
  for (let i = 0; i < source.lineCount; i++) {
    // Table lines never hold headings: skipped by index before parsing (a heading starts on its own line).
    if (tableLine[i] === 1) continue;
    const h = headingOf(source, i);
    if (h) { headings.push(h); headingLines.push(i); }
  }
  return { headings, headingLines, tableLine, markers: [] };
}

/** scanHeadings(source, tableLine), re-reading only the lines that changed or whose table cover did. */
function reuseHeadings(source: SourceText, tableLine: Uint8Array, { prev, from, to, lineDelta, delta }: LineReuse): LineResults {
  const headings: Heading[] = [];
  const headingLines: number[] = [];
  const ph = prev.headings;
  const pl = prev.headingLines;
  const pm = prev.tableLine;
  let k = 0;
  for (let i = 0; i < source.lineCount; i++) {
    let read = i >= from && i < to;
    let old: Heading | null = null;
    if (!read) {
      const j = i < from ? i : i - lineDelta;
      while (k < pl.length && pl[k]! < j) k++;
      if (tableLine[i] !== pm[j]) read = true;
      else if (k < pl.length && pl[k] === j) old = ph[k]!;
    }
    if (read) {
      if (tableLine[i] === 1) continue;
      const h = headingOf(source, i);
      if (h) { headings.push(h); headingLines.push(i); }
    } else if (old) {
      headings.push(i < from || delta === 0 ? old : movedHeading(old, delta));
      headingLines.push(i);
    }
  }
  return { headings, headingLines, tableLine, markers: [] };
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
