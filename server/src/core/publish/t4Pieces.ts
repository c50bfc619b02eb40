/**
 * 表四 written as three small tables, one per block, each under a label of its own ("行政复议",
 * "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）") with the five result columns (013_shuyang):
 * the reader keeps them as three T4 tables whose cells it could not place. The published document
 * draws them as ONE official 表四, each piece's figures under its block, when — and only when —
 * every piece names its block unambiguously and its header lists the five results in order.
 * Anything less is left as written. Pure.
 */
import type { Cell, ReportModel, Table } from '../model/types';
import { T4_BLOCKS, T4_RESULTS } from '../standard/index';

type BlockKey = (typeof T4_BLOCKS)[number]['key'];

/** The block a piece's label names (most specific first: 复议后起诉 also contains 复议). */
function blockOf(label: string): BlockKey | null {
  if (/复议后起诉/.test(label)) return 'afterReview';
  if (/未经复议|直接起诉/.test(label)) return 'direct';
  if (/行政复议/.test(label) && !/诉讼/.test(label)) return 'review';
  return null;
}

/** Longest label line read before a piece (a heading such as "### 行政复议"). */
const MAX_LABEL = 40;

export interface T4Join {
  /** The pieces in text order; the joined table is drawn where the first one starts. */
  pieces: Table[];
  /** Figures by column key ("review.upheld" …), the cells as read. */
  cells: Map<string, Cell>;
  /** Source lines of the pieces' labels: drawn as the joined table's headers instead. */
  labelLines: number[];
}

interface Piece { table: Table; block: BlockKey; labelLine: number; row: Cell[] }

function pieceOf(model: ReportModel, t: Table): Piece | null {
  if (t.key !== 'T4' || !t.readable || t.rows.length !== 1 || !t.headerSpan) return null;
  const row = t.rows[0]!.cells;
  if (row.length !== T4_RESULTS.length || row.some((c) => c.column !== null)) return null;
  // The header names the five results in the standard order.
  const header = model.source.slice(t.headerSpan);
  let at = 0;
  for (const r of T4_RESULTS) {
    const k = header.indexOf(r.label, at);
    if (k < 0) return null;
    at = k + r.label.length;
  }
  // The label: the nearest non-blank line above the table.
  const src = model.source;
  let line = src.lineIndexAt(t.span.start) - 1;
  while (line >= 0 && src.lineText(line).trim() === '') line--;
  if (line < 0) return null;
  const label = src.lineText(line).trim();
  if (label.length > MAX_LABEL) return null;
  const block = blockOf(label);
  return block ? { table: t, block, labelLine: line, row } : null;
}

/** Runs of three consecutive pieces naming the three blocks, each once. */
export function joinT4Pieces(model: ReportModel): T4Join[] {
  const out: T4Join[] = [];
  const tables = model.tables;
  for (let i = 0; i + 2 < tables.length; i++) {
    const run = [pieceOf(model, tables[i]!), pieceOf(model, tables[i + 1]!), pieceOf(model, tables[i + 2]!)];
    if (run.some((p) => !p)) continue;
    const pieces = run as Piece[];
    if (new Set(pieces.map((p) => p.block)).size !== T4_BLOCKS.length) continue;
    const cells = new Map<string, Cell>();
    for (const p of pieces) T4_RESULTS.forEach((r, k) => cells.set(`${p.block}.${r.key}`, p.row[k]!));
    out.push({ pieces: pieces.map((p) => p.table), cells, labelLines: pieces.map((p) => p.labelLine) });
    i += 2;
  }
  return out;
}
