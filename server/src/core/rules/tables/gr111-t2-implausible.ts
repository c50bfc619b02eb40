import { cellAt, cellSpan } from '../../tables/cells';
import type { Rule } from '../types';
import { addNum, cellNum, cmpNum, fmtNum, ZERO } from '../../tables/cellNumbers';
import { columnSpecOf, nameOfCell } from '../../tables/names';
import { headerText } from '../../tables/spans';

/** More decimals than this in 万元 is finer than 0.01 元. */
const MAX_WAN_DECIMALS = 6;

/**
 * GR111 (information): T2 figures that are possible but unlikely: 本年新公开数量 > 对外公开总数量
 * (2019 （一）), a stock that goes below 0 (上一年项目数量 + 本年增/减 < 0), an amount in 万元 with
 * more than six decimals.
 */
export const gr111: Rule = {
  code: 'GR111', name: 't2-implausible', severity: 'information', category: 'tables', fixable: false,
  description: { 'zh-cn': '第二部分统计表数字不合常理', en: 'Implausible figures in the section 二 tables' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      if (spec.section !== 'proactive') continue;
      const cols = new Set(spec.columns.map((c) => c.key));
      for (const row of table.rows) {
        if (!row.key) continue;
        if (cols.has('newPublished') && cols.has('totalPublished')) {
          const a = cellAt(table, row.key, 'newPublished');
          const b = cellAt(table, row.key, 'totalPublished');
          const av = cellNum(a);
          const bv = cellNum(b);
          // Both written as numbers: a blank total is unknown, not 0.
          if (a && b && av && bv && a.value.kind === 'number' && b.value.kind === 'number' && cmpNum(av, bv) > 0) {
            ctx.report({
              span: cellSpan(a), key: 'GR111',
              args: { a: nameOfCell(spec, row, a), av: fmtNum(av), b: nameOfCell(spec, row, b), bv: fmtNum(bv) },
            });
          }
        }
        if (cols.has('lastYear') && cols.has('delta')) {
          const a = cellAt(table, row.key, 'lastYear');
          const d = cellAt(table, row.key, 'delta');
          const av = cellNum(a);
          const dv = cellNum(d);
          // 上一年项目数量 left blank is unknown, not 0: no stock below 0 is shown.
          if (a && d && av && dv && a.value.kind === 'number' && d.value.kind === 'number' && cmpNum(addNum(av, dv), ZERO) < 0) {
            ctx.report({
              span: cellSpan(d), key: 'GR111.negativeStock',
              args: { cell: nameOfCell(spec, row, d), a: fmtNum(av), d: fmtNum(dv), sum: fmtNum(addNum(av, dv)) },
            });
          }
        }
      }
      const header = headerText(src, table);
      // Rows and cells walked directly (indexed: no iterator results in unoptimised code), no pair
      // object per cell (cellsOf).
      for (let r = 0; r < table.rows.length; r++) {
        const row = table.rows[r]!;
        for (let c = 0; c < row.cells.length; c++) {
          const cell = row.cells[c]!;
          const col = columnSpecOf(spec, cell);
          // `!col` first: comparing an undefined `col?.kind` with a string deoptimises the check.
          if (!col || col.kind !== 'amount' || cell.value.kind !== 'number') continue;
          const unit = cell.value.unit ?? (col.unit ?? (header.includes('万元') ? '万元' : undefined));
          if (unit === '万元' && cell.value.scale > MAX_WAN_DECIMALS) {
            ctx.report({ span: cellSpan(cell), key: 'GR111.decimals', args: { cell: nameOfCell(spec, row, cell), value: cell.text } });
          }
        }
      }
    }
  },
};
