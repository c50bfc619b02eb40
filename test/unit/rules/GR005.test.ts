// GR005: a report of 2019 or later still follows the pre-2019 free-form structure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, none, one } from './scenario';

const legacy = (year: number) => [
  `某乡${year}年政府信息公开工作年度报告`, '',
  '一、概述', '', `${year}年，我乡认真贯彻落实条例。`, '',
  '二、主动公开政府信息情况', '', '全年主动公开政府信息120条。', '',
  '三、回应解读情况', '', '及时回应社会关切。', '',
  '四、依申请公开情况', '', '全年未收到政府信息公开申请。', '',
  '五、机构建设和保障经费情况', '', '明确专人负责。', '',
  '六、会议和培训情况', '', '组织培训2次。', '',
  '七、存在的主要问题和改进措施', '', '公开内容不够全面。', '',
  '某乡人民政府', `${year + 1}年1月15日`, '',
].join('\n');

describe('GR005 legacy structure', () => {
  it('fires once on the title of a 2019 report written in the old nine-part style', () => {
    const text = legacy(2019);
    const f = one(text, 'GR005');
    assert.equal(f.line, 1);
    assert.equal(f.text, '某乡2019年政府信息公开工作年度报告');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /2019年度报告仍使用2019年以前的旧结构（/);
    assert.match(f.message, /回应解读情况/);
    assert.match(f.message, /国办公开办函〔2019〕60号/);
    assert.ok((f.finding.related ?? []).some((r) => r.message === '回应解读情况'));
  });

  it('a 2022 report in the old style cites the 2021 notice', () => {
    assert.match(one(legacy(2022), 'GR005').message, /〔2021〕30号/);
  });

  it('does not fire on the same structure in a 2017 report (the old structure was then the rule)', () => {
    none(legacy(2017), 'GR005');
    assert.equal(findings(legacy(2017), 'GR001').length, 0);
  });
});
