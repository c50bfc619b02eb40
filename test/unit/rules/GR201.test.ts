// GR201: title, statistics period and table years disagree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, lineOf, none, one, replaceOnce, reportText } from './scenario';

const period = (s: string) => reportText({ preface: [s] });

describe('GR201 year mismatch', () => {
  it('period 2023 in a 2024 report: both years of the period, related to the title year', () => {
    const text = period('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。');
    const all = findings(text, 'GR201');
    assert.equal(all.length, 2);
    for (const f of all) {
      assert.equal(f.severity, 'error');
      assert.equal(f.line, lineOf(text, '统计期限'));
      assert.equal(f.text, '2023');
      assert.match(f.message, /统计期限的年度（2023年）与标题的年度（2024年）不一致/);
      const rel = f.finding.related![0]!;
      assert.equal(text.slice(rel.span.start, rel.span.end), '2024');
      assert.match(rel.message, /标题中的年度：2024年/);
    }
    assert.ok(all[0]!.finding.span.start < all[1]!.finding.span.start);
  });

  it('a period spanning two years is one finding over both years', () => {
    const text = period('本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。');
    const f = one(text, 'GR201');
    assert.ok(f.text.startsWith('2023') && f.text.endsWith('2024'));
    assert.match(f.message, /统计期限跨年（2023年至2024年），2024年度报告应统计2024年1月1日至12月31日/);
  });

  it('“统计期限为2024年1月1日至2024年12月31日” and a short “至12月31日” are understood', () => {
    none(period('本报告统计期限为2024年1月1日至2024年12月31日。'), 'GR201');
    none(period('本报告中所列数据的统计期限自2024年1月1日起至12月31日止。'), 'GR201');
    assert.equal(findings(period('本报告统计期限为2022年1月1日至12月31日。'), 'GR201').length, 1);
  });

  it('a year written in a table header that differs from the report year: on that year', () => {
    const text = replaceOnce(reportText(), '| 信息内容       | 本年收费金额（单位：万元） |', '| 信息内容（2023年） | 本年收费金额（单位：万元） |');
    const f = one(text, 'GR201');
    assert.equal(f.text, '2023');
    assert.equal(f.line, lineOf(text, '信息内容（2023年）'));
    assert.match(f.message, /表格中写的年度（2023年）与报告年度（2024年）不一致/);
    none(replaceOnce(reportText(), '| 信息内容       | 本年收费金额（单位：万元） |', '| 信息内容（2024年） | 本年收费金额（单位：万元） |'), 'GR201');
  });

  it('does not fire when everything says 2024, nor on other years in the prose', () => {
    none(reportText(), 'GR201');
    none(reportText({ prose: [['2023年，本局出台了公开目录；2024年继续完善。'], [], [], [], [], ['本年度未收取信息处理费。']] }), 'GR201');
  });
});
