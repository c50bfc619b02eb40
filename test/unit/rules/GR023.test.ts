// GR023: a people's government's own report says nothing of 工作考核、社会评议、责任追究.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOf, none, one, proseWith, reportText } from './scenario';

const gov = { body: '某县人民政府' };

describe('GR023 government accountability', () => {
  it('fires (information) on 五’s heading of a 人民政府 report that mentions none, listing all three', () => {
    const text = reportText(gov);
    const f = one(text, 'GR023');
    assert.equal(f.severity, 'information');
    assert.equal(f.line, lineOf(text, '五、存在的主要问题及改进情况'));
    assert.equal(f.text, '五、存在的主要问题及改进情况');
    assert.match(f.message, /正文未提及：工作考核、社会评议、责任追究$/);
  });

  it('lists only what is missing', () => {
    const text = reportText({ ...gov, prose: proseWith(5, ['本年度未收取信息处理费。将政府信息公开工作纳入绩效考核。'], gov) });
    assert.match(one(text, 'GR023').message, /未提及：社会评议、责任追究$/);
  });

  it('does not fire when all three are mentioned (追责 counts)', () => {
    none(reportText({ ...gov, prose: proseWith(5, ['本年度未收取信息处理费。政府信息公开工作纳入年度考核，开展社会评议，未发生追责情形。'], gov) }), 'GR023');
  });

  it('does not fire on a department (局), nor on a 人民政府办公室', () => {
    none(reportText(), 'GR023');
    none(reportText({ body: '某县人民政府办公室' }), 'GR023');
  });

  it('body kind: the setting overrides the title; a 报告类型 line overrides the setting', () => {
    assert.equal(one(reportText(), 'GR023', { ruleOptions: { bodyKind: 'government' } }).line > 0, true);
    none(reportText(gov), 'GR023', { ruleOptions: { bodyKind: 'department' } });
    const typed = reportText({ ...gov, preface: ['报告类型：部门', '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。'] });
    none(typed, 'GR023', { ruleOptions: { bodyKind: 'government' } });
  });
});
