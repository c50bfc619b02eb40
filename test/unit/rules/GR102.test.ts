// GR102: a 表三 column's （七）总计 is not the sum of the outcome rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, cell, defaultT3, findings, fixAll, lineOf, none, one, reportText, withCells } from './scenario';

describe('GR102 表三 column total', () => {
  it('a wrong outcome cell (予以公开·商业企业 3) is named with “应为 2” and its column sum', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '3' }) });
    const f = one(text, 'GR102');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '（一）予以公开'));
    assert.equal(f.text, '3');
    assert.match(f.message, /^疑似（一）予以公开·商业企业有误（应为 2）：（七）总计·商业企业 为 2，但各办理结果之和为 3（（一）予以公开 3，其余为 0）/);
    assert.equal(applyFix(text, f.finding.fixes![0]!), reportText());
  });

  it('a blank （七）总计·自然人 with outcomes 10 + 3: “为 空（按 0 计）”, not safe, fix-all leaves it', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('total', 'natural')]: '' }) });
    const f = one(text, 'GR102');
    assert.equal(f.line, lineOf(text, '（七）总计'));
    assert.match(f.message, /（七）总计·自然人 为 空（按 0 计），但各办理结果之和为 13（（一）予以公开 10 \+ （二）部分公开 3，其余为 0）/);
    const fix = f.finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    assert.equal(fixed.replace(/ +/g, ' '), reportText().replace(/ +/g, ' '));
    none(fixed, 'GR102');
    assert.equal(fixAll(text).text, text);
  });

  it('a 2019 表三 uses its own outcome rows ((六) without sub-rows)', () => {
    const t3 = withCells(defaultT3('2019'), { [cell('other', 'natural')]: '1' });
    const all = findings(reportText({ version: '2019', t3 }), 'GR102');
    assert.ok(all.length >= 1);
    assert.ok(all.some((f) => /（六）其他处理 1/.test(f.message)), all.map((f) => f.message).join(' | '));
  });

  it('does not fire on consistent columns (2021 and 2019)', () => {
    none(reportText(), 'GR102');
    none(reportText({ version: '2019' }), 'GR102');
  });
});
