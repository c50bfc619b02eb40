// The space-aligned reader's column key lists (spaceAlignedColumns.ts), made by push so that they
// share one array map, against the map()/filter() forms they replaced.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specColumns } from '../../server/src/core/parse/tables/build';
import { specOf, TABLE_KEYS, T4_RESULT_ORDER, VERSIONS } from '../../server/src/core/parse/tables/spec';
import { keysFound, ofOneMap, specKeys, t4BlockKeys } from '../../server/src/core/parse/tables/spaceAlignedColumns';
import { T4_BLOCKS } from '../../server/src/core/standard/t4';

describe('space-aligned column key lists', () => {
  it('specKeys: as specColumns, one list per spec', () => {
    for (const key of TABLE_KEYS) for (const v of [...VERSIONS, null]) {
      assert.deepEqual(specKeys(specOf(key, v)), specColumns(key, v));
      assert.equal(specKeys(specOf(key, v)), specKeys(specOf(key, v)));
    }
  });

  it('t4BlockKeys: "<block>.<result>" in the results\' order', () => {
    for (const b of T4_BLOCKS) assert.deepEqual(t4BlockKeys(b.key), T4_RESULT_ORDER.map((r) => `${b.key}.${r}`));
  });

  it('keysFound: as filter over the order', () => {
    const order = specColumns('T3', null);
    for (let mask = 0; mask < 1 << order.length; mask++) {
      const found = new Set(order.filter((_, i) => mask & (1 << i)));
      found.add('not-a-column');
      assert.deepEqual(keysFound(order, found), order.filter((k) => found.has(k)));
    }
  });

  it('ofOneMap: the list itself, or a new empty list', () => {
    const list = ['a'];
    assert.equal(ofOneMap(list), list);
    const empty: string[] = [];
    const got = ofOneMap(empty);
    assert.deepEqual(got, []);
    assert.notEqual(got, empty);
    assert.notEqual(ofOneMap([]), ofOneMap([]));
  });
});
