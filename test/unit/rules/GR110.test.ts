// GR110: an amount lacks its unit (2021 （八） in 万元, header must say so; 2019 （九） unit stated).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, defaultT2, lineOf, none, one, replaceOnce, reportText } from './scenario';

const fees = (amount: string) => { const t2 = defaultT2(); t2.set('T2.8', new Map([[cell('fees', 'amount'), amount]])); return t2; };
const procurement = (amount: string) => { const t2 = defaultT2('2019'); t2.set('T2.9', new Map([[cell('procurement', 'projects'), '4'], [cell('procurement', 'amount'), amount]])); return t2; };

describe('GR110 amount unit', () => {
  it('2021 （八）: header “本年收费金额” without （单位：万元） and a non-zero amount: on the header row', () => {
    const text = replaceOnce(reportText({ t2: fees('1.2') }), '本年收费金额（单位：万元）', '本年收费金额');
    const f = one(text, 'GR110');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '| 信息内容       | 本年收费金额 |'));
    assert.match(f.message, /第二十条第（八）项表的金额应以万元为单位，表头须注明“（单位：万元）”/);
  });

  it('2021 （八）: a cell in 元 is the wrong unit, on the cell', () => {
    const text = reportText({ t2: fees('1200元') });
    const f = one(text, 'GR110');
    assert.equal(f.text, '1200元');
    assert.match(f.message, /行政事业性收费·本年收费金额 以“元”为单位，但本表金额应以“万元”为单位/);
  });

  it('2019 （九）: 采购总金额 365000 with no unit anywhere, on the cell', () => {
    const text = reportText({ version: '2019', t2: procurement('365000') });
    const f = one(text, 'GR110');
    assert.equal(f.text, '365000');
    assert.equal(f.line, lineOf(text, '| 政府集中采购'));
    assert.match(f.message, /政府集中采购·采购总金额 未注明金额单位（元或万元），表头中也没有/);
  });

  it('does not fire on 0 without a unit (same in every unit), on “36.5万元”, or on 1.2 under a 万元 header', () => {
    none(replaceOnce(reportText({ t2: fees('0') }), '本年收费金额（单位：万元）', '本年收费金额'), 'GR110');
    none(reportText({ version: '2019', t2: procurement('365000元') }), 'GR110');
    none(reportText({ t2: fees('1.2') }), 'GR110');
  });

  it('2021 （八） with a header in 元 (“（单位：元）”) is told to use 万元', () => {
    const text = replaceOnce(reportText({ t2: fees('1200') }), '本年收费金额（单位：万元）', '本年收费金额（单位：元）');
    assert.match(one(text, 'GR110').message, /应以万元为单位，表头须注明“（单位：万元）”/);
  });
});
