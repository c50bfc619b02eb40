/**
 * The one Markdown pipe-table layout, shared by the renderer (templates, snippets, GR112
 * rewrites) and the formatter, so that formatting a rendered table changes nothing:
 *
 *   | <cell> | <cell> |     one space each side of every cell, leading and trailing pipe
 *   | :--- | ---: |         delimiter cells filled with "-" to the column width, colons kept
 *
 * Every column is padded with ASCII spaces to the same display width (CJK = 2), the widest cell
 * of the column (delimiter cells at least 3). Cells are padded on the side their alignment says:
 * numbers right, labels left.
 */
import { displayWidth, padDisplay, type Align } from './width';

/** How the delimiter cell of a column is written: ---, :---, ---:, :---: */
export type DelimiterMark = 'none' | 'left' | 'right' | 'center';

export interface LayoutCell {
  /** What the reader sees (used for width). */
  text: string;
  /** What is written, when it differs from `text` (snippet tab stops: "${3:0}" shows "0"). */
  raw?: string;
}

export type LayoutRow = { kind: 'cells'; cells: LayoutCell[] } | { kind: 'delimiter'; marks: DelimiterMark[] };

export interface LayoutOptions {
  /** Pad columns to equal display width (default true); false writes "| a | b |" compactly. */
  pad?: boolean;
}

export const MIN_DELIMITER_WIDTH = 3;

/**
 * The label (first) column is at most this wide: a longer label, or T3's "（本列数据的勾稽关系为：…）"
 * heading it, overflows its cell instead of padding every row to it (every row would wrap).
 */
export const LABEL_COLUMN_CAP = 40;

/**
 * Column widths (display columns) over all rows; the first column capped (LABEL_COLUMN_CAP).
 * Decided from the cell texts only, so the formatter re-laying out a rendered table gets the same
 * widths (formatting a generated table changes nothing).
 */
export function columnWidths(rows: readonly LayoutRow[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    const n = row.kind === 'cells' ? row.cells.length : row.marks.length;
    for (let i = 0; i < n; i++) {
      const w = row.kind === 'cells' ? displayWidth(row.cells[i]!.text) : MIN_DELIMITER_WIDTH;
      if (i === 0 && w > LABEL_COLUMN_CAP) { widths[0] ??= MIN_DELIMITER_WIDTH; continue; }
      widths[i] = Math.max(widths[i] ?? MIN_DELIMITER_WIDTH, w, MIN_DELIMITER_WIDTH);
    }
  }
  return widths;
}

export function delimiterCell(mark: DelimiterMark, width: number): string {
  const w = Math.max(MIN_DELIMITER_WIDTH, width);
  switch (mark) {
    case 'left': return ':' + '-'.repeat(w - 1);
    case 'right': return '-'.repeat(w - 1) + ':';
    case 'center': return ':' + '-'.repeat(w - 2) + ':';
    default: return '-'.repeat(w);
  }
}

/** Lays the rows out; returns one string per row (no line ends). `aligns[i]` pads column i. */
export function layoutTable(rows: readonly LayoutRow[], aligns: readonly Align[], opts: LayoutOptions = {}): string[] {
  const pad = opts.pad !== false;
  const widths = pad ? columnWidths(rows) : [];
  return rows.map((row) => {
    const parts: string[] = [];
    if (row.kind === 'delimiter') {
      row.marks.forEach((m, i) => parts.push(delimiterCell(m, pad ? widths[i]! : MIN_DELIMITER_WIDTH)));
    } else {
      row.cells.forEach((c, i) => {
        const raw = c.raw ?? c.text;
        parts.push(pad ? padDisplay(raw, widths[i]!, aligns[i] ?? 'left', displayWidth(c.text)) : raw);
      });
    }
    if (parts.length === 0) return '|';
    return `| ${parts.join(' | ')} |`;
  });
}

/** Escapes a pipe inside cell text so it stays one cell. */
export function escapeCell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}
