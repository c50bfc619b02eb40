/** Markdown pipe tables (the canonical layout). Half-typed rows (no closing pipe) are read too. */
import type { SourceText } from '../../text/source';
import { cellOf, isWs, type LineKinds, LINE } from './locate';
import type { Piece, RawCell, RawRow } from './types';

const MAX_CELLS = 1000;
const DELIM_CELL = /^\s*:?-+:?\s*$/;
/** A delimiter row repeated inside a table has at least three dashes per cell ("| - |" is a cell of text). */
const RULE_CELL = /^\s*:?-{3,}:?\s*$/;

export function markdownRow(src: SourceText, index: number): RawRow {
  const lineStart = src.lineStart(index);
  const lineEnd = src.lineEnd(index);
  const text = src.text;
  let p = lineStart;
  // isWs: also the zero-width spaces and BOMs a web copy leaves around the pipes (an extra cell otherwise).
  while (p < lineEnd && isWs(text.charCodeAt(p))) p++;
  const lead = text[p] === '|';
  const bounds: number[] = [lead ? p : p - 1];
  for (let i = lead ? p + 1 : p; i < lineEnd && bounds.length <= MAX_CELLS; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) { i++; continue; }
    if (c === 124 /* | */) bounds.push(i);
  }
  // Trailing text after the last pipe (a row whose closing pipe is missing) is a cell too.
  let e = lineEnd;
  while (e > bounds[bounds.length - 1]! + 1 && isWs(text.charCodeAt(e - 1))) e--;
  if (e > bounds[bounds.length - 1]! + 1) bounds.push(lineEnd);
  const cells: RawCell[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const s = bounds[b]! + 1;
    const end = bounds[b + 1]!;
    // A blank cell is typed in the middle of the white space between its pipes.
    cells.push(cellOf(text, s, end, s + Math.ceil((end - s) / 2)));
  }
  return { cells, span: { start: lead ? p : lineStart, end: lineEnd }, firstLine: index, lastLine: index };
}

function isDelimiter(row: RawRow, src: SourceText, cell: RegExp = DELIM_CELL): boolean {
  if (row.cells.length === 0) return false;
  return row.cells.every((c) => c.text !== '' && cell.test(src.text.slice(c.start, c.end)));
}

/** Runs of lines starting with "|" (also a header line without leading pipe right above a delimiter). */
export function markdownPieces(src: SourceText, kinds: LineKinds, claimed: Uint8Array): Piece[] {
  const pieces: Piece[] = [];
  const n = kinds.length;
  let i = 0;
  while (i < n) {
    if (kinds[i] !== LINE.pipe || claimed[i]) {
      // "a | b" directly above "---|---"
      if (kinds[i] === LINE.text && !claimed[i] && i + 1 < n && kinds[i + 1] === LINE.text && src.lineText(i).includes('|')
        && /^\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(src.lineText(i + 1))) {
        kinds[i] = LINE.pipe;
        kinds[i + 1] = LINE.pipe;
        let k = i + 2;
        while (k < n && kinds[k] === LINE.text && src.lineText(k).includes('|')) kinds[k++] = LINE.pipe;
        continue;
      }
      i++;
      continue;
    }
    const rows: RawRow[] = [];
    let headerCount: number | undefined;
    let j = i;
    while (j < n && (kinds[j] === LINE.pipe || kinds[j] === LINE.skip) && !claimed[j]) {
      // Page furniture between rows: no row of its own.
      if (kinds[j] === LINE.skip) { j++; continue; }
      const row = markdownRow(src, j);
      claimed[j] = 1;
      j++;
      // A second delimiter row ("|---|---|" repeated after a page break) is no row either.
      if (headerCount === undefined ? isDelimiter(row, src) : isDelimiter(row, src, RULE_CELL)) { headerCount ??= rows.length; continue; }
      rows.push(row);
    }
    pieces.push({ shape: 'markdown', rows, grid: true, headerCount });
    i = j;
  }
  return pieces;
}
