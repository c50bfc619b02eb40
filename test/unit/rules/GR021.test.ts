// GR021: markers of both versions in one report, reported on the first marker of the minority.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultT2, lineOf, none, one, renderTable, replaceOnce, reportText } from './scenario';

describe('GR021 mixed version markers', () => {
  it('fires on the 2019 header “上一年项目数量” in an otherwise 2021 report, naming both markers', () => {
    const text = replaceOnce(reportText(), renderTable('2021', 'T2.6', defaultT2('2021').get('T2.6')!), renderTable('2019', 'T2.6', defaultT2('2019').get('T2.6')!));
    const f = one(text, 'GR021');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '上一年项目数量'));
    assert.equal(f.text, '上一年项目数量');
    assert.match(f.message, /同一报告中混用了2019版和2021版格式的标志（“本年制发件数”与“上一年项目数量”）/);
  });

  it('does not fire on a report that uses one version throughout (either one)', () => {
    none(reportText(), 'GR021');
    none(reportText({ version: '2019' }), 'GR021');
  });
});
