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
import { findMarkers, usedVersion } from './version';

/** Lines longer than this are never headings (and keep pathological input cheap). */
const MAX_HEADING_LINE = 5000;

export function parseReport(text: string): ReportModel {
  const source = new SourceText(text);
  return assembleReport(source, readTables(source));
}

/**
 * The model of `source` given `tables` = readTables(source) (a fresh array; it is extended). The
 * incremental parser (core/incremental) passes tables it read only where the text changed.
 */
export function assembleReport(source: SourceText, tables: Table[]): ReportModel {
  const text = source.text;
  // A body run together on one line: its inline headings and table runs (GR014, GR012).
  const collapsed = findCollapsed(source);
  if (collapsed) tables.push(...collapsed.tables);
  else {
    const read = new Uint8Array(source.lineCount);
    // Indexed loops in this function: for-of allocates per step in the CLI's unoptimised tiers.
    for (let k = 0; k < tables.length; k++) {
      const t = tables[k]!;
      for (let i = source.lineIndexAt(t.span.start); i <= source.lineIndexAt(Math.max(t.span.start, t.span.end - 1)); i++) read[i] = 1;
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

  const headings: Heading[] = [];
  for (let i = 0; i < source.lineCount; i++) {
    // Table lines never hold headings: skipped by index before parsing (a heading starts on its own line).
    const len = source.lineEnd(i) - source.lineStart(i);
    if (len > MAX_HEADING_LINE || len === 0 || tableLine[i] === 1) continue;
    if (!mayBeHeading(text, source.lineStart(i), source.lineEnd(i))) continue; // most lines: no line object
    const h = parseHeadingLine(source.line(i));
    if (h && h.title.length <= MAX_TITLE) headings.push(h);
  }
  if (collapsed) {
    headings.push(...collapsed.headings);
    headings.sort((a, b) => a.span.start - b.span.start);
  }
  const sections = buildSections(headings, headings, text.length);
  for (let k = 0; k < tables.length; k++) sectionAt(sections, tables[k]!.span.start)?.tables.push(tables[k]!);

  const title = findTitle(source);
  const period = findPeriodYear(source);
  const year = title?.year ?? period?.year ?? null;
  const yearSpan = title?.year ? title.yearSpan : period?.span ?? null;
  const markers = findMarkers(source);
  const legacyStructure = countLegacyHeadings(sections) >= 2;
  const sectionHeadings = new Set(sections.map((s) => s.heading));
  const expectedVersion = year === null ? null : versionForYear(year);
  const used = usedVersion(markers);
  const version = year !== null && year <= LEGACY_LAST_YEAR ? 'legacy' : expectedVersion ?? used;
  return {
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
