/**
 * proseLineContent (prose/prose.ts) against the two tests it replaced (round thirteen: one search
 * clears a line of zero-width characters and of table-like shapes), on random lines made of what
 * either test reacts to.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { proseLineContent } from '../../server/src/core/prose/prose';

/** The line's content as scanLines read it before: zero-width characters removed, then table-like lines refused. */
function oldContent(trimmed: string): string | null {
  const content = /[\u200b\ufeff]/.test(trimmed) ? trimmed.replace(/[\u200b\ufeff]/g, '') : trimmed;
  return /\t|[ \u3000]{4,}|^\|.*\|$/.test(content) ? null : content;
}

const PIECES = ['\u200b', '\ufeff', '\t', ' ', '  ', '\u3000', '|', '共', '12', '件', '。', '\u00a0', 'a'];

test('proseLineContent reads every random line as the tests it replaced did', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
    const line = pieces.join('');
    assert.equal(proseLineContent(line), oldContent(line), JSON.stringify(line));
  }), { numRuns: 20000 });
});

test('proseLineContent: spaces joined by a removed zero-width character, pipes around one', () => {
  for (const line of ['共  \u200b  12件', '\u200b|表|\u200b', '|表|', '共\t12件', '共12件', '共\u200b12件', '\ufeff共 12 件']) {
    assert.equal(proseLineContent(line), oldContent(line), JSON.stringify(line));
  }
});
