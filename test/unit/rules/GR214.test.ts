// GR214: the text says none were received / happened, but 表三 / 表四 show some.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, consistentT3, defaultT4, findings, lineOf, none, one, proseWith, reportText, withCells } from './scenario';

const saying = (i: number, sentence: string, over = {}) => reportText({ ...over, prose: proseWith(i, [sentence]) });

describe('GR214 none claimed', () => {
  it('“本年度未收到政府信息公开申请” while 新收·总计 is 14: on the claim', () => {
    const text = saying(2, '本年度未收到政府信息公开申请。');
    const f = one(text, 'GR214');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '未收到政府信息公开申请'));
    assert.ok(f.text.includes('未收到'));
    assert.match(f.message, /正文称“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量·总计”为14件/);
    const rel = f.finding.related![0]!;
    assert.equal(text.slice(rel.span.start, rel.span.end), '14');
  });

  it('“未发生政府信息公开行政复议” while 表四 has 3', () => {
    const f = one(saying(3, '本年度未发生政府信息公开行政复议案件。'), 'GR214');
    assert.match(f.message, /但表四行政复议总计为3件/);
  });

  it('does not fire when 表三 indeed has no new request, nor on “无不予公开政府信息申请”', () => {
    const t3 = consistentT3('2021', () => 0);
    none(saying(2, '本年度未收到政府信息公开申请。', { t3 }), 'GR214');
    none(saying(2, '本年度无不予公开政府信息申请的情况。'), 'GR214');
  });

  it('“未发生政府信息公开行政复议、行政诉讼案件” with 3 reviews and 1 lawsuit: one finding per kind', () => {
    const text = saying(3, '全年未发生政府信息公开行政复议、行政诉讼案件。');
    const all = findings(text, 'GR214');
    assert.deepEqual(all.map((f) => f.text), ['未发生政府信息公开行政复议、行政诉讼', '未发生政府信息公开行政复议、行政诉讼']);
    assert.match(all[0]!.message, /表四行政复议总计为3件/);
    assert.match(all[1]!.message, /表四行政诉讼共1件/);
  });

  it('表四 总计 blank, parts 2 + 1 + 0 + 0: the claim is refuted by the parts; the blank total is "未填写", not "为0"', () => {
    const t4 = withCells(defaultT4(), { [cell('data', 'review.total')]: '' });
    const f = one(saying(3, '本年度未发生政府信息公开行政复议案件。', { t4 }), 'GR214');
    assert.match(f.message, /但表四行政复议总计为3件/);
    assert.equal(f.finding.related!.length, 1);
    assert.match(f.finding.related![0]!.message, /^表四“行政复议·总计”未填写$/);
  });
});
