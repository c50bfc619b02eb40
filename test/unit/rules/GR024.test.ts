// GR024: version 2021: section 六 says nothing about 信息处理费.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEADINGS, lineOf, none, one, proseWith, reportText } from './scenario';

describe('GR024 processing fee', () => {
  it('fires on 六’s heading when 六 says only “无。”', () => {
    const text = reportText({ prose: proseWith(5, ['无。']) });
    const f = one(text, 'GR024');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '六、其他需要报告的事项'));
    assert.equal(f.text, '六、其他需要报告的事项');
    assert.match(f.message, /第六部分未说明收取信息处理费的情况（2024年度报告按2021版格式应在此报告/);
  });

  it('fires even when the fee is mentioned elsewhere (only 六 counts)', () => {
    const text = reportText({ prose: [['本年度未收取信息处理费。'], [], [], [], [], ['无。']] });
    one(text, 'GR024');
  });

  it('does not fire on “本年度未收取信息处理费” or “收费情况”, on a 2020 report, or when 六 is missing (GR001’s)', () => {
    none(reportText(), 'GR024');
    none(reportText({ prose: proseWith(5, ['本机关无收费情况。']) }), 'GR024');
    none(reportText({ version: '2019', year: 2020, prose: proseWith(5, ['无。'], { version: '2019', year: 2020 }) }), 'GR024');
    none(reportText({ headings: HEADINGS.map((h, i) => (i === 5 ? '' : h)), prose: proseWith(5, []) }), 'GR024');
  });

  it('the config version decides: a 2020 report checked as 2021 format must say it too', () => {
    const over = { version: '2019' as const, year: 2020 };
    const text = reportText({ ...over, prose: proseWith(5, ['无。'], over) });
    none(text, 'GR024');
    assert.match(one(text, 'GR024', { version: '2021' }).message, /第六部分未说明收取信息处理费的情况（2020年度报告/);
  });
});
