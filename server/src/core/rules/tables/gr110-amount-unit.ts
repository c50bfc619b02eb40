import type { Rule } from '../types';
import type { Cell, Row } from '../../model/types';
import { cellSpan } from '../../tables/cells';
import { headerText, tableAnchor } from '../../tables/spans';
import { nameOfCell, tableName } from '../../tables/names';

/**
 * GR110: an amount without the expected unit. 2021 （八） is in 万元 and the header must say so
 * (a cell in another unit is wrong too); 2019 （九） must state its unit in the cell or the header.
 */
export const gr110: Rule = {
  code: 'GR110', name: 'amount-unit', severity: 'warning', category: 'tables', fixable: false,
  description: { 'zh-cn': '金额未注明单位或单位不符', en: 'An amount lacks its unit' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      const amountCols = spec.columns.filter((c) => c.kind === 'amount');
      if (!amountCols.length) continue;
      const header = headerText(src, table);
      for (const col of amountCols) {
        // A zero amount is the same in every unit: only non-zero amounts need one.
        // Rows and cells walked directly (a pair object for the matching cells only, not for all).
        const cells: { row: Row; cell: Cell }[] = [];
        for (let r = 0; r < table.rows.length; r++) {
          const row = table.rows[r]!;
          for (let c = 0; c < row.cells.length; c++) {
            const cell = row.cells[c]!;
            if (cell.column === col.key && cell.value.kind === 'number' && cell.value.units !== 0n) cells.push({ row, cell });
          }
        }
        if (!cells.length) continue;
        if (col.unit) {
          let unitless = false;
          for (const { row, cell } of cells) {
            const unit = cell.value.kind === 'number' ? cell.value.unit : undefined;
            if (!unit) unitless = true;
            else if (unit !== col.unit) {
              ctx.report({ span: cellSpan(cell), key: 'GR110.wrongUnit', args: { cell: nameOfCell(spec, row, cell), unit, expected: col.unit } });
            }
          }
          if (unitless && !header.includes(col.unit)) {
            ctx.report({ span: tableAnchor(src, table), key: 'GR110.header', args: { table: tableName(spec), unit: col.unit } });
          }
        } else if (!/元/.test(header)) {
          for (const { row, cell } of cells) {
            if (cell.value.kind === 'number' && !cell.value.unit) {
              ctx.report({ span: cellSpan(cell), args: { cell: nameOfCell(spec, row, cell) } });
            }
          }
        }
      }
    }
  },
};
