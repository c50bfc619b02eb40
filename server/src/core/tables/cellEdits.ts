/**
 * Cell edits that keep the table's own shape: a Markdown cell keeps its width and alignment, a
 * space-aligned cell keeps the columns after it in place; trimEdit shrinks an edit to what changes.
 */
import type { Cell, Table } from '../model/types';
import { displayWidth } from '../render/width';
import type { SourceText, Span } from '../text/source';
import type { TextEdit } from '../types';
import { cellSpan } from './cells';


type Align = 'left' | 'right' | 'center';

function markdownDelimiterAlign(src: SourceText, table: Table, pipeIndex: number): Align | null {
  const first = src.lineIndexAt(table.span.start);
  const last = src.lineIndexAt(Math.max(table.span.start, table.span.end - 1));
  for (let i = first; i <= last; i++) {
    const t = src.lineText(i).trim();
    if (!/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(t)) continue;
    const parts = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((p) => p.trim());
    const p = parts[pipeIndex];
    if (!p) return null;
    if (p.startsWith(':') && p.endsWith(':')) return 'center';
    if (p.endsWith(':')) return 'right';
    return 'left';
  }
  return null;
}

/**
 * The edit that writes `newText` into `cell`, keeping the table's shape: TSV and one-cell-per-line
 * cells are replaced in place (a blank one is filled at its empty span); a Markdown cell is
 * re-padded to its old display width when the new text fits, so the pipes stay aligned; a
 * space-aligned cell keeps the columns after it in place when there is room.
 */
export function cellEdit(src: SourceText, table: Table, cell: Cell, newText: string): TextEdit {
  const text = src.text;
  if (table.shape === 'markdown') {
    const line = src.line(src.lineIndexAt(cell.start));
    const left = text.lastIndexOf('|', cell.start - 1);
    const right = text.indexOf('|', cell.end);
    if (left >= line.start && right >= 0 && right <= line.end) {
      const inner = text.slice(left + 1, right);
      const width = displayWidth(inner);
      const need = displayWidth(newText);
      if (width >= need + 2) {
        let align: Align;
        if (cell.text !== '') {
          const lead = inner.length - inner.trimStart().length;
          const trail = inner.length - inner.trimEnd().length;
          align = lead > trail ? 'right' : lead === trail && lead > 1 ? 'center' : 'left';
        } else {
          const pipeIndex = countPipes(text.slice(line.start, left + 1)) - (/^\s*\|/.test(line.text) ? 1 : 0);
          align = markdownDelimiterAlign(src, table, pipeIndex) ?? 'right';
        }
        const spare = width - need;
        let padded: string;
        if (align === 'right') padded = ' '.repeat(spare - 1) + newText + ' ';
        else if (align === 'center') {
          const l = Math.floor(spare / 2);
          padded = ' '.repeat(l) + newText + ' '.repeat(spare - l);
        } else padded = ' ' + newText + ' '.repeat(spare - 1);
        return trimEdit(text, { span: { start: left + 1, end: right }, newText: padded });
      }
      return { span: { start: left + 1, end: right }, newText: ` ${newText} ` };
    }
    return { span: cellSpan(cell), newText };
  }
  if (table.shape === 'spaceAligned' && cell.text !== '') {
    const oldW = displayWidth(cell.text);
    const newW = displayWidth(newText);
    const line = src.line(src.lineIndexAt(cell.start));
    let after = cell.end;
    while (after < line.end && text[after] === ' ') after++;
    const spaces = after - cell.end;
    const atEol = after === line.end;
    if (!atEol && newW < oldW) return { span: cellSpan(cell), newText: newText + ' '.repeat(oldW - newW) };
    if (!atEol && newW > oldW && spaces - (newW - oldW) >= 2) {
      return { span: { start: cell.start, end: cell.end + (newW - oldW) }, newText };
    }
    return { span: cellSpan(cell), newText };
  }
  return { span: cellSpan(cell), newText };
}

/**
 * Replaces `span` (part of a cell, e.g. a label without its numbering) by `newText`; in a Markdown
 * table the cell keeps its display width when the padding allows (labels are left-aligned, so the
 * trailing spaces give or take the difference).
 */
export function rewriteInCell(src: SourceText, table: Table, span: Span, newText: string): TextEdit {
  const text = src.text;
  if (table.shape !== 'markdown') return { span, newText };
  const line = src.line(src.lineIndexAt(span.start));
  const left = text.lastIndexOf('|', span.start - 1);
  const right = text.indexOf('|', span.end);
  if (left < line.start || right < 0 || right > line.end) return { span, newText };
  const before = text.slice(left + 1, span.start);
  let after = text.slice(span.end, right);
  const width = displayWidth(text.slice(left + 1, right));
  let w = displayWidth(before + newText + after);
  while (w > width && after.endsWith('  ')) { after = after.slice(0, -1); w--; }
  if (w < width) after += ' '.repeat(width - w);
  return trimEdit(text, { span: { start: left + 1, end: right }, newText: before + newText + after });
}

function countPipes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === '|' && s[i - 1] !== '\\') n++;
  return n;
}

/** Shrinks an edit to the part that changes (common prefix/suffix removed). */
export function trimEdit(text: string, edit: TextEdit): TextEdit {
  const old = text.slice(edit.span.start, edit.span.end);
  let p = 0;
  while (p < old.length && p < edit.newText.length && old[p] === edit.newText[p]) p++;
  let s = 0;
  while (s < old.length - p && s < edit.newText.length - p && old[old.length - 1 - s] === edit.newText[edit.newText.length - 1 - s]) s++;
  return { span: { start: edit.span.start + p, end: edit.span.end - s }, newText: edit.newText.slice(p, edit.newText.length - s) };
}
