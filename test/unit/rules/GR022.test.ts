// GR022: the cited notice does not fit the report year.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, lineOf, none, one, proseWith, reportText } from './scenario';

const citing = (year: number, sentence: string) => reportText({ year, prose: proseWith(0, [sentence], { year }) });

describe('GR022 cited notice vs year', () => {
  it('fires on 〔2019〕60号 cited in a 2023 report, on the citation', () => {
    const text = citing(2023, '本报告根据国办公开办函〔2019〕60号要求编制。');
    const f = one(text, 'GR022');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '国办公开办函'));
    assert.equal(f.text, '〔2019〕60号');
    assert.match(f.message, /引用的“〔2019〕60号”与报告年度2023不符，2023年度报告应依据国办公开办函〔2021〕30号/);
  });

  it('fires on 〔2021〕30号 in a 2020 report, and on 国务院令第492号 after 2019', () => {
    assert.match(one(reportText({ version: '2019', year: 2020, prose: proseWith(0, ['本报告根据国办公开办函〔2021〕30号要求编制。'], { version: '2019', year: 2020 }) }), 'GR022').message, /2020年度报告应依据国办公开办函〔2019〕60号/);
    const legacy = one(citing(2021, '根据《中华人民共和国政府信息公开条例》（国务院令第492号）规定编制本报告。'), 'GR022');
    assert.equal(legacy.text, '国务院令第492号');
    assert.match(legacy.message, /已于2019年废止，2021年度报告应依据新《条例》（国令第711号）/);
  });

  it('does not fire on the right notice, on 492号 in a 2018 report, nor on an unrelated 〔2019〕12号', () => {
    none(citing(2023, '本报告根据国办公开办函〔2021〕30号要求编制。'), 'GR022');
    none(citing(2023, '按照县政府办〔2019〕12号文件要求推进公开。'), 'GR022');
    const old = '某县教育局2018年政府信息公开工作年度报告\n\n根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制本报告。\n';
    assert.equal(findings(old, 'GR022').length, 0);
  });

  it('another issuer’s document numbered 〔2019〕60号 (省政府办公厅) is not the national notice', () => {
    none(citing(2024, '根据国办公开办函〔2021〕30号和省政府办公厅〔2019〕60号文件要求编制本报告。'), 'GR022');
  });
});
