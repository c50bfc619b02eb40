/** Hover on a total leads with the sum and whether it holds; only terms with a value are listed. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/core/features/hover';
import { analyzeMini, consistentT3, report } from './tableFixture';

describe('hover on a total', () => {
  const t3 = consistentT3('2021', (r, c) => (r === 'disclosed' && c === 'natural' ? 12 : r === 'partial' && c === 'natural' ? 3 : 0));
  // （七）总计·自然人 should be 15; blank out four of its zero terms, and write 20.
  for (const row of ['withheld.stateSecret', 'withheld.prohibited', 'unable.notHeld', 'other.other']) t3.set(`${row}|natural`, '');
  t3.set('total|natural', '20');
  const text = report('2021', { t3 });
  const a = analyzeMini(text, '2021');
  const at = text.indexOf('| 　（七）总计');
  const cell = text.indexOf(' 20 ', at) + 1;

  for (const [locale, lead, blanks] of [
    ['zh-cn', /^\*\*（七）总计·自然人\*\* 应为 \*\*15\*\* · GR102 {2}\n表中为 20，相差 \+5\n/, /4 项空着（按 0 计）/],
    ['en', /^\*\*（七）总计·自然人\*\* should be \*\*15\*\* · GR102 {2}\nThe table says 20, off by \+5\n/, /4 term\(s\) blank \(counted as 0\)/],
  ] as const) {
    it(`${locale}: the sum and its status first, then the non-zero terms, blanks in one line`, () => {
      const h = hoverAt(a, cell, { locale })!;
      const first = h.markdown.split('\n\n---\n\n').find((p) => p.includes('GR102'))!;
      assert.match(first, lead);
      const rows = first.split('\n').filter((l) => /^\| [+−] \|/.test(l));
      assert.deepEqual(rows.map((l) => l.split('|')[3]!.trim()), ['12', '3']);
      assert.match(first, blanks);
      assert.doesNotMatch(first, /空（按 0 计）|blank \(read as 0\)$/m);
    });
  }
});
