/**
 * Document / range formatting: aligns Markdown pipe tables, nothing else.
 *
 * A table is a GFM pipe table whose lines start with "|" (after optional indentation): a header
 * line, a delimiter line (| :--- | ---: |) and body lines, outside fenced code blocks. Every
 * column is padded to the same display width (CJK = 2, via render/width) with the layout the
 * renderer uses (render/layout), so formatting a rendered table changes nothing. A column is
 * right-aligned when every non-empty body cell is a number, or when its delimiter says ---:.
 * Colons of the delimiter row are kept; cell text is never changed (only ASCII spaces around it);
 * rows keep their number of cells; indentation and line ends (CRLF) are kept. Idempotent.
 */
import type { TextEdit } from '../types';
import type { SourceText, Span } from '../text/source';
import { parseCell } from '../text/numbers';
import { layoutTable, type DelimiterMark, type LayoutRow } from '../render/layout';
import type { Align } from '../render/width';

/** A run of source lines that forms one pipe table (inclusive line indices). */
export interface PipeTableBlock {
  startLine: number;
  endLine: number;
  /** Index (within the block) of the delimiter line; always 1. */
  delimiterRow: number;
}

const PIPE_LINE = /^[ \t]*\|/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER_CELL = /^:?-+:?$/;

/** ASCII white space only: U+3000 indentation inside a label cell is content. */
const trimAscii = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, '');

/** Splits a pipe-led line into indentation and trimmed cells (escaped \| stays in its cell). */
export function splitPipeRow(line: string): { indent: string; cells: string[] } {
  const indent = /^[ \t]*/.exec(line)![0];
  const s = line.slice(indent.length + 1); // after the leading pipe
  const segments: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) { cur += c + s[i + 1]; i++; continue; }
    if (c === '|') { segments.push(cur); cur = ''; continue; }
    cur += c;
  }
  // Text after the last pipe is a cell only when it is not blank (no trailing pipe).
  if (trimAscii(cur) !== '') segments.push(cur);
  return { indent, cells: segments.map(trimAscii) };
}

function isDelimiterRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c));
}

function markOf(cell: string | undefined): DelimiterMark {
  if (!cell) return 'none';
  const l = cell.startsWith(':');
  const r = cell.endsWith(':') && cell.length > 1;
  return l && r ? 'center' : l ? 'left' : r ? 'right' : 'none';
}

/** Finds the pipe tables of a document (outside fenced code blocks). */
export function findPipeTables(source: SourceText): PipeTableBlock[] {
  const blocks: PipeTableBlock[] = [];
  const n = source.lineCount;
  let fence: string | null = null;
  let i = 0;
  while (i < n) {
    const text = source.lineText(i);
    const f = FENCE.exec(text);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && trimAscii(text.slice(f[0].length)) === '') fence = null;
      i++;
      continue;
    }
    if (f) { fence = f[1]!; i++; continue; }
    if (!PIPE_LINE.test(text)) { i++; continue; }
    // A run of pipe-led lines; tables start at a line followed by a delimiter line.
    let end = i;
    while (end + 1 < n && PIPE_LINE.test(source.lineText(end + 1))) end++;
    const isDelim = (k: number) => isDelimiterRow(splitPipeRow(source.lineText(k)).cells);
    let k = i;
    while (k < end) {
      if (!isDelim(k) && isDelim(k + 1)) {
        let stop = k + 2;
        while (stop <= end && !(stop + 1 <= end && !isDelim(stop) && isDelim(stop + 1))) stop++;
        blocks.push({ startLine: k, endLine: stop - 1, delimiterRow: 1 });
        k = stop;
      } else {
        k++;
      }
    }
    i = end + 1;
  }
  return blocks;
}

/** Formats the lines of one table (header, delimiter, body); returns the new lines. */
export function formatTableLines(lines: readonly string[]): string[] {
  const rows = lines.map(splitPipeRow);
  const marks = rows[1]!.cells.map(markOf);
  const ncols = Math.max(...rows.map((r) => r.cells.length));
  const aligns: Align[] = [];
  for (let c = 0; c < ncols; c++) {
    const body = rows.slice(2).map((r) => r.cells[c]).filter((t): t is string => t !== undefined && t !== '');
    const numeric = body.length > 0 && body.every((t) => parseCell(t).kind === 'number');
    const mark = marks[c] ?? 'none';
    aligns.push(numeric || mark === 'right' ? 'right' : mark === 'center' ? 'center' : 'left');
  }
  const layoutRows: LayoutRow[] = rows.map((r, i) =>
    i === 1 ? { kind: 'delimiter', marks } : { kind: 'cells', cells: r.cells.map((text) => ({ text })) });
  const out = layoutTable(layoutRows, aligns);
  return out.map((l, i) => rows[i]!.indent + l);
}

function editsFor(source: SourceText, blocks: readonly PipeTableBlock[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const b of blocks) {
    const infos = source.allLines(b.startLine, b.endLine + 1);
    const formatted = formatTableLines(infos.map((l) => l.text));
    infos.forEach((info, i) => {
      if (formatted[i] !== info.text) edits.push({ span: { start: info.start, end: info.end }, newText: formatted[i]! });
    });
  }
  return edits;
}

/** Anything with the document's source (a ReportModel will do). */
export interface HasSource { source: SourceText }

/** Edits that align every pipe table of the document. Empty when there is nothing to do. */
export function formatDocument(model: HasSource): TextEdit[] {
  return editsFor(model.source, findPipeTables(model.source));
}

/** Edits that align the pipe tables touching `span` (whole tables: alignment needs every row). */
export function formatRange(model: HasSource, span: Span): TextEdit[] {
  const src = model.source;
  const first = src.lineIndexAt(span.start);
  const last = src.lineIndexAt(Math.max(span.start, span.end - (span.end > span.start ? 1 : 0)));
  return editsFor(src, findPipeTables(src).filter((b) => b.endLine >= first && b.startLine <= last));
}

/** The core's one applyEdits (overlapping edits after the first are dropped, never spliced twice). */
export { applyEdits } from '../text/edits';
