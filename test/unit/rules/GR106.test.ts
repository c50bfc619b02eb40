// GR106: a count cell is negative or has decimals (本年增/减 and amounts excepted).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, defaultT2, defaultT3, lineOf, none, one, reportText, withCells } from './scenario';

describe('GR106 count not a whole non-negative number', () => {
  it('fires on −2 in 表三, on the cell', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '-2' }) });
    const f = one(text, 'GR106');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '1.属于国家秘密'));
    assert.equal(f.text, '-2');
    assert.match(f.message, /（三）1\.属于国家秘密·自然人 为 -2：件数不能为负数/);
  });

  it('fires on 1.5 applications', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '1.5' }) });
    const f = one(text, 'GR106');
    assert.equal(f.text, '1.5');
    assert.match(f.message, /为 1\.5：件数应为整数/);
  });

  it('does not fire on a negative 本年增/减 (2019) nor on a decimal amount in 万元 (2021 （八）)', () => {
    const t2 = defaultT2('2019');
    t2.set('T2.6', withCells(t2.get('T2.6')!, { [cell('penalty', 'delta')]: '-5', [cell('penalty', 'decisions')]: '25' }));
    none(reportText({ version: '2019', t2 }), 'GR106');
    const t21 = defaultT2('2021');
    t21.set('T2.8', new Map([[cell('fees', 'amount'), '0.35']]));
    none(reportText({ t2: t21 }), 'GR106');
  });
});
