// GR111: implausible figures in the section 二 tables (information only).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, defaultT2, findings, lineOf, none, one, reportText, withCells } from './scenario';

describe('GR111 implausible 表二 figures', () => {
  it('2019 （一）: 本年新公开数量 20 > 对外公开总数量 15, on the 20', () => {
    const t2 = defaultT2('2019');
    t2.set('T2.1', withCells(t2.get('T2.1')!, { [cell('normative', 'newPublished')]: '20' }));
    const text = reportText({ version: '2019', t2 });
    const f = one(text, 'GR111');
    assert.equal(f.severity, 'information');
    assert.equal(f.line, lineOf(text, '| 规范性文件'));
    assert.equal(f.text, '20');
    assert.match(f.message, /规范性文件·本年新公开数量 为 20，大于规范性文件·对外公开总数量 15，请核实/);
  });

  it('2019: 上一年项目数量 2 + 本年增/减 −3 < 0, on the −3', () => {
    const t2 = defaultT2('2019');
    t2.set('T2.6', withCells(t2.get('T2.6')!, { [cell('coercion', 'delta')]: '-3' }));
    const f = one(reportText({ version: '2019', t2 }), 'GR111');
    assert.equal(f.text, '-3');
    assert.match(f.message, /行政强制·本年增\/减：上一年项目数量 2 加本年增\/减 -3 为 -1，小于 0，请核实/);
  });

  it('2021 （八）: 0.1234567 万元 has more than six decimals', () => {
    const t2 = defaultT2();
    t2.set('T2.8', new Map([[cell('fees', 'amount'), '0.1234567']]));
    const f = one(reportText({ t2 }), 'GR111');
    assert.equal(f.text, '0.1234567');
    assert.match(f.message, /为 0\.1234567 万元，小数超过 6 位（不足 0\.01 元）/);
  });

  it('does not fire on the near misses: 新公开 = 总数, 2 + (−2) = 0, six decimals', () => {
    const t2 = defaultT2('2019');
    t2.set('T2.1', withCells(t2.get('T2.1')!, { [cell('normative', 'newPublished')]: '15' }));
    t2.set('T2.6', withCells(t2.get('T2.6')!, { [cell('coercion', 'delta')]: '-2', [cell('coercion', 'decisions')]: '0' }));
    none(reportText({ version: '2019', t2 }), 'GR111');
    const t21 = defaultT2();
    t21.set('T2.8', new Map([[cell('fees', 'amount'), '0.123456']]));
    none(reportText({ t2: t21 }), 'GR111');
    assert.equal(findings(reportText(), 'GR111').length, 0);
  });

  it('a blank cell is not a 0: 新公开 20 over a blank 总数量, −3 under a blank 上一年项目数量', () => {
    const t2 = defaultT2('2019');
    t2.set('T2.1', withCells(t2.get('T2.1')!, { [cell('normative', 'newPublished')]: '20', [cell('normative', 'totalPublished')]: '' }));
    t2.set('T2.6', withCells(t2.get('T2.6')!, { [cell('coercion', 'delta')]: '-3', [cell('coercion', 'lastYear')]: '' }));
    none(reportText({ version: '2019', t2 }), 'GR111');
  });
});
