/**
 * The report model: what the parser makes of a document. Every node keeps its exact source span
 * (UTF-16 offsets), so rules can point at the right characters and fixes can edit in place.
 */
import type { SectionKey, TableKey, VersionId } from '../standard/types';
import type { CellValue } from '../text/numbers';
import type { SourceText, Span } from '../text/source';

/** How a heading is numbered: "一、", "一.", "一．" for sections; "（一）", "(一)", "（1）", "1.", "1、" below. */
export type NumberingStyle = 'cn-dun' | 'cn-dot' | 'cn-paren' | 'num-paren' | 'num-dot' | 'num-dun';

export interface Heading {
  /** 1 = section (一、), 2 = （一）, 3 = 1. / 1、 */
  level: 1 | 2 | 3;
  style: NumberingStyle;
  /** The numeral as an integer (一 → 1, （3） → 3). */
  ordinal: number;
  /** Whole line content without leading/trailing white space. */
  span: Span;
  /** The numbering marker, e.g. "一、" or "（二）". */
  markerSpan: Span;
  /** The title after the marker (trailing "。" excluded); may be empty. */
  titleSpan: Span;
  title: string;
  /** Markdown heading marks ("## ") before the numbering, if any. */
  markdownLevel: number;
}

export type SectionMatch = 'exact' | 'alias' | 'fuzzy';

export interface Section {
  /** Which standard section this is; null for a legacy or unknown heading. */
  key: SectionKey | null;
  heading: Heading;
  match: SectionMatch | null;
  /** From the heading's start to the start of the next section heading (or end of text). */
  span: Span;
  /** Sub-headings inside the section, in order (levels 2 and 3). */
  subHeadings: Heading[];
  /** Tables that lie inside the section's span. */
  tables: Table[];
}

export type TableShape = 'markdown' | 'tsv' | 'cellPerLine' | 'spaceAligned' | 'flattened';

/**
 * One object per cell, its span flattened into it (start/end): a 1 MB report has ~20 K cells, live
 * through the whole analysis, and each object is one more for every scavenge to copy.
 * `cellSpan(cell)` (tables/cells.ts) makes a Span for code that hands one on.
 */
export interface Cell {
  /** Column key of the standard table (e.g. "natural", "review.total"), null if unmatched. */
  column: string | null;
  /** Raw cell text, trimmed. */
  text: string;
  /** Span of the trimmed text; for a blank cell, an empty span where a value would be typed. */
  start: number;
  end: number;
  value: CellValue;
}

export interface Row {
  /** Row key of the standard table (e.g. "disclosed", "withheld.prohibited"), null if unmatched. */
  key: string | null;
  /** The label text as written (all label cells joined), e.g. "2. 其他法律法规禁止公开". */
  label: string;
  /**
   * Span of the label text that identified the row (for GR108 replacement), flattened like the
   * row's own span; both -1 when there is none. `rowLabelSpan(row)` gives it as a Span or null.
   */
  labelStart: number;
  labelEnd: number;
  /** How the label matched: the standard label, an accepted alias, or a known variant (GR108). */
  match: 'exact' | 'alias' | 'variant' | null;
  /** Whole extent of the row in the source (may cover several lines), flattened as in Cell (`rowSpan(row)` makes a Span). */
  start: number;
  end: number;
  /** Value cells in column order, as read. */
  cells: Cell[];
  /** Number of value cells the row should have had (cells.length differs: GR109). */
  expectedCells: number;
}

export interface Table {
  /** Which standard table this is; null if it could not be identified. */
  key: TableKey | null;
  /** The version its columns/rows belong to (from its own markers), null if it says nothing. */
  version: VersionId | null;
  shape: TableShape;
  /** Whole extent, caption line included when there is one. */
  span: Span;
  /** "第二十条第（一）项" line for T2 sub-tables. */
  caption: { text: string; span: Span } | null;
  /** Header lines (column titles), possibly several. */
  headerSpan: Span | null;
  /** Column keys recognised in the header, in order. */
  columns: string[];
  rows: Row[];
  /** False when the cells could not be separated (flattened text): nothing in it was checked. */
  readable: boolean;
  /** How well the reader read it: only 'confident' tables are checked by the arithmetic rules. */
  reading: TableReading;
}

/**
 * What the reader did with a table: recognised as written, guessed (placeholder columns mapped by
 * position, fragments joined, cells shifted) or could not read (cells run together).
 */
export type ReadingLevel = 'confident' | 'partial' | 'unreadable';
export type ReadingNoteKind = 'recognised' | 'guessed' | 'unread';
export interface ReadingNote {
  kind: ReadingNoteKind;
  /** Stable reason key: 'fragments', 'placeholderColumns', 'flattened', 'collapsed', 'rowsShifted', … */
  reason: string;
  span: Span | null;
}
export interface TableReading { level: ReadingLevel; notes: ReadingNote[] }

export interface TitleInfo {
  /** The title text (one or two lines joined), e.g. "紫阳县2019年度政府信息公开工作年度报告". */
  text: string;
  span: Span;
  /** Body name before the year, e.g. "紫阳县", "淮安市人民政府". */
  body: string | null;
  year: number | null;
  yearSpan: Span | null;
}

export interface ReportModel {
  source: SourceText;
  title: TitleInfo | null;
  /** The report year: from the title, else from the statistics period. */
  year: number | null;
  /** Where the year was found (for diagnostics). */
  yearSpan: Span | null;
  /** Version markers found in the text, by version. */
  markers: { version: VersionId; text: string; span: Span }[];
  /** Version the report actually uses (from its markers; null when none are present). */
  usedVersion: VersionId | null;
  /** Version the report must use for its year; null when the year is unknown or < 2019. */
  expectedVersion: VersionId | null;
  /**
   * The version the report is checked against (decideCheckedVersion: config override > the one its
   * year requires > the one it uses > 2021). Every rule and feature reads this, never its own mix.
   */
  checkedVersion: VersionId;
  /** True when the headings follow a pre-2019 structure (概述 / 回应解读情况 / …). */
  legacyStructure: boolean;
  /**
   * The standard the report is read against: 'legacy' for years up to 2018 (2008 条例, free
   * structure), else the version its year requires or its markers use; null when nothing tells.
   */
  version: VersionId | 'legacy' | null;
  /**
   * Set when the body is run together on one line (copied from a web page): where line breaks
   * belong (before each inline heading and table run), in text order. Null for a text with lines.
   */
  collapsed: { line: Span; breaks: number[] } | null;
  sections: Section[];
  /** All headings in order (sections and sub-headings). */
  headings: Heading[];
  /** All tables found, in order, whether inside a section or not. */
  tables: Table[];
  /** Spans of lines that belong to tables (so prose rules can skip them). */
  tableSpans: Span[];
}
