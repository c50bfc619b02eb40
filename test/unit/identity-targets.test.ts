// targetCells (tables/identities.ts): GR107 evaluates a table's identities only when one of its blank
// cells is listed there, so the list must hold the target cell of every check an identity can make.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { checkIdentities, targetCells } from '../../server/src/core/tables/identities';
import { specOf } from '../../server/src/core/tables/checked';
import { FORMATS } from '../../server/src/core/standard/versions';
import { figureKeys, report, type Figures } from './tableFixture';

describe('targetCells', () => {
  for (const version of ['2019', '2021'] as const) {
    it(`${version}: holds the target of every check of every standard table (all rows and columns present)`, () => {
      // Every figure of every table written (1s: the checks fail, which does not matter here).
      const all = (key: string): Figures => {
        const s = FORMATS[version].tables.find((t) => t.key === key)!;
        return new Map(figureKeys(s).map((k) => [k, '1']));
      };
      const t2 = new Map(FORMATS[version].tables.filter((t) => t.key.startsWith('T2')).map((t) => [t.key, all(t.key)]));
      const model = parseReport(report(version, { t2, t3: all('T3'), t4: all('T4') }));
      let checked = 0;
      for (const table of model.tables) {
        const spec = specOf(table, FORMATS[version])!;
        const targets = targetCells(spec);
        for (const c of checkIdentities(table, spec)) {
          assert.ok(targets.get(c.target.row)?.has(c.target.column), `${spec.key} ${c.identity.id}: ${c.target.row}·${c.target.column}`);
          checked++;
        }
      }
      assert.ok(checked >= 40, `${checked} checks`);
    });
  }
});
