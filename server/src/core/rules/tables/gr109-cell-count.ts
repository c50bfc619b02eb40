import type { Rule } from '../types';
import { rowAnchor } from '../../tables/spans';

/** GR109: a row has more or fewer value cells than its table. */
export const gr109: Rule = {
  code: 'GR109', name: 'cell-count', severity: 'warning', category: 'tables', fixable: false,
  description: { 'zh-cn': '某行的单元格数与表格不一致', en: 'A row has more or fewer cells than its table' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table } of ctx.tables) {
      for (const row of table.rows) {
        if (row.cells.length === row.expectedCells) continue;
        ctx.report({
          span: rowAnchor(src, row),
          key: row.cells.length < row.expectedCells ? 'GR109' : 'GR109.more',
          args: { row: row.label.trim() || '—', actual: row.cells.length, expected: row.expectedCells },
        });
      }
    }
  },
};
