/**
 * Rebuilds a canonical Markdown report from the HTML of a Word document (mammoth's output):
 * paragraphs become lines, tables are first written as plain pipe tables from their expanded grid
 * (merged header rows folded to the lowest label, merged row labels re-emitted as the group rows
 * of the canonical layout), then read back with the ordinary table reader, which maps labels to
 * the standard's rows and columns; every table read completely is rewritten in the canonical
 * layout of its version (render/markdownTable.ts). A table that is not read completely is kept
 * as written rather than guessed. Bold / italic runs come back as ** / *, list items as "- " /
 * "1. " lines. Pure.
 */
import { parseReport } from '../parse/report';
import { escapeCell } from '../render/layout';
import { renderTable, renderTableBlock } from '../render/markdownTable';

import { T4_BLOCKS, T4_RESULTS, tableSpec } from '../standard/index';
import type { VersionId } from '../standard/types';
import { htmlBlocks } from './htmlBlocks';
import { tableValues } from './layout';

const NUMBER = /^[-+]?\d[\d,]*(\.\d+)?$/;
const isFigure = (s: string) => NUMBER.test(s.replace(/\s+/g, ''));

const pipeRow = (cells: string[]) => `| ${cells.map((c) => escapeCell(c) || ' ').join(' | ')} |`;

/** The grid as a plain pipe table (first pass, before the reader maps it). */
export function gridToPipeTable(grid: string[][], headerHint = 0): string[] {
  if (grid.length === 0 || grid[0]!.length === 0) return [];
  const width = grid[0]!.length;
  // Word's header rows (<th>) when the document marks them — a blank first data row (规章 with no
  // figures) is then not taken for a header; otherwise the rows before the first figure.
  let headerRows = headerHint > 0 && headerHint < grid.length ? headerHint : grid.findIndex((row) => row.some((c, i) => i > 0 && isFigure(c)));
  if (headerRows <= 0) {
    // No figure anywhere (a blank table): the top-left header cell spans the header rows.
    headerRows = 1;
    while (headerRows < grid.length - 1 && grid[headerRows]![0] === grid[0]![0]) headerRows++;
  }
  const header = grid.slice(0, headerRows);
  const body = grid.slice(headerRows);
  const headerText = grid.slice(0, Math.max(headerRows, 3)).flat().join('');

  // 表四 in its official layout: fifteen figures in one row under 行政复议 / 行政诉讼.
  const last = body[body.length - 1];
  if (headerText.includes('行政复议') && headerText.includes('复议后起诉') && last && width >= 15) {
    const figures = last.slice(width - 15);
    const values = new Map<string, string>();
    T4_BLOCKS.forEach((b, bi) => T4_RESULTS.forEach((r, ri) => values.set(`data|${b.key}.${r.key}`, figures[bi * 5 + ri]!.trim())));
    const spec = tableSpec('2021', 'T4')!;
    return renderTable(spec, values, { eol: '\n', fullWidth: false }).split('\n');
  }

  let labelCols = width;
  for (const row of body) {
    const i = row.findIndex((c, k) => k > 0 && isFigure(c));
    if (i > 0) labelCols = Math.min(labelCols, i);
  }
  if (labelCols === width) labelCols = 1;
  const leaf = header[header.length - 1]!;
  const lines = [pipeRow([header[0]![0]!, ...leaf.slice(labelCols)]), pipeRow(Array.from({ length: width - labelCols + 1 }, () => '---'))];
  let previous: string[] = [];
  for (const row of body) {
    const chain: string[] = [];
    for (const t of row.slice(0, labelCols)) if (t && chain[chain.length - 1] !== t) chain.push(t);
    if (chain.length === 0) chain.push('');
    // Group labels merged down the rows: emit each new one as a row of its own (canonical layout).
    let k = 0;
    while (k < chain.length - 1 && previous[k] === chain[k]) k++;
    for (let g = k; g < chain.length - 1; g++) lines.push(pipeRow([chain[g]!, ...row.slice(labelCols).map(() => '')]));
    lines.push(pipeRow([chain[chain.length - 1]!, ...row.slice(labelCols)]));
    previous = chain;
  }
  return lines;
}

/** First pass: the document as plain text with pipe tables. */
export function htmlToDraft(html: string): string {
  let out = '';
  let inList = false;
  for (const b of htmlBlocks(html)) {
    let part: string;
    if (b.kind === 'text') {
      const text = b.markdown ?? b.text;
      // List items back to Markdown items, one per line; Word's list numbering restarts per list.
      part = b.list ? `${b.list.ordered ? `${b.list.number}.` : '-'} ${text}` : text;
    } else {
      const t = gridToPipeTable(b.grid, b.headerRows);
      if (!t.length) continue;
      part = t.join('\n');
    }
    const item = b.kind === 'text' && b.list !== undefined;
    if (out) out += item && inList ? '\n' : '\n\n';
    out += part;
    inList = item;
  }
  return out + '\n';
}

/** Second pass: every standard table that was read completely, rewritten in its canonical layout. */
export function canonicalise(draft: string): string {
  const model = parseReport(draft);
  const fallback: VersionId = model.usedVersion ?? model.expectedVersion ?? '2021';
  const edits: { start: number; end: number; text: string }[] = [];
  for (const t of model.tables) {
    if (!t.key || !t.readable || t.rows.length === 0) continue;
    if (!t.rows.every((r) => r.key && r.cells.every((c) => c.column))) continue;
    const spec = tableSpec(t.version ?? fallback, t.key);
    if (!spec) continue;
    const values = tableValues(t);
    const withCaption = t.caption !== null && t.caption.span.start === t.span.start;
    const text = withCaption ? renderTableBlock(spec, values, { eol: '\n' }) : renderTable(spec, values, { eol: '\n' });
    edits.push({ start: t.span.start, end: t.span.end, text });
  }
  let out = draft;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** HTML of a Word document → canonical Markdown report. */
export function htmlToReport(html: string): string {
  return canonicalise(htmlToDraft(html));
}
