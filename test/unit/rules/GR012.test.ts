// GR012: a table that could not be read with confidence; its figures are not checked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, findings, lineOf, none, one, proseWith, reportText } from './scenario';

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
// 表三 copied from a web page: the tabs between the figures were lost. 新收 12+2=14 but the
// figures cannot be split, so nothing may be computed from them.
const FLAT = [NOTE, '一、本年新收政府信息公开申请数量1220000014', '二、上年结转政府信息公开申请数量100000001', '（一）予以公开1020000012'];

describe('GR012 unreadable table', () => {
  it('fires once on a 表三 whose cells ran together, from the note line; no arithmetic rule guesses', () => {
    const text = reportText({ t3: null, prose: proseWith(2, ['本局严格按照法定程序和时限办理政府信息公开申请。', FLAT.join('\n')]) });
    const f = one(text, 'GR012');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, NOTE));
    assert.ok(f.text.startsWith(NOTE));
    assert.ok(f.text.includes('（一）予以公开1020000012'));
    assert.match(f.message, /无法分开该表格的单元格（数字连在一起），其数据未经核对/);
    assert.deepEqual(codes(text).filter((c) => /^GR1\d\d$/.test(c)), []);
    none(text, 'GR010'); // the table is there, only unreadable
  });

  it('a single glued line that is not captioned is prose, not an unreadable table', () => {
    const text = reportText({ prose: proseWith(0, ['本年新收政府信息公开申请数量14']) });
    none(text, 'GR012');
  });

  it('does not fire on the same figures with their separators', () => {
    none(reportText(), 'GR012');
    none(reportText({ shape: 'tsv' }), 'GR012');
    assert.equal(findings(reportText({ shape: 'tsv' }), 'GR112').length > 0, true);
  });
});
