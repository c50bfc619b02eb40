import { lazyFix, type Rule } from '../types';
import { cellEdit } from '../../tables/cellEdits';
import type { Cell, Row, Table } from '../../model/types';
import type { TableSpec } from '../../standard/types';
import { isGroupRow, nameOfCell, tableName } from '../../tables/names';
import { tableAnchor } from '../../tables/spans';
import { isAllBlank } from './gr011-blank-table';
import { checkIdentities, mayFail, targetCells } from '../../tables/identities';

/**
 * The blank cells outside group rows that are not in `skip`, in reading order: how many, the
 * first `keep` of them with their rows, and whether one sits where some identity has its total
 * (`targets`). Counted without an object per blank (a large file has tens of thousands; only
 * the few the message names and, when asked for, the fix's list are made).
 */
function scanBlanks(
  table: Table, spec: TableSpec, keep: number, skip: ReadonlySet<Cell> | null, targets: ReadonlyMap<string, ReadonlySet<string>> | null,
): { count: number; first: { row: Row; cell: Cell }[]; atTarget: boolean } {
  const first: { row: Row; cell: Cell }[] = [];
  let count = 0;
  let atTarget = false;
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cells = row.cells;
    let group: boolean | undefined; // asked once per row, and only of a row with a blank
    const rowTargets = targets && row.key !== null ? targets.get(row.key) : undefined;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell.value.kind !== 'blank' || (group ??= isGroupRow(spec, row)) || skip?.has(cell)) continue;
      if (count++ < keep) first.push({ row, cell });
      if (!atTarget && rowTargets !== undefined && cell.column !== null && rowTargets.has(cell.column)) atTarget = true;
    }
  }
  return { count, first, atTarget };
}

/** The blank cells outside group rows that are not in `skip`, in reading order (the fix's list). */
function blankCells(table: Table, spec: TableSpec, skip: ReadonlySet<Cell> | null): Cell[] {
  const out: Cell[] = [];
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c]!;
      if (cell.value.kind === 'blank' && !isGroupRow(spec, row) && !skip?.has(cell)) out.push(cell);
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
      let blanks = scanBlanks(table, spec, NAMED, null, targetCells(spec));
      if (!blanks.count) continue;
      // The checks are evaluated only when a blank sits where some identity has its total: no
      // other cell can be the target of a failed one (a table GR101–GR104 skip, fragments of a
      // large file, would otherwise be evaluated in full here for nothing).
      let wrongTotals: Set<Cell> | null = null;
      if (blanks.atTarget) {
        // No check can fail (mayFail): no wrong total, without building the checks.
        wrongTotals = mayFail(table, spec, null)
          ? new Set(checkIdentities(table, spec).filter((c) => c.status === 'mismatch' && c.target.cell).map((c) => c.target.cell!))
          : new Set();
        blanks = scanBlanks(table, spec, NAMED, wrongTotals, null);
        if (!blanks.count) continue;
      }
      const count = blanks.count;
      const named = blanks.first.map(({ row, cell }) => nameOfCell(spec, row, cell));
      const cells = named.join('、') + (count > NAMED ? ctx.t('GR107.more') : '');
      const table0 = tableName(spec);
      const skip = wrongTotals;
      ctx.report({
        span: tableAnchor(src, table),
        args: { count, table: table0, cells },
        // Edits are computed only when the fix is asked for (a large file has many blanks).
        fixes: [lazyFix(
          { title: ctx.t('GR107.fixTable', { table: table0, count }), safe: false },
          () => blankCells(table, spec, skip).map((cell) => cellEdit(src, table, cell, '0')),
        )],
      });
    }
  },
};
