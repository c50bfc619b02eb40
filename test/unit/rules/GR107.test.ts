// GR107: blank value cells read as 0: one hint per table; fill-with-0 fix is never safe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, cell, defaultT3, findings, fixAll, lineOf, none, one, reportText, withCells } from './scenario';

const twoBlanks = () => withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '', [cell('withheld.prohibited', 'natural')]: '' });

describe('GR107 blank cells', () => {
  it('one hint on 表三’s header row naming the two blanks', () => {
    const text = reportText({ t3: twoBlanks() });
    const f = one(text, 'GR107');
    assert.equal(f.severity, 'hint');
    assert.equal(f.line, lineOf(text, '| （本列数据的勾稽关系'));
    assert.ok(f.text.startsWith('| （本列数据的勾稽关系'));
    assert.match(f.message, /本表 2 个空格按 0 计（表三：（三）1\.属于国家秘密·自然人、（三）2\.其他法律行政法规禁止公开·自然人）/);
  });

  it('the fix fills both with 0 (not safe: fix-all leaves them); after it the hint is gone', () => {
    const text = reportText({ t3: twoBlanks() });
    const fix = one(text, 'GR107').finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    none(fixed, 'GR107');
    assert.equal(fixed.replace(/\s+/g, ''), reportText().replace(/\s+/g, ''));
    assert.equal(fixAll(text).text, text);
  });

  it('more than three blanks: three named, then 等', () => {
    const t3 = withCells(twoBlanks(), { [cell('withheld.security', 'natural')]: '', [cell('withheld.thirdParty', 'natural')]: '' });
    const m = one(reportText({ t3 }), 'GR107').message;
    assert.match(m, /^本表 4 个空格按 0 计（表三：.+等）$/);
    assert.equal(m.split('·自然人').length - 1, 3);
    assert.ok(!m.includes('4.保护第三方合法权益'));
  });

  it('a blank total that a sum rule reports is not counted again', () => {
    // 予以公开·总计 blank although 10 + 2 = 12: GR101 reports it; GR107 stays silent about it.
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'total')]: '' }) });
    assert.ok(findings(text, 'GR101').length > 0);
    none(text, 'GR107');
  });

  it('does not fire on a table filled with figures and zeros', () => {
    none(reportText(), 'GR107');
  });
});
