// GR302: stock figures do not carry over from last year's report of the same body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, defaultT2, lineOf, none, one, peer, reportText, withCells } from './scenario';

const URI = 'file:///reports/2023.md';

/** 2023 report whose 行政规范性文件 in force was `n` (this year: 3 issued, 1 repealed, 15 in force). */
function lastYear2021(n: string) {
  const t2 = defaultT2('2021');
  t2.set('T2.1', withCells(t2.get('T2.1')!, { [cell('normative', 'inForce')]: n }));
  return reportText({ year: 2023, t2 });
}

/** 2019 report whose 行政许可 was `last` with change `delta` (this year’s 上一年项目数量 is 120). */
function lastYear2019(last: string, delta: string) {
  const t2 = defaultT2('2019');
  t2.set('T2.5', withCells(t2.get('T2.5')!, { [cell('license', 'lastYear')]: last, [cell('license', 'delta')]: delta }));
  // 行政处罚: 25 + 5 = 30 as this year says (the other rows stand still)
  t2.set('T2.6', withCells(t2.get('T2.6')!, { [cell('penalty', 'lastYear')]: '25' }));
  return reportText({ version: '2019', year: 2019, t2 });
}

describe('GR302 stock carry-over', () => {
  it('2021: 14 in force last year + 3 − 1 = 16, but 15 written: on the 15', () => {
    const text = reportText();
    const f = one(text, 'GR302', { peers: [peer(lastYear2021('14'), URI)] });
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '| 行政规范性文件'));
    assert.equal(f.text, '15');
    assert.match(f.message, /行政规范性文件·现行有效件数.*为15，按2023年度报告应为16（14 \+ 3 − 1）/);
    assert.equal(f.finding.related![0]!.uri, URI);
  });

  it('2021: 13 + 3 − 1 = 15 carries over', () => {
    none(reportText(), 'GR302', { peers: [peer(lastYear2021('13'), URI)] });
  });

  it('2019: 上一年项目数量 120 ≠ 110 + 5 of last year', () => {
    const text = reportText({ version: '2019' });
    const f = one(text, 'GR302', { peers: [peer(lastYear2019('110', '5'), URI)] });
    assert.equal(f.text, '120');
    assert.match(f.message, /为120，按2019年度报告应为115（110 \+ 5）/);
    none(text, 'GR302', { peers: [peer(lastYear2019('110', '10'), URI)] });
  });

  it('does not compare across versions (2021 report, 2020 peer in 2019 layout)', () => {
    none(reportText({ year: 2021 }), 'GR302', { peers: [peer(reportText({ version: '2019', year: 2020 }), URI)] });
  });

  it('2021: an empty （一） table last year is not compared (docs: 空表不核对)', () => {
    const t2 = defaultT2('2021');
    t2.set('T2.1', new Map([...t2.get('T2.1')!].map(([k]) => [k, ''])));
    none(reportText(), 'GR302', { peers: [peer(reportText({ year: 2023, t2 }), URI)] });
  });

  it('2021: a blank 本年制发件数 this year is not a 0 in the formula', () => {
    const t2 = defaultT2('2021');
    t2.set('T2.1', withCells(t2.get('T2.1')!, { [cell('normative', 'issued')]: '' }));
    none(reportText({ t2 }), 'GR302', { peers: [peer(lastYear2021('13'), URI)] });
  });
});
