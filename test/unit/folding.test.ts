/** Folding ranges end before the next heading, blank line or not. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { foldingRanges } from '../../server/src/core/features/folding';
import { parseReport } from '../../server/src/core/parse/report';

describe('folding', () => {
  it('a section fold never hides the next heading (indented or not, no blank line between)', () => {
    const lines = ['某县2021年政府信息公开工作年度报告', '一、总体情况', '文字一。', '文字二。', '　　二、主动公开政府信息情况', '文字。', '三、收到和处理政府信息公开申请情况', '文字', ''];
    for (const eol of ['\n', '\r\n']) {
      const folds = foldingRanges(parseReport(lines.join(eol)));
      assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[1, 3], [4, 5], [6, 7]]);
    }
  });
});
