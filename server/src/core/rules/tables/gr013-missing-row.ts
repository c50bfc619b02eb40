import type { Table } from '../../model/types';
import { rowLabel } from '../../render/markdownTable';
import type { ColumnSpec, RowSpec, TableSpec } from '../../standard/types';
import type { SourceText } from '../../text/source';
import type { Fix, TextEdit } from '../../types';
import type { Rule, RuleContext } from '../types';
import { columnName, rowName, tableName } from '../../tables/names';
import { tableAnchor } from '../../tables/spans';
import { rowKeysOf } from '../../tables/cells';

/**
 * For a Markdown table: insert each missing row (standard label, empty cells) after the row that
 * precedes it in the standard order. Not safe: it adds structure the author should look at.
 */
function insertRowsFix(ctx: RuleContext, src: SourceText, table: Table, spec: TableSpec, missing: RowSpec[]): Fix | null {
  if (table.shape !== 'markdown' || spec.key === 'T4' || table.rows.length === 0) return null;
  const byPoint = new Map<number, string[]>();
  const lastLine = src.lineIndexAt(Math.max(table.span.start, table.span.end - 1));
  for (const r of missing) {
    const idx = spec.rows.indexOf(r);
    let anchorLine = -1;
    for (let k = idx - 1; k >= 0 && anchorLine < 0; k--) {
      const present = table.rows.find((x) => x.key === spec.rows[k]!.key);
      if (present) anchorLine = src.lineIndexAt(Math.max(present.start, present.end - 1));
    }
    if (anchorLine < 0) anchorLine = src.lineIndexAt(table.rows[0]!.start) - 1; // after the delimiter
    if (anchorLine < 0 || anchorLine > lastLine) return null;
    const line = src.line(anchorLine);
    const cells = r.groupLabel ? [] : spec.columns.map(() => '');
    const text = `| ${rowLabel(spec, r)} |${cells.map(() => '  |').join('')}`;
    const point = line.next > line.end ? line.next : line.end;
    const list = byPoint.get(point) ?? [];
    list.push(line.next > line.end ? text + src.eol : src.eol + text);
    byPoint.set(point, list);
  }
  const edits: TextEdit[] = [...byPoint].map(([point, texts]) => ({ span: { start: point, end: point }, newText: texts.join('') }));
  return { title: ctx.t('GR013.fix', { count: missing.length }), edits, safe: false };
}

const MAX_LISTED = 5;

function list(names: string[], more: (n: number) => string): string {
  const shown = names.slice(0, MAX_LISTED).map((n) => `“${n}”`).join('、');
  return names.length > MAX_LISTED ? shown + more(names.length) : shown;
}

/** GR013: a row or column the version requires is missing from a table (e.g. 表四 with no data row). */
export const gr013: Rule = {
  code: 'GR013', name: 'missing-row', severity: 'error', category: 'tables', fixable: true,
  description: { 'zh-cn': '表格缺少规定的行或列', en: 'A required row or column is missing from a table' },
  check(ctx) {
    const src = ctx.model.source;
    // Most tables miss nothing: the lists (and the table's name) are made only for what is missing.
    for (const { table, spec } of ctx.tables) {
      const present = rowKeysOf(table);
      let missing: RowSpec[] | null = null;
      const rows = spec.rows;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        if (!r.groupLabel && !present.has(r.key)) (missing ??= []).push(r);
      }
      if (missing && spec.key === 'T4') {
        ctx.report({ span: tableAnchor(src, table), key: 'GR013.data', args: { table: tableName(spec) } });
      } else if (missing) {
        const names = missing.map((r) => rowName(spec, r.key));
        const fix = insertRowsFix(ctx, src, table, spec, missing);
        ctx.report({
          span: tableAnchor(src, table),
          args: { table: tableName(spec), rows: list(names, (n) => ctx.t('GR013.more', { count: n })), count: names.length },
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
      // Columns: only when the header was recognised at all, and no cell carries the column either.
      if (table.columns.length === 0 || table.rows.length === 0) continue;
      let absent: ColumnSpec[] | null = null;
      const columns = spec.columns;
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        if (!table.columns.includes(c.key)) (absent ??= []).push(c);
      }
      // Cells are looked at only when the header lacks a column (a header usually has them all).
      if (!absent) continue;
      const seen = new Set<string>(table.columns);
      for (const r of table.rows) for (const c of r.cells) if (c.column) seen.add(c.column);
      const cols = absent.filter((c) => !seen.has(c.key)).map((c) => columnName(spec, c.key));
      if (cols.length) {
        ctx.report({
          span: tableAnchor(src, table), key: 'GR013.column',
          args: { table: tableName(spec), columns: list(cols, (n) => ctx.t('GR013.more', { count: n })), count: cols.length },
        });
      }
    }
  },
};
