// mayFail (tables/identities.ts) lets GR101–GR104 skip building a table's checks when none of a
// rule's can be a mismatch. It must never say false where checkIdentities has a mismatch of the
// rule (null: of any rule, as GR107 asks), and on tables of whole figures it must say exactly
// whether there is one (else the fast path would never be taken). Checked on every sample and on
// copies with figures changed at random.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { rng } from '../../scripts/fuzz-lib';
import { parseReport } from '../../server/src/core/parse/report';
import { FORMATS } from '../../server/src/core/standard/versions';
import { checkedTables } from '../../server/src/core/tables/checked';
import { checkIdentities, mayFail } from '../../server/src/core/tables/identities';
import { SAMPLES_DIR, sample } from './helpers';

/** Per (table, rule): mayFail's answer on a fresh parse (no checks memoised yet), then the checks'. */
function compare(text: string): { decided: number; mismatches: number } {
  const model = parseReport(text);
  const list = checkedTables(model.tables, FORMATS[model.checkedVersion]);
  const answers = list.map(({ table, spec }) => {
    const rules: (string | null)[] = [...new Set(spec.identities.map((i) => i.rule)), null];
    return rules.map((rule) => [rule, mayFail(table, spec, rule)] as const);
  });
  let decided = 0;
  let mismatches = 0;
  list.forEach(({ table, spec }, t) => {
    const checks = checkIdentities(table, spec);
    const whole = table.rows.every((r) => r.cells.every((c) => c.value.kind !== 'number' || c.value.scale === 0));
    for (const [rule, may] of answers[t]!) {
      const mismatch = checks.some((c) => (rule === null || c.rule === rule) && c.status === 'mismatch');
      if (mismatch) mismatches++;
      if (mismatch) assert.equal(may, true, `${spec.key} ${rule}: a mismatch mayFail missed`);
      if (whole) {
        assert.equal(may, mismatch, `${spec.key} ${rule}: whole figures, mayFail must be exact`);
        decided++;
      }
      // With the checks made, mayFail reads them.
      assert.equal(mayFail(table, spec, rule), mismatch);
    }
  });
  return { decided, mismatches };
}

/** `text` with `n` of its digits changed, deleted or replaced by a blank, a dash or a decimal. */
function mutate(text: string, rand: () => number, n: number): string {
  const chars = [...text];
  const digits: number[] = [];
  chars.forEach((c, i) => { if (c >= '0' && c <= '9') digits.push(i); });
  for (let k = 0; k < n && digits.length; k++) {
    const i = digits[Math.floor(rand() * digits.length)]!;
    const r = rand();
    chars[i] = r < 0.6 ? String(Math.floor(rand() * 10)) : r < 0.7 ? '' : r < 0.8 ? ' ' : r < 0.9 ? '—' : '1.5';
  }
  return chars.join('');
}

describe('identities: mayFail', () => {
  const texts = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).map((f) => sample(f.replace(/\.txt$/, '')));

  it('agrees with the checks on every sample', () => {
    let decided = 0;
    for (const text of texts) decided += compare(text).decided;
    assert.ok(decided > 10, `only ${decided} decided`);
  });

  it('never misses a mismatch on samples with figures changed', () => {
    const rand = rng(13);
    let mismatches = 0;
    for (let round = 0; round < 12; round++) {
      for (const text of texts) mismatches += compare(mutate(text, rand, 1 + Math.floor(rand() * 6))).mismatches;
    }
    assert.ok(mismatches > 20, `only ${mismatches} mismatches met`);
  });
});
