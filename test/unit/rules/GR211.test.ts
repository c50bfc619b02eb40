// GR211: the text claims all upheld / won / closed, but 表四 shows otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, defaultT4, lineOf, none, one, proseWith, reportText, withCells } from './scenario';

// 表四 (defaultT4): 行政复议 2 维持 + 1 纠正; 未经复议直接起诉 1 维持; 复议后起诉 none.
const saying = (sentence: string) => reportText({ prose: proseWith(3, [sentence]) });

describe('GR211 claim vs 表四', () => {
  it('“行政复议案件均获维持” while 行政复议·结果纠正 is 1: on the claim, naming the cell', () => {
    const text = saying('本年度发生政府信息公开行政复议3件，行政复议案件均获维持。');
    const f = one(text, 'GR211');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '均获维持'));
    assert.ok(f.text.includes('均获维持'));
    assert.match(f.message, /正文称“[^”]*均获维持[^”]*”，但表四显示行政复议·结果纠正 1/);
    assert.ok((f.finding.related ?? []).length >= 1);
  });

  it('“全部胜诉” is checked against 行政诉讼·结果纠正 only', () => {
    // 行政复议 has a 纠正, but a lawsuit claim is not about it.
    none(saying('本年度发生政府信息公开行政诉讼1件，全部胜诉。'), 'GR211');
    const t4 = withCells(defaultT4(), { [cell('data', 'direct.upheld')]: '0', [cell('data', 'direct.corrected')]: '1' });
    const text = reportText({ t4, prose: proseWith(3, ['本年度发生政府信息公开行政诉讼1件，全部胜诉。']) });
    const f = one(text, 'GR211');
    assert.ok(f.text.includes('全部胜诉'));
    assert.match(f.message, /表四显示行政诉讼·未经复议直接起诉·结果纠正 1|直接起诉.*结果纠正 1/);
  });

  it('“均已结案” is checked against 尚未审结', () => {
    const t4 = withCells(defaultT4(), { [cell('data', 'review.upheld')]: '1', [cell('data', 'review.pending')]: '1' });
    const text = reportText({ t4, prose: proseWith(3, ['本年度行政复议案件均已结案。']) });
    assert.match(one(text, 'GR211').message, /尚未审结 1/);
  });

  it('does not fire when the claim is about litigation, which was all upheld', () => {
    none(saying('本年度行政诉讼案件均获维持。'), 'GR211');
    none(reportText(), 'GR211');
  });

  it('“行政复议案件均已审结，行政诉讼案件均获维持”: the claim is about 行政诉讼 (all upheld) only', () => {
    none(saying('行政复议案件均已审结，行政诉讼案件均获维持。'), 'GR211');
  });
});
