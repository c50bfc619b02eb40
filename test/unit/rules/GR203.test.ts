// GR203: malformed dates in the prose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, lineOf, none, one, proseWith, reportText } from './scenario';

const saying = (sentence: string) => reportText({ prose: proseWith(0, [sentence]) });

describe('GR203 malformed date', () => {
  it('a five-digit year: “202420年3月1日”', () => {
    const text = saying('本局于202420年3月1日召开政务公开工作会议。');
    const f = one(text, 'GR203');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '202420年'));
    assert.ok(f.text.includes('202420年'));
    assert.match(f.message, /有误：年份应为四位数/);
  });

  it('impossible days and months: 2月30日, 2023年2月29日, 13月', () => {
    assert.match(one(saying('于2024年2月30日完成目录更新。'), 'GR203').message, /日期“2024年2月30日”有误：该月没有这一天/);
    assert.match(one(saying('于2023年2月29日完成目录更新。'), 'GR203').message, /该月没有这一天/);
    assert.match(one(saying('于2024年13月5日完成目录更新。'), 'GR203').message, /月份应在1至12之间/);
  });

  it('a missing month “2024年11日” and missing 年/月 “20241231日”', () => {
    assert.match(one(saying('于2024年11日完成目录更新。'), 'GR203').message, /缺少月份/);
    assert.match(one(saying('于20241231日完成目录更新。'), 'GR203').message, /缺少“年”“月”/);
  });

  it('does not fire on valid dates: 2024年2月29日 (leap year), 2月29日 without a year, 2024年12月31日', () => {
    none(saying('于2024年2月29日完成目录更新，每年2月29日前后开展自查，2024年12月31日前全部完成。'), 'GR203');
    none(reportText(), 'GR203');
    assert.equal(findings(saying('全年共受理申请2024件。'), 'GR203').length, 0);
  });
});
