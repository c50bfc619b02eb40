/** Tab-separated rows pasted from Word/Excel/web pages (sample 001): one line = one row. */
import type { SourceText } from '../../text/source';
import { cellOf, looksLikeSection, startOf, type LineKinds, LINE } from './locate';
import { captionOf } from './spec';

/** A short line that can be a row label inside a pasted table (not a caption, heading or table start). */
function isLabelLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 80 && !captionOf(t) && !looksLikeSection(t) && !startOf(t);
}
import type { Piece, RawCell, RawRow } from './types';

const MAX_CELLS = 1000;

export function tsvRow(src: SourceText, index: number): RawRow {
  const lineStart = src.lineStart(index);
  const lineEnd = src.lineEnd(index);
  const text = src.text;
  const cells: RawCell[] = [];
  let start = lineStart;
  // Cell ends by indexOf (native) rather than a test per character.
  while (cells.length < MAX_CELLS) {
    const tab = text.indexOf('\t', start);
    const end = tab < 0 || tab > lineEnd ? lineEnd : tab;
    // A blank cell is typed right after the tab that opens it (or at the line start).
    cells.push(cellOf(text, start, end, start));
    if (end === lineEnd) break;
    start = end + 1;
  }
  return { cells, span: { start: lineStart, end: lineEnd }, firstLine: index, lastLine: index };
}

/** Runs of TSV lines; single blank lines (up to two) inside a run are allowed. */
export function tsvPieces(src: SourceText, kinds: LineKinds, claimed: Uint8Array): Piece[] {
  const pieces: Piece[] = [];
  const n = kinds.length;
  let i = 0;
  while (i < n) {
    if (kinds[i] !== LINE.tsv || claimed[i]) { i++; continue; }
    const rows: RawRow[] = [];
    let j = i;
    while (j < n) {
      if (kinds[j] === LINE.tsv && !claimed[j]) { rows.push(tsvRow(src, j)); claimed[j] = 1; j++; continue; }
      if (kinds[j] === LINE.skip) { j++; continue; }
      let k = j;
      while (k < n && kinds[k] === LINE.blank && k - j < 2) k++;
      if (k > j && k < n && kinds[k] === LINE.tsv && !claimed[k]) { j = k; continue; }
      // A label-only line between TSV rows (a group label pasted without tabs: "三、本年度办理结果").
      if (k < n && kinds[k] === LINE.text && !claimed[k] && isLabelLine(src.lineText(k))) {
        let m = k + 1;
        while (m < n && ((kinds[m] === LINE.blank && m - k <= 2) || kinds[m] === LINE.skip)) m++;
        if (m < n && kinds[m] === LINE.tsv && !claimed[m]) {
          const line = src.line(k);
          rows.push({ cells: [cellOf(src.text, line.start, line.end, line.start)], span: { start: line.start, end: line.end }, firstLine: k, lastLine: k });
          claimed[k] = 1;
          j = m;
          continue;
        }
      }
      break;
    }
    pieces.push({ shape: 'tsv', rows, grid: true });
    i = j;
  }
  return pieces;
}
