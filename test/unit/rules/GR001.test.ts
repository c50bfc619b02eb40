// GR001: a required section (一…六) is missing; the fix inserts its standard heading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEADINGS, applyFix, findings, lineOf, none, one, reportText } from './scenario';

const without = (i: number) => HEADINGS.map((h, j) => (j === i ? '' : h));

describe('GR001 missing section', () => {
  it('fires on a report without 五, at the heading that follows, naming the part', () => {
    // Part 五's heading left out: its prose runs on under 四.
    const text = reportText({ headings: without(4) });
    const f = one(text, 'GR001');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /缺少第五部分“五、存在的主要问题及改进情况”/);
    // The finding sits where 五's orphaned prose starts (after 四's table), not on 六's heading.
    assert.equal(f.line, lineOf(text, '一是公开内容'));
    assert.equal(f.text, f.lineText.trim());
  });

  it('the fix inserts the standard heading on its own line; re-analysis is clean and nothing else changed', () => {
    const text = reportText({ headings: without(4) });
    const f = one(text, 'GR001');
    const fix = f.finding.fixes!.find((x) => x.preferred)!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    assert.ok(fixed.includes('五、存在的主要问题及改进情况\n一是公开内容'));
    none(fixed, 'GR001');
    // Only an insertion: removing the heading gives the original text back.
    assert.equal(fixed.replace('五、存在的主要问题及改进情况\n', ''), text);
  });

  it('a missing 三 whose table is present: the heading goes before the table', () => {
    const text = reportText({ headings: without(2), prose: [[], [], [], [], ['无。'], ['本年度未收取信息处理费。']] });
    const f = one(text, 'GR001');
    assert.match(f.message, /缺少第三部分“三、收到和处理政府信息公开申请情况”/);
    assert.equal(f.line, lineOf(text, '| （本列数据的勾稽关系'));
    const fixed = applyFix(text, f.finding.fixes![0]!);
    assert.ok(fixed.indexOf('三、收到和处理政府信息公开申请情况') < fixed.indexOf('| （本列数据的勾稽关系'));
    assert.ok(fixed.indexOf('三、收到和处理政府信息公开申请情况') > fixed.indexOf('第二十条第（八）项'));
    none(fixed, 'GR001');
  });

  it('a missing 六 at the end: the heading is appended', () => {
    const text = reportText({ headings: without(5) });
    const f = one(text, 'GR001');
    assert.match(f.message, /缺少第六部分“六、其他需要报告的事项”/);
    const fixed = applyFix(text, f.finding.fixes!.find((x) => x.preferred)!);
    none(fixed, 'GR001');
  });

  it('does not fire on a complete report, nor when a heading is written as a known variant (GR004 then)', () => {
    none(reportText(), 'GR001');
    const variant = reportText({ headings: HEADINGS.map((h, i) => (i === 4 ? '五、存在的主要问题及整改措施' : h)) });
    none(variant, 'GR001');
    assert.equal(findings(variant, 'GR004').length, 1);
  });

  it('does not fire on a text that is not yet a report (no title, no section)', () => {
    none('本局认真贯彻落实条例。\n', 'GR001');
  });
});
