/**
 * ObjectMemo (model/objectMemo.ts) holds the per-table and per-model memos of the table domain and
 * the prose facts in a hidden slot of the key instead of a WeakMap (see there why). These tests
 * fail if a memo leaks into a copy (a stale answer for an edited table) or shows in the model.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { ObjectMemo } from '../../server/src/core/model/objectMemo';
import { getFacts } from '../../server/src/core/prose/facts';
import { cellsOf } from '../../server/src/core/tables/cells';
import { checkedTables } from '../../server/src/core/tables/checked';
import { FORMATS } from '../../server/src/core/standard/versions';
import { sample } from './helpers';

describe('ObjectMemo: a memo held by its key', () => {
  it('answers for its key only: copies (spread, structuredClone) start empty', () => {
    const memo = new ObjectMemo<object, number>();
    const key = { a: 1 };
    assert.equal(memo.get(key), undefined);
    assert.equal(memo.has(key), false);
    memo.set(key, 7);
    assert.equal(memo.get(key), 7);
    assert.equal(memo.has(key), true);
    memo.set(key, 8);
    assert.equal(memo.get(key), 8);
    assert.equal(memo.get({ ...key }), undefined);
    assert.equal(memo.get(structuredClone(key)), undefined);
    assert.equal(new ObjectMemo<object, number>().get(key), undefined, 'two memos, two slots');
  });

  it('is invisible to keys, JSON and deepStrictEqual', () => {
    const memo = new ObjectMemo<object, string>();
    const key = { a: 1, b: [2] };
    memo.set(key, 'x');
    assert.deepEqual(Object.keys(key), ['a', 'b']);
    assert.equal(JSON.stringify(key), '{"a":1,"b":[2]}');
    assert.deepStrictEqual(key, { a: 1, b: [2] });
    const seen: string[] = [];
    for (const k in key) seen.push(k);
    assert.deepEqual(seen, ['a', 'b']);
  });

  it('keeps null as an answer, and works on frozen keys', () => {
    const memo = new ObjectMemo<object, string | null>();
    const key = {};
    memo.set(key, null);
    assert.equal(memo.get(key), null);
    const frozen = Object.freeze({});
    memo.set(frozen, 'f');
    assert.equal(memo.get(frozen), 'f');
    assert.equal(memo.get(Object.freeze({})), undefined);
  });

  it('a copied table with other rows is read afresh, not from the original table\'s memo', () => {
    const { model } = analyze(sample('huaian'));
    const table = model.tables.find((t) => cellsOf(t).length > 0)!;
    const before = cellsOf(table).length;
    const copy = { ...table, rows: table.rows.slice(1) };
    assert.ok(cellsOf(copy).length < before);
    assert.equal(cellsOf(table).length, before);
  });

  it('a copied table list and a copied model get their own checked tables and facts', () => {
    const { model } = analyze(sample('huaian'));
    const format = FORMATS[model.checkedVersion];
    const all = checkedTables(model.tables, format);
    assert.ok(all.length > 1);
    assert.equal(checkedTables(model.tables, format), all, 'memoised');
    assert.equal(checkedTables(model.tables.slice(1), format).length, all.length - 1);
    const facts = getFacts(model);
    assert.equal(getFacts(model), facts, 'memoised');
    const other = { ...model };
    assert.notEqual(getFacts(other), facts);
    assert.deepStrictEqual(getFacts(other).counts, facts.counts);
  });
});

describe('ObjectMemo: one slot for every memo', () => {
  it('memos of one key stay apart, and an object made from it with Object.create sees none of them', () => {
    const a = new ObjectMemo<object, string>();
    const b = new ObjectMemo<object, string>();
    const key = {};
    a.set(key, 'a');
    assert.equal(b.get(key), undefined);
    b.set(key, 'b');
    assert.deepEqual([a.get(key), b.get(key)], ['a', 'b']);
    assert.equal(Object.getOwnPropertySymbols(key).length, 1);
    const child = Object.create(key) as object;
    assert.equal(a.get(child), undefined);
    a.set(child, 'child');
    assert.deepEqual([a.get(child), a.get(key), b.get(child)], ['child', 'a', undefined]);
  });
});
