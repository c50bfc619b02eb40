/** Internal shapes shared by the table readers (not part of the model). */
import type { TableShape } from '../../model/types';
import type { Span } from '../../text/source';

/** One cell as cut from the source: trimmed text and its exact span (empty when blank), flattened as in Cell. */
export interface RawCell { text: string; start: number; end: number }

/** One source row of a grid-like table (a TSV line, a Markdown line, a block of cell lines). */
export interface RawRow { cells: RawCell[]; span: Span; firstLine: number; lastLine: number }

/** A run of rows that (probably) form one table, before it is identified. */
export interface Piece {
  shape: TableShape;
  rows: RawRow[];
  /** True when cell i of every row sits in column i (TSV, Markdown): header text can be read per column. */
  grid: boolean;
  /** Markdown: number of rows before the delimiter row (the header), if there was one. */
  headerCount?: number;
}
