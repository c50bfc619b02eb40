// GR004: a section title is a known variant or misspelt; the safe fix writes the standard title.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEADINGS, applyFix, fixAll, lineOf, none, one, reportText } from './scenario';

const withHeading = (i: number, h: string) => reportText({ headings: HEADINGS.map((x, j) => (j === i ? h : x)) });

describe('GR004 section title variant', () => {
  it('fires on “存在的主要问题及整改措施”, on the title without its number', () => {
    const text = withHeading(4, '五、存在的主要问题及整改措施');
    const f = one(text, 'GR004');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '五、存在的主要问题及整改措施'));
    assert.equal(f.text, '存在的主要问题及整改措施');
    assert.match(f.message, /标题“存在的主要问题及整改措施”与标准格式不一致，应为“存在的主要问题及改进情况”/);
  });

  it('fires on the misspelt “行政法复议”; the safe fix restores the standard title and keeps the number', () => {
    const text = withHeading(3, '四、政府信息公开行政法复议、行政诉讼情况');
    const f = one(text, 'GR004');
    assert.equal(f.text, '政府信息公开行政法复议、行政诉讼情况');
    const fix = f.finding.fixes![0]!;
    assert.equal(fix.safe, true);
    const fixed = applyFix(text, fix);
    assert.equal(fixed, reportText());
    none(fixed, 'GR004');
    // fix-all applies it too
    assert.equal(fixAll(text).text, reportText());
  });

  it('does not fire on the standard titles, also with a different numbering style', () => {
    none(reportText(), 'GR004');
    none(reportText({ headings: HEADINGS.map((h) => `## ${h}`) }), 'GR004');
  });
});
