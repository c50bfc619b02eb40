// GR103: 表三 balance per column: 一 + 二 = （七） + 四.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, cell, defaultT3, fixAll, lineOf, none, one, reportText, withCells } from './scenario';

describe('GR103 表三 balance', () => {
  it('a 结转下年度·自然人 of 2 where 12 + 1 = 13 + 0: on that cell, with both sides spelt out', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('carriedOut', 'natural')]: '2' }) });
    const f = one(text, 'GR103');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '四、结转下年度继续办理'));
    assert.equal(f.text, '2');
    assert.match(f.message, /“自然人”列勾稽关系不成立：一 \+ 二 = 13（一 12 \+ 二 1），但（七）\+ 四 = 15（（七） 13 \+ 四 2）；四、结转下年度继续办理·自然人 应为 0/);
    const fix = f.finding.fixes![0]!;
    assert.equal(fix.safe, true);
    assert.equal(applyFix(text, fix), reportText());
  });

  it('a wrong 新收·总计 (15 for 12 + 2): located via the row sum, “疑似…应为 14”; fix-all restores it', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('new', 'total')]: '15' }) });
    const f = one(text, 'GR103');
    assert.equal(f.line, lineOf(text, '一、本年新收政府信息公开申请数量'));
    assert.equal(f.text, '15');
    assert.match(f.message, /“总计”列勾稽关系不成立：一 \+ 二 = 16（一 15 \+ 二 1），但（七）\+ 四 = 15（（七） 15 \+ 四 0）；疑似一、本年新收政府信息公开申请数量·总计有误，应为 14/);
    const all = fixAll(text);
    assert.equal(all.text, reportText());
    none(all.text, 'GR103');
  });

  it('does not fire when 2 is carried out and 一 is 2 larger too (the balance holds)', () => {
    none(reportText(), 'GR103');
    const t3 = withCells(defaultT3(), {
      [cell('carriedOut', 'natural')]: '2', [cell('carriedOut', 'total')]: '2',
      [cell('new', 'natural')]: '14', [cell('new', 'total')]: '16',
    });
    none(reportText({ t3 }), 'GR103');
    none(reportText({ t3 }), 'GR101');
  });
});
