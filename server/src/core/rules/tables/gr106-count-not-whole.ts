import type { Rule } from '../types';
import { cellSpan } from '../../tables/cells';
import { columnSpecOf, nameOfCell } from '../../tables/names';
import { fmtNum } from '../../tables/cellNumbers';

/** GR106: a count cell is negative or has decimals (本年增/减 and amounts excepted). */
export const gr106: Rule = {
  code: 'GR106', name: 'count-not-whole', severity: 'error', category: 'tables', fixable: false,
  description: { 'zh-cn': '件数为负数或带小数', en: 'A count is negative or has decimals' },
  check(ctx) {
    for (const { table, spec } of ctx.tables) {
      const rows = table.rows; // walked directly, as GR105 does (no pair object per cell)
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        for (let c = 0; c < row.cells.length; c++) {
          const cell = row.cells[c]!;
          const v = cell.value;
          // Whole non-negative numbers (nearly all) are fine: skip them before naming the cell.
          if (v.kind !== 'number' || (v.units >= 0n && v.scale === 0)) continue;
          const kind = columnSpecOf(spec, cell)?.kind ?? 'count';
          if (kind !== 'count') continue;
          const args = { cell: nameOfCell(spec, row, cell), value: fmtNum(v) };
          if (v.units < 0n) ctx.report({ span: cellSpan(cell), key: 'GR106', args });
          else if (v.scale > 0) ctx.report({ span: cellSpan(cell), key: 'GR106.decimal', args: { ...args, value: cell.text } });
        }
      }
    }
  },
};
