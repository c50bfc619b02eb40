/**
 * parseReport: text → ReportModel. Tables are located first (their row labels can look like
 * headings), then headings outside tables, sections, title, year and version.
 */
import { withMemoSlot } from '../model/objectMemo';
import type { ReportModel, Section, Table } from '../model/types';
import { LEGACY_LAST_YEAR } from '../standard/legacy';
import { decideCheckedVersion, versionForYear } from '../standard/versions';
import { SourceText, type Span } from '../text/source';
import { findCollapsed, findTableRuns, tableRunAt } from './collapsed';
import { buildSections, countLegacyHeadings } from './sections';
import { readTables } from './tables/index';
import { findPeriodYear, findTitle } from './title';
import { findMarkers, findMarkersAfterEdit, usedVersion } from './version';
import { addInterval, dirtyLines, reuseByLine, reuseHeadings, scanHeadings, type LineResults, type LineReuse } from './lineResults';

export function parseReport(text: string): ReportModel {
  const source = new SourceText(text);
  return assembleReport(source, readTables(source));
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
  // Pushed, not mapped, as buildSections' sections: one hidden class whatever tier built them.
  const tableSpans: Span[] = [];
  for (let k = 0; k < tables.length; k++) tableSpans.push(tables[k]!.span);
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
  // The fields that may be null are made null, then set: the first report then gives the hidden
  // class their general kind (a year first held as a small integer, a title first as one kind of
  // object, made general by a later report without them, throws out all code optimised on them).
  const model: ReportModel = withMemoSlot({
    source, title: null, year: null, yearSpan: null, markers,
    usedVersion: null,
    expectedVersion: null,
    checkedVersion: decideCheckedVersion(year, used),
    legacyStructure,
    version: null,
    collapsed: null,
    sections,
    headings: headings.filter((h) => h.level !== 1 || sectionHeadings.has(h)),
    tables: withMemoSlot(tables), tableSpans,
  });
  model.title = title;
  model.year = year;
  model.yearSpan = yearSpan;
  model.usedVersion = used;
  model.expectedVersion = expectedVersion;
  model.version = version;
  if (collapsed) model.collapsed = { line: collapsed.line, breaks: collapsed.breaks };
  return { model, lines };
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
