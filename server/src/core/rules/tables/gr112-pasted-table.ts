import type { Table } from '../../model/types';
import { renderTable, renderTableBlock, valueKey } from '../../render/markdownTable';
import type { TableSpec } from '../../standard/types';
import type { SourceText } from '../../text/source';
import { lazyFix, type Fix, type Rule, type RuleContext } from '../types';
import { checkedTables, tableAnchor, tableName } from './common';

const PASTED = new Set(['tsv', 'cellPerLine', 'spaceAligned']);

/**
 * The canonical Markdown for a table, every figure in its place; null when some figure could not
 * be placed (a row or column the reader did not recognise holds a value: never drop a number).
 */
export function canonicalMarkdown(src: SourceText, table: Table, spec: TableSpec): string | null {
  const values = placedValues(table, spec);
  if (values === null) return null;
  const opts = { eol: src.eol };
  return table.caption ? renderTableBlock(spec, values, opts) : renderTable(spec, values, opts);
}

/** Every figure keyed by its standard cell; null when one cannot be placed. */
function placedValues(table: Table, spec: TableSpec): Map<string, string> | null {
  const values = new Map<string, string>();
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (!row.key || !cell.column) {
        if (cell.value.kind !== 'blank') return null;
        continue;
      }
      const k = valueKey(row.key, cell.column);
      if (values.has(k)) {
        if (cell.value.kind !== 'blank' && values.get(k) !== cell.text) return null;
        continue;
      }
      if (!spec.columns.some((c) => c.key === cell.column)) return null;
      values.set(k, cell.text);
    }
  }
  return values;
}

/** The rewrite fix: the whole table span replaced, blank lines kept around it so Markdown ends there. */
export function rewriteFix(ctx: Pick<RuleContext, 't' | 'model'>, table: Table, spec: TableSpec): Fix | null {
  const src = ctx.model.source;
  if (placedValues(table, spec) === null) return null;
  const startLine = src.lineIndexAt(table.span.start);
  const endLine = src.lineIndexAt(Math.max(table.span.start, table.span.end - 1));
  const first = src.lines[startLine]!;
  const last = src.lines[endLine]!;
  const before = startLine > 0 && src.lines[startLine - 1]!.text.trim() !== '' ? src.eol : '';
  const after = endLine + 1 < src.lines.length && src.lines[endLine + 1]!.text.trim() !== '' ? src.eol : '';
  // Rendering is deferred until the fix is asked for.
  return lazyFix({ title: ctx.t('GR112.fix'), safe: false, kind: 'refactor.rewrite' },
    () => [{ span: { start: first.start, end: last.end }, newText: before + canonicalMarkdown(src, table, spec)! + after }]);
}

/** GR112 (information): a pasted table (tab-separated, one cell per line, space-aligned). */
export const gr112: Rule = {
  code: 'GR112', name: 'pasted-table', severity: 'information', category: 'tables', fixable: true,
  description: { 'zh-cn': '粘贴来的表格，可改写为标准 Markdown 表格', en: 'A pasted table that can be rewritten as Markdown' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of checkedTables(ctx.model.tables, ctx.format)) {
      if (!PASTED.has(table.shape)) continue;
      const fix = rewriteFix(ctx, table, spec);
      ctx.report({
        span: tableAnchor(src, table),
        args: { table: tableName(spec), shape: ctx.t(`GR112.shape.${table.shape as 'tsv'}`) },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
