// GR105: a value cell is not a number. 无/—// get a fix to 0, never safe; other text none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, cell, defaultT3, findings, fixAll, lineOf, none, one, reportText, withCells } from './scenario';

describe('GR105 not a number', () => {
  it('fires on “无” in 表三, on the cell, with a non-safe fix to 0 that fix-all leaves alone', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '无' }) });
    const f = one(text, 'GR105');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '1.属于国家秘密'));
    assert.equal(f.text, '无');
    assert.match(f.message, /（三）1\.属于国家秘密·自然人 填的是“无”；没有发生的应填 0/);
    const fix = f.finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    none(fixed, 'GR105');
    // the one cell became 0: same text as the report typed with 0 there (padding aside)
    assert.equal(fixed.replace(/ +/g, ' '), reportText().replace(/ +/g, ' '));
    assert.equal(fixAll(text).text, text);
  });

  it('“—” and “/” are placeholders too', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '—', [cell('withheld.prohibited', 'natural')]: '/' }) });
    assert.deepEqual(findings(text, 'GR105').map((f) => f.text), ['—', '/']);
  });

  it('other text: reported, no fix, and the sums that depend on it are not checked', () => {
    // 予以公开·商业企业 "不详": read as 0 the row would not add up (10 + 0 ≠ 12); it must not be.
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '不详' }) });
    const f = one(text, 'GR105');
    assert.equal(f.text, '不详');
    assert.match(f.message, /（一）予以公开·商业企业 应填数字，不能填“不详”；该格不参与求和/);
    assert.equal((f.finding.fixes ?? []).length, 0);
    none(text, 'GR101');
    none(text, 'GR102');
  });

  it('does not fire on figures, on 0, or on a blank cell (that is GR107’s)', () => {
    none(reportText(), 'GR105');
    none(reportText({ t3: withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '' }) }), 'GR105');
  });
});
