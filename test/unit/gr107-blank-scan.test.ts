/**
 * GR107 counts the blank cells of a table without an object per blank and lists them for its fix
 * only when the fix is asked for. Its findings (message, span, fix title, fix edits) are compared
 * with the implementation it replaced (kept below as it was, fed the same context), on real
 * tables with random cells blanked, some of them totals whose check then fails.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeModel } from '../../server/src/core/analyze';
import type { Cell, ReportModel, Row, Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { gr107 } from '../../server/src/core/rules/tables/gr107-blank-cell';
import { isAllBlank } from '../../server/src/core/rules/tables/gr011-blank-table';
import { lazyFix, type Rule } from '../../server/src/core/rules/types';
import type { TableSpec } from '../../server/src/core/standard/types';
import { cellEdit } from '../../server/src/core/tables/cellEdits';
import { checkIdentities, targetCells } from '../../server/src/core/tables/identities';
import { isGroupRow, nameOfCell, tableName } from '../../server/src/core/tables/names';
import { tableAnchor } from '../../server/src/core/tables/spans';
import { stripBom } from '../../server/src/core/text/source';
import { syntheticReport } from '../../scripts/synthetic';

// ---- GR107 before it counted without pair objects, unchanged ----
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
const NAMED = 3;
const old107: Rule = {
  ...gr107,
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      if (isAllBlank(table)) continue;
      let blanks = blankCells(table, spec);
      if (!blanks.length) continue;
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
        fixes: [lazyFix(
          { title: ctx.t('GR107.fixTable', { table: table0, count: blanks.length }), safe: false },
          () => blanks.map(({ cell }) => cellEdit(src, table, cell, '0')),
        )],
      });
    }
  },
};
// ---- end of the former GR107 ----

const SAMPLES = join(__dirname, '..', 'fixtures', 'samples');
const models = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => parseReport(stripBom(readFileSync(join(SAMPLES, f), 'utf8'))));
models.push(parseReport(syntheticReport(SAMPLES, 100 * 1024)));

const BLANK = { kind: 'blank' } as Cell['value'];

/** The model with fresh table objects (the memos key on them), the picked cells of each made blank. */
function blanked(model: ReportModel, picks: readonly number[]): ReportModel {
  const tables = model.tables.map((table) => {
    const rows: Row[] = table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
    const all = rows.flatMap((r) => r.cells);
    for (const p of picks) if (all.length) all[p % all.length]!.value = BLANK;
    return { ...table, rows };
  });
  return { ...model, tables };
}

/** Findings with their fixes' edits computed (the lazy fix evaluated). */
function run(model: ReportModel, rule: Rule): unknown[] {
  return analyzeModel(model, {}, [rule]).findings.map((f) => ({
    ...f, fixes: f.fixes?.map((x) => ({ title: x.title, safe: x.safe, edits: x.edits })),
  }));
}

test('GR107 without pair objects: the same findings and fixes as before (samples)', () => {
  for (const m of models) assert.deepEqual(run(m, gr107), run(m, old107));
});

test('GR107 without pair objects: the same findings and fixes as before (cells blanked)', () => {
  let reported = 0;
  fc.assert(fc.property(fc.nat({ max: models.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (i, picks) => {
    const m = blanked(models[i]!, picks);
    const got = run(m, gr107);
    assert.deepEqual(got, run(blanked(models[i]!, picks), old107));
    reported += got.length;
  }), { numRuns: 300 });
  assert.ok(reported > 0);
});
