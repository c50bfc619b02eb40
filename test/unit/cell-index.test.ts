// cellIndex (tables/cells.ts) scans a row's cells instead of building a Map per row: the cell it
// gives for every (row key, column) must be the first one a plain first-wins Map index holds, on
// every table of every sample, and on a table whose row keys repeat (later rows' cells count only
// in columns the earlier rows lack).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Cell, Row, Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { cellAt, cellIndex } from '../../server/src/core/tables/cells';
import { SAMPLES_DIR, sample } from './helpers';
import { cellIndexRef } from './tableDomainReference';

function sameIndex(table: Table, where: string): number {
  const ref = cellIndexRef(table);
  const index = cellIndex(table);
  let n = 0;
  const columns = new Set<string>(['no-such-column']);
  for (const row of table.rows) for (const cell of row.cells) if (cell.column !== null) columns.add(cell.column);
  assert.deepEqual([...index.keys()].sort(), [...ref.keys()].sort(), `${where}: row keys`);
  for (const [key, cols] of ref) {
    for (const column of columns) {
      assert.equal(index.get(key)!.get(column), cols.get(column), `${where}: ${key} × ${column}`);
      assert.equal(cellAt(table, key, column), cols.get(column), `${where}: cellAt ${key} × ${column}`);
      n++;
    }
  }
  assert.equal(index.get('no-such-row'), undefined);
  return n;
}

describe('cellIndex', () => {
  it('gives the first cell read at each (row key, column) on every table of every sample', () => {
    let n = 0;
    for (const file of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt'))) {
      const model = parseReport(sample(file.slice(0, -4)));
      model.tables.forEach((t, i) => { n += sameIndex(t, `${file} table ${i}`); });
    }
    assert.ok(n > 1000, `compared ${n} lookups`);
  });

  it('takes later rows of a repeated key only in columns the earlier rows lack', () => {
    const model = parseReport(sample('huaian'));
    const table = model.tables.find((t) => t.rows.filter((r) => r.key !== null && r.cells.length > 2).length > 3)!;
    const keyed = table.rows.filter((r) => r.key !== null && r.cells.length > 2);
    const [a, b, c] = keyed as [Row, Row, Row];
    // b and c read as a's key again: c's first cell in a column a lacks, the rest shadowed by a.
    const renamed = (r: Row, cells: Cell[]): Row => ({ ...r, key: a.key, cells });
    const extra: Cell = { ...c.cells[0]!, column: 'only-in-a-repeat' };
    const rows = [a, renamed(b, b.cells.slice(1)), renamed(c, [extra, ...c.cells]), ...table.rows.filter((r) => !keyed.slice(0, 3).includes(r))];
    const repeated: Table = { ...table, rows };
    sameIndex(repeated, 'repeated keys');
    assert.equal(cellIndex(repeated).get(a.key!)!.get('only-in-a-repeat'), extra);
  });

  it('gives the same cells on a row too long to scan (a very wide table), a repeated column included', () => {
    const model = parseReport(sample('huaian'));
    const table = model.tables.find((t) => t.rows.some((r) => r.key !== null && r.cells.length > 2))!;
    const row = table.rows.find((r) => r.key !== null && r.cells.length > 2)!;
    const cells: Cell[] = [];
    for (let i = 0; i < 60; i++) cells.push({ ...row.cells[i % row.cells.length]!, column: `c${i % 45}` });
    const wide: Table = { ...table, rows: table.rows.map((r) => (r === row ? { ...r, cells } : r)) };
    sameIndex(wide, 'wide row');
    assert.equal(cellIndex(wide).get(row.key!)!.get('c3'), cells[3], 'the first cell of a repeated column');
  });
});
