// GR003: the same section appears twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOf, none, one, replaceOnce, reportText } from './scenario';

describe('GR003 duplicate section', () => {
  it('fires on the second 六, naming the line of the first', () => {
    const base = reportText();
    const text = replaceOnce(base, '某县教育局\n2025年1月20日', '六、其他需要报告的事项\n\n无。\n\n某县教育局\n2025年1月20日');
    const f = one(text, 'GR003');
    const first = lineOf(text, '六、其他需要报告的事项');
    const second = lineOf(text, '六、其他需要报告的事项', text.indexOf('六、其他需要报告的事项') + 1);
    assert.equal(f.line, second);
    assert.equal(f.text, '六、其他需要报告的事项');
    assert.equal(f.severity, 'error');
    assert.match(f.message, new RegExp(`“六、其他需要报告的事项”重复出现（第一次在第${first}行）`));
  });

  it('does not fire when the words of a heading recur inside prose', () => {
    const text = replaceOnce(reportText(), '本年度未收取信息处理费。', '本年度未收取信息处理费。关于其他需要报告的事项，本局无补充。');
    none(text, 'GR003');
  });
});
