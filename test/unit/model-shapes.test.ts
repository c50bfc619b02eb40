/**
 * The model's objects keep one hidden class whatever happened to them or whichever tier built them
 * (parse/report.ts, parse/sections.ts, model/objectMemo.ts withMemoSlot, parse/tables/build.ts):
 * otherwise the rules, optimised on one, deoptimise on the other. These tests fail if a memo adds
 * a property to a model, its table list or a table (specColumns' one list per spec: space-aligned-columns.test.ts).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { analyze } from '../../server/src/core/analyze';
import { ObjectMemo, withMemoSlot } from '../../server/src/core/model/objectMemo';
import { parseReport } from '../../server/src/core/parse/report';
import { ruleApplies } from '../../server/src/core/rules/applies';
import { RULES } from '../../server/src/core/rules/registry';
import { sample } from './helpers';

setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('model shapes: one hidden class per kind of object', () => {
  it('a model, its table list and its tables have the same hidden class fresh and after the rules memoised them', () => {
    const fresh = parseReport(sample('huaian'));
    const used = analyze(sample('huaian')).model;
    assert.ok(used.tables.length > 0);
    assert.deepEqual(Reflect.ownKeys(fresh), Reflect.ownKeys(used));
    assert.ok(sameMap(fresh, used), 'model');
    assert.ok(sameMap(fresh.tables, used.tables), 'table list');
    for (let i = 0; i < used.tables.length; i++) assert.ok(sameMap(fresh.tables[i]!, used.tables[i]!), `table ${i}`);
  });

  it('a model with no sections or tables has the hidden classes of one with them', () => {
    const full = parseReport(sample('huaian'));
    const empty = parseReport('没有标题的一段文字。\n');
    assert.equal(empty.sections.length, 0);
    assert.ok(sameMap(full, empty), 'model');
    assert.ok(sameMap(full.sections, empty.sections), 'sections');
    assert.ok(sameMap(full.tableSpans, empty.tableSpans), 'table spans');
  });

  it('withMemoSlot: an object with an empty slot memoises as any other, and the slot stays invisible', () => {
    const memo = new ObjectMemo<object, number>();
    const key = withMemoSlot({ a: 1 });
    const plain = { a: 1 };
    assert.equal(memo.get(key), undefined);
    memo.set(key, 3);
    memo.set(plain, 3);
    assert.equal(memo.get(key), 3);
    assert.equal(memo.get({ ...key }), undefined);
    assert.ok(sameMap(key, plain), 'slotted at birth or on first use: one hidden class');
    assert.deepStrictEqual(key, { a: 1 });
    assert.equal(JSON.stringify(key), '{"a":1}');
  });

  it('a model without year or title reads as one with them, and ruleApplies runs every rule on it (version null)', () => {
    const bare = parseReport('没有标题的一段文字。\n');
    assert.deepEqual([bare.title, bare.year, bare.yearSpan, bare.usedVersion, bare.expectedVersion, bare.version, bare.collapsed], [null, null, null, null, null, null, null]);
    const full = parseReport(sample('huaian'));
    assert.deepEqual(Object.keys(bare), Object.keys(full));
    assert.equal(full.year, 2024);
    assert.ok(RULES.every((r) => ruleApplies(r, bare)));
    const legacy = { ...bare, version: 'legacy' as const };
    assert.ok(RULES.some((r) => !ruleApplies(r, legacy)));
    assert.ok(RULES.every((r) => ruleApplies(r, legacy) === (r.legacy ?? (r.category === 'text' || r.category === 'across'))));
  });
});
