// GR104: a 表四 block's 总计 is not 维持 + 纠正 + 其他 + 尚未审结.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, cell, defaultT4, fixAll, lineOf, none, one, reportText, withCells } from './scenario';

describe('GR104 表四 block total', () => {
  it('行政复议·总计 4 for 2 + 1: one identity only, so no cell is blamed; five candidates, none safe', () => {
    const text = reportText({ t4: withCells(defaultT4(), { [cell('data', 'review.total')]: '4' }) });
    const f = one(text, 'GR104');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '| 行政复议 '));
    assert.equal(f.text, '4');
    assert.match(f.message, /^行政复议·总计 为 4，但结果维持、结果纠正、其他结果、尚未审结之和为 3（结果维持 2 \+ 结果纠正 1，其余为 0）；无法确定哪一格有误，可能是：/);
    assert.match(f.message, /行政复议·总计（→ 3）/);
    const fixes = f.finding.fixes!;
    assert.equal(fixes.length, 5);
    assert.ok(fixes.every((x) => !x.safe));
    assert.equal(fixAll(text).text, text);
  });

  it('choosing “假设 行政复议·总计 有误：改为 3” restores the table', () => {
    const text = reportText({ t4: withCells(defaultT4(), { [cell('data', 'review.total')]: '4' }) });
    const fix = one(text, 'GR104').finding.fixes!.find((x) => x.title.includes('行政复议·总计'))!;
    assert.match(fix.title, /改为 3/);
    const fixed = applyFix(text, fix);
    assert.equal(fixed, reportText());
    none(fixed, 'GR104');
  });

  it('the 复议后起诉 block is checked too', () => {
    const text = reportText({ t4: withCells(defaultT4(), { [cell('data', 'afterReview.pending')]: '1' }) });
    const f = one(text, 'GR104');
    assert.equal(f.line, lineOf(text, '| 行政诉讼·复议后起诉'));
    assert.match(f.message, /行政诉讼·复议后起诉|复议后起诉/);
  });

  it('does not fire on blocks that add up (also all zeros)', () => {
    none(reportText(), 'GR104');
    none(reportText({ t4: new Map([...defaultT4()].map(([k]) => [k, '0'])) }), 'GR104');
  });
});
