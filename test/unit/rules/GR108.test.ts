// GR108: a row label is a known misspelling or outdated; the safe fix writes the standard label.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, fixAll, lineOf, none, one, replaceOnce, reportText } from './scenario';

describe('GR108 row label variant', () => {
  it('fires on “其他法律法规禁止公开”, the label without its numbering', () => {
    const text = replaceOnce(reportText(), '2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开');
    const f = one(text, 'GR108');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '2.其他法律法规禁止公开'));
    assert.equal(f.text, '其他法律法规禁止公开');
    assert.match(f.message, /“其他法律法规禁止公开”不是标准名称，应为“其他法律行政法规禁止公开”/);
  });

  it('the safe fix keeps the numbering “2.” and restores the label; fix-all does it too', () => {
    const text = replaceOnce(reportText(), '2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开');
    const fix = one(text, 'GR108').finding.fixes![0]!;
    assert.equal(fix.safe, true);
    const fixed = applyFix(text, fix);
    assert.ok(fixed.includes('| 　　2.其他法律行政法规禁止公开'));
    none(fixed, 'GR108');
    assert.equal(fixed.replace(/ +/g, ' '), reportText().replace(/ +/g, ' '));
    assert.equal(fixAll(text).text.replace(/ +/g, ' '), reportText().replace(/ +/g, ' '));
  });

  it('“规范性文件” in a 2021 （一） table is the old name', () => {
    const text = replaceOnce(reportText(), '| 行政规范性文件 |', '| 规范性文件 |');
    const f = one(text, 'GR108');
    assert.equal(f.text, '规范性文件');
    assert.match(f.message, /应为“行政规范性文件”/);
  });

  it('does not fire on “规范性文件” in a 2019 table (its standard name there), nor on standard labels', () => {
    none(reportText({ version: '2019' }), 'GR108');
    none(reportText(), 'GR108');
  });
});
