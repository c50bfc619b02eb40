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

describe('outline names', () => {
  it('a run-in head is named by its head only', async () => {
    const { documentSymbols, runInHead } = await import('../../server/src/core/features/symbols');
    assert.equal(runInHead('（一）强化组织领导。成立了领导小组。'), '（一）强化组织领导');
    assert.equal(runInHead('一、总体情况'), '一、总体情况');
    assert.equal(runInHead('（二）依申请公开。'), '（二）依申请公开。');
    const text = ['某县2021年政府信息公开工作年度报告', '一、总体情况', '（一）强化组织领导。成立了领导小组，召开会议3次。', '二、主动公开政府信息情况', ''].join('\n');
    const names = documentSymbols(parseReport(text)).flatMap((s) => [s.name, ...s.children.map((c) => c.name)]);
    assert.ok(names.includes('（一）强化组织领导'), names.join(' | '));
  });
});
