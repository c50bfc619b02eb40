/**
 * scanNumbers reads only its range [start, end): it jumps between characters that may start a
 * token (numberTokens.ts MAY_START), so a token, bracket or numeral just outside the range must
 * neither be read nor change what is read inside it.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scanNumbers } from '../../server/src/core/prose/numberTokens';

const read = (text: string, start: number, end: number) =>
  scanNumbers(text, start, end).map((t) => `${text.slice(t.numStart, t.end)}@${t.numStart}/d${t.depth}${t.approx ? '~' : ''}`);

describe('scanNumbers on a range', () => {
  it('reads the range only, whatever lies around it', () => {
    const inner = '共受理申请12件，办结三件（其中5件）';
    const around: [string, string][] = [['', ''], ['共7件（', '）8件'], ['二十件', '九十九条'], ['(((', ')))']];
    for (const [before, after] of around) {
      const text = before + inner + after;
      const got = read(text, before.length, before.length + inner.length);
      const alone = read(inner, 0, inner.length).map((s) => s.replace(/@(\d+)/, (_, n) => `@${Number(n) + before.length}`));
      assert.deepEqual(got, alone, `around: ${before}…${after}`);
    }
  });

  it('finds every kind of token start: ASCII and full-width digits, numerals, brackets', () => {
    assert.deepEqual(read('收到１２件和3件，（约40件）；两件，十二条', 0, 23), ['１２件@2/d0', '3件@6/d0', '40件@11/d1~', '两件@16/d0', '十二条@19/d0']);
  });

  it('an empty or figure-free range gives nothing', () => {
    assert.deepEqual(read('共12件', 2, 2), []);
    assert.deepEqual(read('没有数字的句子。12件', 0, 7), []);
  });
});
