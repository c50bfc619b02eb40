import type { Table } from '../../model/types';
import { renderTable, renderTableBlock, valueKey } from '../../render/markdownTable';
import type { TableSpec } from '../../standard/types';
import type { SourceText } from '../../text/source';
import { lazyFix, type Rule, type RuleContext } from '../types';
import { type Fix } from '../../types';
import { columnSpec, tableName } from '../../tables/names';
import { tableAnchor } from '../../tables/spans';
import { rowKeysOf } from '../../tables/cells';
import { axesOf } from '../../tables/specGrid';

const PASTED = new Set(['tsv', 'cellPerLine', 'spaceAligned']);

/**
 * The canonical Markdown for a table, every figure in its place; null when some figure could not
 * be placed (a row or column the reader did not recognise holds a value: never drop a number).
 */
export function canonicalMarkdown(src: SourceText, table: Table, spec: TableSpec): string | null {
  const figures = placedFigures(table, spec);
  if (figures === null) return null;
  const values = new Map<string, string>();
  for (const [rowKey, byColumn] of figures) {
    for (const [columnKey, text] of byColumn) values.set(valueKey(rowKey, columnKey), text);
  }
  const opts = { eol: src.eol };
  return table.caption ? renderTableBlock(spec, values, opts) : renderTable(spec, values, opts);
}

/**
 * Every figure by row key, then column key (the first one written there); null when one cannot be
 * placed. Nested maps rather than `valueKey` strings: GR112 asks this of every pasted table on
 * every run, only to know whether the rewrite is offered.
 */
function placedFigures(table: Table, spec: TableSpec): Map<string, Map<string, string>> | null {
  const figures = new Map<string, Map<string, string>>();
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (!row.key || !cell.column) {
        if (cell.value.kind !== 'blank') return null;
        continue;
      }
      let byColumn = figures.get(row.key);
      if (!byColumn) figures.set(row.key, (byColumn = new Map()));
      const placed = byColumn.get(cell.column);
      if (placed !== undefined) {
        if (cell.value.kind !== 'blank' && placed !== cell.text) return null;
        continue;
      }
      if (!columnSpec(spec, cell.column)) return null;
      byColumn.set(cell.column, cell.text);
    }
  }
  return figures;
}

/**
 * Whether placedFigures would place every figure (not null), without building its maps. One pass
 * over the cells: a figure outside a keyed row or column, or in a column the spec lacks, answers
 * false whichever cell came first there; the pass also notes whether two cells of keyed rows may
 * share a (row key, column). Most tables never read two cells at one: then every cell is the first
 * one there and the pass decides.
 */
function figuresPlaceable(table: Table, spec: TableSpec): boolean {
  const order = axesOf(spec).cols;
  const rows = table.rows;
  let keyed = 0;
  let repeats = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cells = row.cells;
    // Counted as rowKeysOf counts keys (an empty key too); its cells checked as placedFigures does.
    if (row.key !== null) keyed++;
    if (!row.key) {
      for (let c = 0; c < cells.length; c++) if (cells[c]!.value.kind !== 'blank') return false;
      continue;
    }
    // The row's columns seen so far, one bit per spec column (a spec has far fewer than 31).
    let seen = 0;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (!cell.column) {
        if (cell.value.kind !== 'blank') return false;
        continue;
      }
      const i = order.get(cell.column);
      if (i === undefined) return false;
      const bit = i < 31 ? 1 << i : 0;
      if (bit === 0 || (seen & bit) !== 0) repeats = true;
      seen |= bit;
    }
  }
  if (!repeats) {
    // Row keys distinct (the table's key set, shared with GR013 and the identities): no repeat at all.
    const keys = rowKeysOf(table);
    if (keys.size - (keys.has(null) ? 1 : 0) === keyed) return true;
  }
  // A repeat (rare): placedFigures decides which cell came first.
  return placedFigures(table, spec) !== null;
}

/** The rewrite fix: the whole table span replaced, blank lines kept around it so Markdown ends there. */
export function rewriteFix(ctx: Pick<RuleContext, 't' | 'model'>, table: Table, spec: TableSpec): Fix | null {
  const src = ctx.model.source;
  if (!figuresPlaceable(table, spec)) return null;
  // Rendering is deferred until the fix is asked for.
  return lazyFix({ title: ctx.t('GR112.fix'), safe: false, kind: 'refactor.rewrite' }, () => {
    const startLine = src.lineIndexAt(table.span.start);
    const endLine = src.lineIndexAt(Math.max(table.span.start, table.span.end - 1));
    const first = src.line(startLine);
    const last = src.line(endLine);
    const before = startLine > 0 && src.lineText(startLine - 1).trim() !== '' ? src.eol : '';
    const after = endLine + 1 < src.lineCount && src.lineText(endLine + 1).trim() !== '' ? src.eol : '';
    return [{ span: { start: first.start, end: last.end }, newText: before + canonicalMarkdown(src, table, spec)! + after }];
  });
}

/**
 * GR112 (information): a pasted table (tab-separated, one cell per line, space-aligned), or one
 * read from fragments (small Markdown tables with placeholder headers, joined by the reader).
 */
export const gr112: Rule = {
  code: 'GR112', name: 'pasted-table', severity: 'information', category: 'tables', fixable: true,
  description: { 'zh-cn': '粘贴来的表格，可改写为标准 Markdown 表格', en: 'A pasted table that can be rewritten as Markdown' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      const fragments = table.reading.notes.some((n) => n.reason === 'fragments');
      if (!PASTED.has(table.shape) && !fragments) continue;
      const fix = rewriteFix(ctx, table, spec);
      ctx.report({
        span: tableAnchor(src, table),
        args: { table: tableName(spec), shape: ctx.t(fragments ? 'GR112.shape.fragments' : `GR112.shape.${table.shape as 'tsv'}`) },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
