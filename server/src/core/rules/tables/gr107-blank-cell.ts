import { lazyFix, type Rule, type TextEdit } from '../types';
import { cellEdit, cellsOf, checkedTables, isGroupRow, nameOfCell, rowAnchor, tableName, visibleSpan } from './common';
import { isAllBlank } from './gr011-blank-table';
import { tableConfidence } from './confidence';
import { checkIdentities } from './identities';
import { borneOut, inAnyIdentity } from './localise';

/**
 * GR107: a value cell is blank (read as 0). One hint per cell, with two fixes: this cell, or every
 * blank of the table. A table blank throughout gets one GR011 instead; a blank total that a sum
 * rule already reports (GR101–GR104 say "空（按 0 计）") is not reported again. Filling in 0 is
 * safe only where the identities bear the 0 out (a blanked 1288 must not become 0) on a table
 * read with confidence; the whole-table fix only when every blank is so.
 */
export const gr107: Rule = {
  code: 'GR107', name: 'blank-cell', severity: 'hint', category: 'tables', fixable: true,
  description: { 'zh-cn': '数值单元格为空（按 0 计）', en: 'A value cell is blank (read as 0)' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of checkedTables(ctx.model.tables, ctx.format)) {
      if (isAllBlank(table)) continue;
      const blanks = cellsOf(table).filter(({ row, cell }) => cell.value.kind === 'blank' && !isGroupRow(spec, row));
      if (!blanks.length) continue;
      const checks = checkIdentities(table, spec);
      const trusted = tableConfidence(table, spec, ctx.model.tables).fixes;
      const provable = blanks.map(({ row, cell }) => {
        if (!trusted || !row.key || !cell.column) return false;
        const at = { row: row.key, column: cell.column };
        return !inAnyIdentity(checks, at) || borneOut(checks, at);
      });
      const wrongTotals = checks
        .filter((c) => c.status === 'mismatch' && c.target.cell)
        .map((c) => c.target.cell!);
      // Edits are computed only when a fix is asked for (hints are many; fixes are rare).
      let tableEdits: TextEdit[] | undefined;
      const editsOf = () => (tableEdits ??= blanks.map(({ cell }) => cellEdit(src, table, cell, '0')));
      const name = tableName(spec);
      const tableFix = lazyFix({ title: ctx.t('GR107.fixTable', { table: name, count: blanks.length }), safe: provable.every(Boolean) }, editsOf);
      blanks.forEach(({ row, cell }, i) => {
        if (wrongTotals.includes(cell)) return;
        const args = { cell: nameOfCell(spec, row, cell) };
        ctx.report({
          span: visibleSpan(src, cell.span, rowAnchor(src, row)),
          args,
          fixes: [
            lazyFix({ title: ctx.t('GR107.fix', args), safe: provable[i]!, preferred: true }, () => [editsOf()[i]!]),
            tableFix,
          ],
        });
      });
    }
  },
};
