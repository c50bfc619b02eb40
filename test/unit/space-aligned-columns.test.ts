// The space-aligned reader's column key lists (spaceAlignedColumns.ts), made by push so that they
// share one array map, against the map()/filter() forms they replaced.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specColumns } from '../../server/src/core/parse/tables/build';
import { specOf, TABLE_KEYS, VERSIONS } from '../../server/src/core/parse/tables/spec';
import { keyList } from '../../server/src/core/parse/tables/spaceAlignedColumns';

describe('space-aligned column key lists', () => {
  it('specColumns: the spec\'s column keys, one list per spec', () => {
    for (const key of TABLE_KEYS) for (const v of [...VERSIONS, null]) {
      assert.deepEqual(specColumns(key, v), specOf(key, v).columns.map((c) => c.key));
      assert.equal(specColumns(key, v), specColumns(key, v));
    }
  });

  it('keyList: a new list of the keys, or of those kept, in order', () => {
    const order = specColumns('T3', null);
    assert.notEqual(keyList(order), order);
    assert.deepEqual(keyList(order), order);
    assert.deepEqual(keyList([]), []);
    for (let mask = 0; mask < 1 << order.length; mask++) {
      const found = new Set(order.filter((_, i) => mask & (1 << i)));
      found.add('not-a-column');
      assert.deepEqual(keyList(order, found), order.filter((k) => found.has(k)));
    }
  });
});
