import type { Rule } from '../types';
import { cellEdit } from '../../tables/cellEdits';
import { cellsOf, cellSpan } from '../../tables/cells';
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
      const cells = cellsOf(table);
      for (let k = 0; k < cells.length; k++) {
        const { row, cell } = cells[k]!;
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
  },
};
