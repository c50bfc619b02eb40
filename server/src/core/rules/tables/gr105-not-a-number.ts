import type { Rule } from '../types';
import { cellEdit } from '../../tables/cellEdits';
import { cellSpan } from '../../tables/cells';
import { nameOfCell } from '../../tables/names';

/**
 * GR105: a value cell is not a number ("无", "—", "/", or text). Placeholders meaning 0 get a fix,
 * never a safe one: what the author wrote as text is theirs to turn into a figure.
 */
export const gr105: Rule = {
  code: 'GR105', name: 'not-a-number', severity: 'error', category: 'tables', fixable: true,
  description: { 'zh-cn': '数值单元格不是数字', en: 'A value cell is not a number' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      // Rows and cells walked directly: a list of { row, cell } pairs per table (cellsOf) was an
      // object per cell of the report, made for these loops only.
      const rows = table.rows;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        for (let c = 0; c < row.cells.length; c++) {
          const cell = row.cells[c]!;
          const v = cell.value;
          if (v.kind !== 'placeholder' && v.kind !== 'text') continue;
          const args = { cell: nameOfCell(spec, row, cell), text: cell.text };
          if (v.kind === 'placeholder') {
            ctx.report({
              span: cellSpan(cell), key: 'GR105.placeholder', args,
              fixes: [{ title: ctx.t('GR105.fix', args), edits: [cellEdit(src, table, cell, '0')], safe: false, preferred: true }],
            });
          } else {
            ctx.report({ span: cellSpan(cell), args });
          }
        }
      }
    }
  },
};
