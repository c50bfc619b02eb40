/**
 * Where a table diagnostic can sit: visible ranges for blank cells, row and table anchors, the
 * header text, and span overlap / containment as edits and cells need them.
 */
import type { Row, Table } from '../model/types';
import type { SourceText, Span } from '../text/source';
import { isCellSpace as isSpace, isInlineSpace as isWhite } from '../text/chars';

/**
 * A range an editor can show. A blank cell's span is empty; widen it over the spaces around it
 * (between two pipes), else to the one tab that opens (or closes) the cell, else to `fallback`
 * (the row label), else to the line.
 */
export function visibleSpan(src: SourceText, span: Span, fallback?: Span | null): Span {
  if (span.end > span.start) return span;
  const text = src.text;
  let s = span.start;
  let e = span.end;
  while (s > 0 && isSpace(text.charCodeAt(s - 1))) s--;
  while (e < text.length && isSpace(text.charCodeAt(e))) e++;
  if (e > s) return { start: s, end: e };
  if (s > 0 && text[s - 1] === '\t') return { start: s - 1, end: s };
  if (text[e] === '\t') return { start: e, end: e + 1 };
  if (fallback && fallback.end > fallback.start) return fallback;
  const line = src.line(src.lineIndexAt(span.start));
  if (line.end > line.start) return { start: line.start, end: line.end };
  return span;
}

/** The trimmed extent of the line holding `offset`. */
export function lineSpanAt(src: SourceText, offset: number): Span {
  const line = src.line(src.lineIndexAt(offset));
  let s = line.start;
  let e = line.end;
  while (s < e && isWhite(src.text.charCodeAt(s))) s++;
  while (e > s && isWhite(src.text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e } : { start: line.start, end: line.end };
}

/** Where a row diagnostic goes: its label, else its first line. */
export function rowAnchor(src: SourceText, row: Row): Span {
  if (row.labelStart >= 0 && row.labelEnd > row.labelStart) return { start: row.labelStart, end: row.labelEnd };
  return lineSpanAt(src, row.start);
}

/** Where a table-level diagnostic goes: the first line of its header, else its first line. */
export function tableAnchor(src: SourceText, table: Table): Span {
  return lineSpanAt(src, table.headerSpan?.start ?? table.span.start);
}

/** Overlap for edits and cells: an empty span (a blank cell, an insertion) touches the spans around it. */
export function spansOverlap(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && (offset < span.end || (span.start === span.end && offset === span.start));
}


/** Text of the table before its first data row: caption, header and any unit note. */
export function headerText(src: SourceText, table: Table): string {
  const firstRow = table.rows.reduce((m, r) => Math.min(m, r.start), table.span.end);
  const end = Math.max(firstRow, table.headerSpan?.end ?? table.span.start);
  return src.text.slice(table.span.start, end);
}
