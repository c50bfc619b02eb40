// GR022's noticesIn (rules/structure/notices.ts) finds each citation from its 号: it must give exactly
// what parse/version.ts findNotices (one regex scan of the whole text) gives, on any text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findNotices } from '../../server/src/core/parse/version';
import { noticesIn } from '../../server/src/core/rules/structure/notices';
import { SourceText } from '../../server/src/core/text/source';

/** Pieces citations are made of, and what sits near them, so that random texts hit the edge cases. */
const PIECES = ['〔', '〕', '[', ']', '［', '］', '(', ')', '（', '）', '【', '】', '2019', '2021', '2020', '60', '30', '160', '492', '4920',
  '号', '国', '务院', '国务院', '令', '第', '令第', '办', ' ', '\u3000', '\t', '\n', '\u00a0', '\ufeff', '1', '0', '文', '〔2019〕60号', '国务院令第492号'];

const both = (text: string) => {
  const src = new SourceText(text);
  return [noticesIn(src), findNotices(src)] as const;
};

describe('noticesIn', () => {
  it('agrees with findNotices on the usual citations', () => {
    for (const text of [
      '根据国办公开办函〔2019〕60号和〔2021〕30号，（国务院令第492号）、国令第 492 号、【 2021 】 30 号、[2019]60号、〔2019〕30号、〔2021〕60号，县政府办〔2019〕12号。',
      '号号〔2019〕60号号', '〔2019〕60号〔2021〕30号', '国国务院令第492号', '法务院令第492号', '第492号', '〔\n2019\n〕\n60\n号', '',
    ]) {
      const [fast, ref] = both(text);
      assert.deepEqual(fast, ref, text);
    }
  });

  it('agrees with findNotices on random texts made of citation pieces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const [fast, ref] = both(parts.join(''));
      assert.deepEqual(fast, ref);
    }), { numRuns: 3000 });
  });
});
