// markFurniture fills the furniture memo of every text line in one pass, finding 报告 by indexOf
// from occurrence to occurrence. It must answer exactly as isFurnitureAt asked line by line with
// an empty memo (the char-code test on each line), whatever the lines around a running header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rng } from '../../scripts/fuzz-lib';
import { classify, isFurnitureAt, markFurniture, LINE, type LineKinds } from '../../server/src/core/parse/tables/locate';
import { SourceText } from '../../server/src/core/text/source';

const PIECES = [
  '', '   ', '报告', '报', '告', '淮安市人民政府2024年政府信息公开工作年度报告', '  某某县政府信息公开年度报告  ',
  '- 3 -', '第 4 页', '———', '信息内容  本年制发件数', '规章  1  0  11', '这份报告很长'.repeat(20),
  '\t表格\t1', '| a | b |', '报告报告', '年度报\n告', '　政府信息公开工作年度报告', '报告  12  3',
];

function memoOf(text: string, prefilled: boolean): { kinds: LineKinds; memo: Uint8Array } {
  const src = new SourceText(text);
  const kinds = new Uint8Array(src.lineCount);
  for (let i = 0; i < src.lineCount; i++) kinds[i] = classify(src.lineText(i));
  const memo = new Uint8Array(kinds.length);
  const text0 = kinds.slice();
  if (prefilled) markFurniture(src, kinds, memo);
  else for (let i = 0; i < kinds.length; i++) if (text0[i] === LINE.text) isFurnitureAt(src, i, memo);
  return { kinds: text0, memo };
}

describe('furniture memo filled in one pass', () => {
  it('equals isFurnitureAt line by line on random texts', () => {
    const rand = rng(11);
    for (let n = 0; n < 400; n++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(rand() * 30);
      for (let i = 0; i < count; i++) lines.push(PIECES[Math.floor(rand() * PIECES.length)]!);
      const text = lines.join(rand() < 0.5 ? '\n' : '\r\n');
      const full = memoOf(text, true);
      const lazy = memoOf(text, false);
      for (let i = 0; i < full.kinds.length; i++) {
        if (full.kinds[i] !== LINE.text) continue;
        assert.equal(full.memo[i], lazy.memo[i], `line ${i} of ${JSON.stringify(text)}`);
      }
    }
  });
});
