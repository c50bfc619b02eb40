// GR202: signature date before the end of the report year (error) or after the deadline (warning).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOf, none, one, reportText } from './scenario';

const signed = (date: string, body = '某县教育局') => reportText({ body, signature: [body, date] });

describe('GR202 publication date', () => {
  it('a 2024 report signed 2024年12月20日 (before the year ended): error on the date', () => {
    const text = signed('2024年12月20日');
    const f = one(text, 'GR202');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '2024年12月20日'));
    assert.equal(f.text, '2024年12月20日');
    assert.match(f.message, /落款日期2024年12月20日早于2024年度结束：年度报告应在2025年发布/);
  });

  it('a department signing on 2025年2月5日 is late (1月31日): warning', () => {
    const f = one(signed('2025年2月5日'), 'GR202');
    assert.equal(f.severity, 'warning');
    assert.equal(f.text, '2025年2月5日');
    assert.match(f.message, /落款日期2025年2月5日晚于期限2025年1月31日：政府部门的年度报告应在2025年1月31日前公布/);
  });

  it('the same date is in time for a 人民政府 (3月31日), late for it on 4月1日', () => {
    none(signed('2025年2月5日', '某县人民政府'), 'GR202');
    const f = one(signed('2025年4月1日', '某县人民政府'), 'GR202');
    assert.match(f.message, /晚于期限2025年3月31日：人民政府的年度报告/);
  });

  it('Chinese numerals: 二〇二五年二月五日', () => {
    const f = one(signed('二〇二五年二月五日'), 'GR202');
    assert.equal(f.text, '二〇二五年二月五日');
  });

  it('options: a configured department deadline of 2月28日, and bodyKind overriding the title', () => {
    none(signed('2025年2月5日'), 'GR202', { ruleOptions: { deadlines: { department: [2, 28] } } });
    none(signed('2025年2月5日'), 'GR202', { ruleOptions: { bodyKind: 'government' } });
  });

  it('does not fire on the deadline day itself, nor on 2025年1月20日', () => {
    none(signed('2025年1月31日'), 'GR202');
    none(reportText(), 'GR202');
  });

  it('without a signature date, the crawler’s 发布时间 line is used (department, 2025-02-05 is late)', () => {
    const text = `标题: 某县教育局2024年政府信息公开工作年度报告\n发布时间: 2025-02-05 08:58\n==================== 正文 ====================\n${reportText({ signature: [] })}`;
    const f = one(text, 'GR202');
    assert.equal(f.line, 2);
    assert.equal(f.severity, 'warning');
    // worded by where the date came from: the 发布时间 line at the top, not a 落款
    assert.match(f.message, /^文首标注的发布时间2025年2月5日晚于期限2025年1月31日/);
    assert.doesNotMatch(f.message, /落款/);
    const en = one(text, 'GR202', { locale: 'en' });
    assert.match(en.message, /^Dated 2025年2月5日 by the 发布时间 at the top, after the deadline 2025年1月31日/);
    // a signature date, when there is one, wins over the metadata
    none(`标题: 某县教育局2024年政府信息公开工作年度报告\n发布时间: 2025-02-05 08:58\n${reportText()}`, 'GR202');
  });

  it('the range of a 发布时间 date is the date only (no trailing space), also in the message', () => {
    const text = `标题: 某县教育局2024年政府信息公开工作年度报告\n发布时间: 2024-12-05 08:58\n==================== 正文 ====================\n${reportText({ signature: [] })}`;
    const f = one(text, 'GR202');
    assert.equal(f.text, '2024-12-05');
    assert.match(f.message, /^文首标注的发布时间2024-12-05早于2024年度结束/);
    assert.doesNotMatch(f.message, /落款/);
  });

  it('a 成文日期 in the header is named as such; a 落款 date is called 落款日期 in both languages', () => {
    const text = `索引号: 000-2025-001\n成文日期: 2024年12月30日\n==================== 正文 ====================\n${reportText({ signature: [] })}`;
    assert.match(one(text, 'GR202').message, /^文首标注的成文日期2024年12月30日早于2024年度结束/);
    assert.match(one(signed('2024年12月20日'), 'GR202', { locale: 'en' }).message, /^Signed on 2024年12月20日, before the year 2024 ended/);
  });
});
