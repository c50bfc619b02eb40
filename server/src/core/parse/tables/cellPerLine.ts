/**
 * One cell per line, each indented by a tab; a blank line ends a row (sample 003). A line of
 * only a tab is a blank cell (typed after the tab).
 */
import type { SourceText } from '../../text/source';
import { cellOf, type LineKinds, LINE } from './locate';
import type { Piece, RawCell, RawRow } from './types';

const MAX_GAP = 2;

export function cellPerLinePieces(src: SourceText, kinds: LineKinds, claimed: Uint8Array): Piece[] {
  const pieces: Piece[] = [];
  const n = kinds.length;
  const text = src.text;
  let i = 0;
  while (i < n) {
    if (kinds[i] !== LINE.cell || claimed[i]) { i++; continue; }
    const rows: RawRow[] = [];
    let j = i;
    while (j < n) {
      if (kinds[j] === LINE.cell && !claimed[j]) {
        const cells: RawCell[] = [];
        const first = j;
        while (j < n && kinds[j] === LINE.cell && !claimed[j]) {
          const tab = text.indexOf('\t', src.lineStart(j));
          cells.push(cellOf(text, tab + 1, src.lineEnd(j), tab + 1));
          claimed[j] = 1;
          j++;
        }
        rows.push({ cells, span: { start: src.lineStart(first), end: src.lineEnd(j - 1) }, firstLine: first, lastLine: j - 1 });
        continue;
      }
      if (kinds[j] === LINE.skip) { j++; continue; }
      let k = j;
      while (k < n && (kinds[k] === LINE.blank || kinds[k] === LINE.skip) && k - j < MAX_GAP) k++;
      if (k > j && k < n && kinds[k] === LINE.cell && !claimed[k]) { j = k; continue; }
      break;
    }
    pieces.push({ shape: 'cellPerLine', rows, grid: false });
    i = j;
  }
  return pieces;
}
