/**
 * Tables moved by an edit have their rows moved only when read (incremental/shift.ts
 * lazilyShiftedTable, parser.ts). Reuse that could go stale: rows read versions later than the
 * move, a move of a move, and a moved table that keeps the previous version's table alive.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { modelDifference } from '../../server/src/core/incremental/compare';
import { IncrementalParser } from '../../server/src/core/incremental/parser';
import { lazilyShiftedTable, MovedRows, shiftedTable } from '../../server/src/core/incremental/shift';
import type { ReportModel, Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { sample } from './helpers';

test('a lazily shifted table equals the eager copy and the table read at the new offset, rows made once', () => {
  const text = sample('huaian');
  const a = parseReport(text);
  const b = parseReport('前言\n' + text);
  a.tables.forEach((t, i) => {
    const rows = new MovedRows(t, 3);
    const lazy = lazilyShiftedTable(t, 3, rows)!;
    assert.equal(rows.from, t);
    assert.deepStrictEqual(lazy, shiftedTable(t, 3));
    assert.deepStrictEqual(lazy, b.tables[i]);
    assert.equal(rows.from, null, 'read rows let their source go');
    assert.equal(lazy.rows, lazy.rows);
    assert.notEqual(lazy.rows, t.rows);
    // Moved twice, rows unread in between: from the first table, the deltas added.
    const again = lazilyShiftedTable(lazy, -3, new MovedRows(t, 0))!;
    assert.deepStrictEqual(again, t);
  });
  assert.equal(lazilyShiftedTable({ ...a.tables[0]!, extra: 1 } as Table, 3, new MovedRows(a.tables[0]!, 3)), null);
});

test('rows of moved tables read only after later edits (moves of moves, typed and deleted) equal the full parse of their version', () => {
  const base = sample('huaian');
  const texts = [`${base}\n\n${base}`];
  for (const ins of ['前言。\n', '一', '', '二三\n\n', '四']) texts.push(ins + texts[texts.length - 1]!);
  texts.push(texts[texts.length - 1]!.slice(3)); // a deletion: offsets move back
  const parser = new IncrementalParser();
  const models: ReportModel[] = texts.map((t) => parser.parse(t));
  assert.ok(parser.stats.incremental > 0 && models[1]!.tables.length > 2);
  // Nothing read the rows until now; the oldest versions last.
  for (let v = models.length - 1; v >= 0; v--) {
    const d = modelDifference(models[v]!, parseReport(texts[v]!));
    assert.equal(d, null, `version ${v} differs at ${d}`);
  }
});

test('a moved table does not keep the tables of the versions before alive (no chain over versions)', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const base = sample('huaian');
  const text = `${base}\n\n${base}`;
  const parser = new IncrementalParser();
  parser.parse(text);
  let v1: ReportModel | null = parser.parse('前言。\n' + text);
  const refs = v1.tables.map((t) => new WeakRef<Table>(t));
  v1 = null;
  let last = parser.parse('前言。\n\n' + text);
  last = parser.parse('前言。\n\n\n' + text); // v1 is two versions back: nothing should hold it
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.ok(last.tables.length === refs.length);
  assert.equal(refs.filter((r) => r.deref() !== undefined).length, 0, 'tables of an old version are still reachable');
  assert.equal(modelDifference(last, parseReport(last.source.text)), null);
});

test('once a moved table\'s rows are read, the tables they were moved from are let go (memory stays one version deep)', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const base = sample('huaian');
  const text = `${base}\n\n${base}`;
  const parser = new IncrementalParser();
  let v0: ReportModel | null = parser.parse(text);
  const refs = v0.tables.map((t) => new WeakRef<Table>(t));
  v0 = null;
  const v1 = parser.parse('前言。\n' + text);
  for (const t of v1.tables) void t.rows; // as the idle check does (it compares every table)
  const v2 = parser.parse('前言。\n\n' + text);
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(refs.filter((r) => r.deref() !== undefined).length, 0, 'the tables read first are still reachable');
  assert.equal(modelDifference(v2, parseReport(v2.source.text)), null);
  assert.equal(modelDifference(v1, parseReport(v1.source.text)), null);
});

test('a lazily shifted table has the eager copy\'s own keys in order; a copy of one with a field added is not taken as known', () => {
  const t = parseReport(sample('huaian')).tables[0]!;
  const lazy = lazilyShiftedTable(t, 3, new MovedRows(t, 3))!;
  assert.deepEqual(Object.keys(lazy), Object.keys(shiftedTable(t, 3)));
  assert.deepEqual(Object.getOwnPropertyNames(lazy), Object.keys(lazy));
  const copied = { ...lazy, extra: 1 } as Table;
  assert.equal(lazilyShiftedTable(copied, 3, new MovedRows(copied, 3)), null);
  assert.deepStrictEqual({ ...lazy }, shiftedTable(t, 3));
});
