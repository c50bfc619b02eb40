// GR101: a 表三 row's 总计 is not the sum of the six applicant columns (with error localisation).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, cell, defaultT3, findings, fixAll, lineOf, none, one, reportText, withCells } from './scenario';

const ROW = '（一）予以公开';

describe('GR101 表三 row total', () => {
  it('a wrong applicant cell (商业企业 3 where 2 belongs) is located: diagnostic on that cell, “疑似…应为 2”', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '3' }) });
    const f = one(text, 'GR101');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, ROW));
    assert.equal(f.text, '3');
    assert.match(f.message, /^疑似（一）予以公开·商业企业有误（应为 2）：（一）予以公开·总计 为 12，但各类申请人之和为 13（自然人 10 \+ 商业企业 3，其余为 0）/);
    // related: every cell of the sum (six applicants + the total)
    assert.equal(f.finding.related!.length, 7);
    assert.ok(f.finding.related!.some((r) => r.message.includes('参与求和')));
  });

  it('its fix is safe (two failing identities agree), gives 2; fix-all yields the clean report', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '3' }) });
    const fix = one(text, 'GR101').finding.fixes![0]!;
    assert.equal(fix.safe, true);
    const fixed = applyFix(text, fix);
    none(fixed, 'GR101');
    none(fixed, 'GR102');
    assert.equal(fixed, reportText());
    const all = fixAll(text);
    assert.equal(all.text, reportText());
    assert.equal(all.converged, true);
  });

  it('a wrong 总计 (13 for 10 + 2) sits on the total; fix gives 12', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'total')]: '13' }) });
    const f = one(text, 'GR101');
    assert.equal(f.text, '13');
    assert.match(f.message, /（一）予以公开·总计 为 13，但各类申请人之和为 12（自然人 10 \+ 商业企业 2，其余为 0）/);
    assert.equal(applyFix(text, f.finding.fixes![0]!), reportText());
  });

  it('a blank 总计 is read as 0 and reported as 空, but the fix that fills it is not safe', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('total', 'natural')]: '' }) });
    const all = findings(text, 'GR101');
    assert.equal(all.length, 1);
    assert.equal(all[0]!.line, lineOf(text, '（七）总计'));
    assert.equal(all[0]!.text.trim(), '');
    assert.ok(all[0]!.finding.fixes!.every((x) => !x.safe));
    assert.equal(fixAll(text).text, text);
  });

  it('does not fire on a row that adds up, nor on a row whose term is text (GR105 then)', () => {
    none(reportText(), 'GR101');
    none(reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '不详' }) }), 'GR101');
  });

  it('CRLF and a BOM: the range is still the one cell and the fix restores the report byte for byte', () => {
    const crlf = reportText({ eol: '\r\n', t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '3' }) });
    const f = one(crlf, 'GR101');
    assert.equal(f.text, '3');
    assert.equal(f.line, lineOf(crlf, '（一）予以公开'));
    assert.equal(applyFix(crlf, f.finding.fixes![0]!), reportText({ eol: '\r\n' }));
    assert.equal(fixAll(crlf).text, reportText({ eol: '\r\n' }));
    const bom = `\uFEFF${reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '3' }) })}`;
    const g = one(bom, 'GR101');
    assert.equal(g.text, '3');
    assert.equal(applyFix(bom, g.finding.fixes![0]!), `\uFEFF${reportText()}`);
  });

  it('full-width digits are read as figures (１０ + ３ ≠ 12), the range is the full-width cell', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'natural')]: '１０', [cell('disclosed', 'business')]: '３' }) });
    const f = one(text, 'GR101');
    assert.equal(f.text, '３');
    assert.match(f.message, /疑似（一）予以公开·商业企业有误（应为 2）/);
  });

  it('config severity applies', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'business')]: '3' }) });
    assert.equal(one(text, 'GR101', { severities: { GR101: 'warning' } }).severity, 'warning');
    none(text, 'GR101', { severities: { GR101: 'off' } });
  });
});
