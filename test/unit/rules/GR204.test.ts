// GR204: in section 五, the improvement plan names the report year instead of the next.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, fixAll, lineOf, none, one, proseWith, reportText } from './scenario';

const plan = (sentence: string, year = 2024) => reportText({ year, prose: proseWith(4, ['一是公开内容的深度还不够。', sentence], { year }) });

describe('GR204 plan year', () => {
  it('“2024年，我局将进一步加强……” in a 2024 report: on the 2024', () => {
    const text = plan('2024年，我局将进一步加强政府信息公开工作。');
    const f = one(text, 'GR204');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '2024年，我局将'));
    assert.equal(f.text, '2024');
    assert.match(f.message, /改进计划写的是2024年：2024年度报告的改进措施应针对2025年/);
  });

  it('the fix (on request only) writes 2025; then nothing is reported; fix-all leaves it', () => {
    const text = plan('2024年，我局将进一步加强政府信息公开工作。');
    const fix = one(text, 'GR204').finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    assert.equal(fixed, plan('2025年，我局将进一步加强政府信息公开工作。'));
    none(fixed, 'GR204');
    assert.equal(fixAll(text).text, text);
  });

  it('“下一步” and “拟” plans are caught', () => {
    one(plan('2024年下一步重点做好政策解读。'), 'GR204');
    one(plan('2024年拟开展专题培训两次。'), 'GR204');
  });

  it('does not fire on looking back (“2024年以来”, “2024年底”), on Y+1, or outside 五', () => {
    none(plan('2024年以来，我局将公开工作纳入考核。'), 'GR204');
    none(plan('截至2024年底，我局已将公开工作纳入考核。'), 'GR204');
    none(plan('2025年，我局将进一步加强政府信息公开工作。'), 'GR204');
    none(reportText({ prose: proseWith(0, ['2024年，我局将进一步加强政府信息公开工作。']) }), 'GR204');
  });

  it('“2024年已完成的工作将持续巩固” looks back at 2024: not a plan year', () => {
    none(plan('下一步，我局将在2025年继续加强培训，2024年已完成的工作将持续巩固。'), 'GR204');
  });

  it('“2024年度，我局计划于明年开展培训” plans for next year', () => {
    none(plan('2024年度，我局计划于明年开展培训。'), 'GR204');
  });
});
