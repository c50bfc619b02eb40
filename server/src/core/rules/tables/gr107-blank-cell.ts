import { lazyFix, type Rule } from '../types';
import { cellEdit } from '../../tables/cellEdits';
import type { Cell, Row, Table } from '../../model/types';
import type { TableSpec } from '../../standard/types';
import { isGroupRow, nameOfCell, tableName } from '../../tables/names';
import { tableAnchor } from '../../tables/spans';
import { isAllBlank } from './gr011-blank-table';
import { checkIdentities, targetCells } from '../../tables/identities';

/**
 * The blank cells outside group rows, in reading order, with their rows: a pair object per blank
 * only (filtering cellsOf's list made one per cell of the report).
 */
function blankCells(table: Table, spec: TableSpec): { row: Row; cell: Cell }[] {
  const out: { row: Row; cell: Cell }[] = [];
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c]!;
      if (cell.value.kind === 'blank' && !isGroupRow(spec, row)) out.push({ row, cell });
    }
  }
  return out;
}

/** How many blank cells the message names before "等". */
const NAMED = 3;

/**
 * GR107: value cells are blank (read as 0). ONE hint per table, on its header line, with one fix
 * that fills every blank of the table with 0. Not a safe fix: whether a blank means 0 is the
 * author's call. A table blank throughout gets one GR011 instead; a blank total that a sum rule
 * already reports (GR101–GR104 say "空（按 0 计）") is neither counted nor filled here.
 */
export const gr107: Rule = {
  code: 'GR107', name: 'blank-cell', severity: 'hint', category: 'tables', fixable: true,
  description: { 'zh-cn': '数值单元格为空（按 0 计）', en: 'A value cell is blank (read as 0)' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      if (isAllBlank(table)) continue;
      let blanks = blankCells(table, spec);
      if (!blanks.length) continue;
      // The checks are evaluated only when a blank sits where some identity has its total: no
      // other cell can be the target of a failed one (a table GR101–GR104 skip, fragments of a
      // large file, would otherwise be evaluated in full here for nothing).
      const targets = targetCells(spec);
      if (blanks.some(({ row, cell }) => row.key !== null && cell.column !== null && targets.get(row.key)?.has(cell.column))) {
        const wrongTotals = new Set(checkIdentities(table, spec)
          .filter((c) => c.status === 'mismatch' && c.target.cell)
          .map((c) => c.target.cell!));
        blanks = blanks.filter(({ cell }) => !wrongTotals.has(cell));
        if (!blanks.length) continue;
      }
      const named = blanks.slice(0, NAMED).map(({ row, cell }) => nameOfCell(spec, row, cell));
      const cells = named.join('、') + (blanks.length > NAMED ? ctx.t('GR107.more') : '');
      const table0 = tableName(spec);
      ctx.report({
        span: tableAnchor(src, table),
        args: { count: blanks.length, table: table0, cells },
        // Edits are computed only when the fix is asked for (a large file has many blanks).
        fixes: [lazyFix(
          { title: ctx.t('GR107.fixTable', { table: table0, count: blanks.length }), safe: false },
          () => blanks.map(({ cell }) => cellEdit(src, table, cell, '0')),
        )],
      });
    }
  },
};
