import type { Rule } from '../types';
import { cellEdit } from '../../tables/cellEdits';
import { cellsOf } from '../../tables/cells';
import { tableAnchor } from '../../tables/spans';
import { tableName } from '../../tables/names';
import { tableConfidence } from '../../tables/confidence';

/**
 * GR011: a table is there but every value cell is empty (one finding instead of a GR107 per cell).
 * Filling it with 0 is safe only on a table read with confidence (not on shifted or unrecognised cells).
 */
export const gr011: Rule = {
  code: 'GR011', name: 'blank-table', severity: 'warning', category: 'tables', fixable: true,
  description: { 'zh-cn': '表格的数值单元格全部为空', en: 'Every value cell of a table is empty' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      if (!isAllBlank(table)) continue;
      const name = tableName(spec);
      const edits = cellsOf(table).map(({ cell }) => cellEdit(src, table, cell, '0'));
      ctx.report({
        span: tableAnchor(src, table),
        args: { table: name },
        fixes: [{ title: ctx.t('GR011.fix', { table: name }), edits, safe: tableConfidence(table, spec, ctx.model.tables).fixes, preferred: true }],
      });
    }
  },
};

/** At least one value cell, and all of them blank. */
export function isAllBlank(table: import('../../model/types').Table): boolean {
  let n = 0;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (cell.value.kind !== 'blank') return false;
      n++;
    }
  }
  return n > 0;
}
