/**
 * Byte-for-byte comparison with the golden snapshot (scripts/golden.ts): a refactoring must not
 * change what the checker says. Intended output changes: `npm run golden:update`, review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../server/src/cli/encoding';
import { GOLDEN_DIR, goldenInputs, goldenOf } from '../../scripts/golden';

const inputs = goldenInputs();

test('the golden snapshot covers every fixture report', () => {
  assert.ok(inputs.length >= 12, `only ${inputs.length} inputs`);
});

for (const { name, path } of inputs) {
  test(`golden: ${name}`, () => {
    const file = join(GOLDEN_DIR, `${name}.golden`);
    assert.ok(existsSync(file), `no snapshot ${file}: run npm run golden:update`);
    const expected = readFileSync(file, 'utf8');
    const actual = goldenOf(decodeBytes(readFileSync(path)).text);
    if (actual !== expected) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const i = a.findIndex((l, k) => l !== e[k]);
      assert.fail(`${name} differs from its snapshot at line ${i + 1}:\n  expected ${e[i]}\n  actual   ${a[i]}\n(npm run golden:update if intended)`);
    }
  });
}
