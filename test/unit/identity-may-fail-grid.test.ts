// mayFail reads a table's cells on a dense grid over its spec (tables/specGrid.ts), not through
// cellIndex: the grid must hold the cell cellIndex gives at every (row key, column) of the spec,
// also when row keys repeat and columns repeat within a row (first wins), and mayFail must then
// agree with the checks built from cellIndex.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rng } from '../../scripts/fuzz-lib';
import type { Row, Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { FORMATS } from '../../server/src/core/standard/versions';
import { cellIndex, rowKeysOf } from '../../server/src/core/tables/cells';
import { checkedTables } from '../../server/src/core/tables/checked';
import { checkIdentities, mayFail } from '../../server/src/core/tables/identities';
import { axesOf, gridOf, plansOf } from '../../server/src/core/tables/specGrid';
import { sample } from './helpers';

/** A fresh copy of `table` whose rows are shuffled copies: keys repeated, cells repeated or renamed. */
function scrambled(table: Table, rand: () => number): Table {
  const rows: Row[] = table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  for (let k = 0; k < 4 && rows.length; k++) {
    const r = pick(rows);
    const x = rand();
    if (x < 0.3) {
      // The row again, its figures taken from another row: a repeated key, later cells shadowed.
      const other = pick(rows);
      rows.splice(Math.floor(rand() * rows.length), 0, { ...r, cells: r.cells.map((c, i) => ({ ...c, value: (other.cells[i] ?? c).value })) });
    } else if (x < 0.6 && r.cells.length) {
      const c = pick(r.cells);
      r.cells.push({ ...c, value: pick(r.cells).value });
    } else if (x < 0.8 && r.cells.length > 1) {
      pick(r.cells).column = pick(r.cells).column;
    } else {
      r.key = pick(rows).key;
    }
  }
  return { ...table, rows };
}

describe('identities: mayFail on the spec grid', () => {
  it('every identity of the standard names rows and columns of its own spec (else mayFail could not decide)', () => {
    for (const format of Object.values(FORMATS)) {
      for (const spec of format.tables) {
        assert.notEqual(plansOf(spec), null, spec.key);
      }
    }
  });

  const models = ['huaian', '001', '003', '013'].map((p) => parseReport(sample(p)));
  const cases = models.flatMap((m) => checkedTables(m.tables, FORMATS[m.checkedVersion]));

  it('the grid holds cellIndex\'s cell at every (row, column) of the spec, with repeated keys and columns', () => {
    const rand = rng(7);
    let n = 0;
    for (let round = 0; round < 60; round++) {
      for (const { table, spec } of cases) {
        const t = scrambled(table, rand);
        const grid = gridOf(t, spec);
        const { rows, cols } = axesOf(spec);
        const index = cellIndex(t);
        const keys = rowKeysOf(t);
        for (const [rk, ri] of rows) {
          assert.equal(grid.present[ri] === 1, keys.has(rk));
          for (const [ck, ci] of cols) {
            assert.equal(grid.cells[ri * grid.width + ci], index.get(rk)?.get(ck), `${spec.key} ${rk} × ${ck}`);
            n++;
          }
        }
        // Fresh again (no checks memoised): mayFail answers before the checks exist.
        const u = scrambled(table, rand);
        const rules = [...new Set(spec.identities.map((i) => i.rule)), null];
        const answers = rules.map((rule) => mayFail(u, spec, rule));
        const checks = checkIdentities(u, spec);
        rules.forEach((rule, i) => {
          if (checks.some((c) => (rule === null || c.rule === rule) && c.status === 'mismatch')) assert.equal(answers[i], true, `${spec.key} ${rule}`);
        });
      }
    }
    assert.ok(n > 10000, `compared ${n} cells`);
  });
});
