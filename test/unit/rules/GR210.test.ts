// GR210: a count in the text disagrees with the table cell it corresponds to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, defaultT3, defaultT4, findings, lineOf, none, one, proseWith, reportText, withCells } from './scenario';

// Tables (scenario defaults): 表三 新收 14, 上年结转 1, （七）总计 15, 予以公开 12, 结转下年度 0;
// 表四 行政复议 3, 行政诉讼 1 + 0; （一） 现行有效规章 2, 行政规范性文件 15.
const saying = (i: number, sentence: string, over = {}) => reportText({ ...over, prose: proseWith(i, [sentence]) });

describe('GR210 text vs tables', () => {
  it('“共收到政府信息公开申请16件” vs 新收 14 (15 with 结转): on the 16, related to the cell', () => {
    const text = saying(2, '2024年，本局共收到政府信息公开申请16件，均已按时答复。');
    const f = one(text, 'GR210');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '共收到政府信息公开申请16件'));
    assert.equal(f.text, '16');
    assert.match(f.message, /正文称收到申请16件，但.*一、本年新收政府信息公开申请数量·总计.*为14件（加上年结转为15件）/);
    assert.match(f.message, /“2024年，本局共收到政府信息公开申请16件/);
    assert.equal(text.slice(f.finding.related![0]!.span.start, f.finding.related![0]!.span.end), '14');
  });

  it('14 (new) and 15 (new + carried) both agree', () => {
    none(saying(2, '2024年，本局共收到政府信息公开申请14件。'), 'GR210');
    none(saying(2, '2024年，本局共受理政府信息公开申请15件（含上年结转1件）。'), 'GR210');
  });

  it('办结, 予以公开, 结转下年度, 上年结转 against their rows, each on its own number', () => {
    const text = saying(2, '本年度共办结政府信息公开申请13件，予以公开11件，结转下年度继续办理2件。');
    const all = findings(text, 'GR210');
    assert.deepEqual(all.map((f) => f.text), ['13', '11', '2']);
    assert.match(all[0]!.message, /正文称办结（答复）申请13件，但表三“（七）总计·总计”为15件/);
    assert.match(all[1]!.message, /正文称予以公开11件，但表三“（一）予以公开·总计”为12件/);
    assert.match(all[2]!.message, /正文称结转下年度2件，但表三“四、结转下年度继续办理·总计”为0件/);
    assert.match(one(saying(2, '上年结转政府信息公开申请3件。'), 'GR210').message, /正文称上年结转申请3件，但表三“二、上年结转政府信息公开申请数量·总计”为1件/);
    none(saying(2, '本年度共办结政府信息公开申请15件，予以公开12件，上年结转1件。'), 'GR210');
  });

  it('行政复议 / 行政诉讼 totals of 表四', () => {
    assert.match(one(saying(3, '本年度发生政府信息公开行政复议2件。'), 'GR210').message, /正文称政府信息公开行政复议2件，但表四行政复议总计为3件/);
    assert.match(one(saying(3, '本年度发生政府信息公开行政诉讼3件。'), 'GR210').message, /行政诉讼共1件（未经复议直接起诉1件，复议后起诉0件）/);
  });

  it('现行有效行政规范性文件 against 第二十条第（一）项', () => {
    const f = one(saying(1, '截至年底，现行有效行政规范性文件16件。'), 'GR210');
    assert.equal(f.text, '16');
    assert.match(f.message, /正文称现行有效行政规范性文件16件，但.*为15件/);
  });

  it('Chinese numerals are read: “收到政府信息公开申请十六件”', () => {
    assert.equal(one(saying(2, '本年度共收到政府信息公开申请十六件。'), 'GR210').text, '十六');
  });

  it('does not fire on 其中 parts, 约数, or 本级 figures', () => {
    none(saying(2, '本年度共收到政府信息公开申请14件，其中，网上申请10件，信函申请4件。'), 'GR210');
    none(saying(2, '各乡镇共收到政府信息公开申请30余件。'), 'GR210');
    none(saying(2, '全县各部门共收到政府信息公开申请56件。'), 'GR210');
    assert.equal(findings(reportText(), 'GR210').length, 0);
  });

  it('a figure explicitly of last year (“2023年收到…11件，2024年收到14件”) is not compared with this year’s table', () => {
    const text = saying(2, '2023年收到政府信息公开申请11件，2024年收到14件。');
    none(text, 'GR210');
  });

  it('“已答复14件，另有上年结转1件已办结” (14 new answered + 1 carried = 15) is not a contradiction', () => {
    none(saying(2, '全年共收到政府信息公开申请14件，已答复14件，另有上年结转1件已办结。'), 'GR210');
  });

  it('a blank 新收·总计 is not “为0件”: nothing to compare the 14 with', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('new', 'total')]: '' }), prose: proseWith(2, ['本年度共收到政府信息公开申请14件。']) });
    none(text, 'GR210');
  });

  it('表四 总计 blank: compared with the sum of the four parts only when all four are filled in', () => {
    const blankTotal = withCells(defaultT4(), { [cell('data', 'review.total')]: '' });
    // 2 维持 + 1 纠正 + 0 + 0 = 3: the sum is known; the related cell says it is blank, not "为0".
    const f = one(saying(3, '本年度发生政府信息公开行政复议2件。', { t4: blankTotal }), 'GR210');
    assert.match(f.message, /但表四行政复议总计为3件/);
    assert.match(f.finding.related![0]!.message, /行政复议·总计”未填写$/);
    // One part blank as well: the sum would count it as 0, so nothing is compared.
    const twoBlank = withCells(blankTotal, { [cell('data', 'review.other')]: '' });
    none(saying(3, '本年度发生政府信息公开行政复议2件。', { t4: twoBlank }), 'GR210');
    const allBlank = withCells(twoBlank, { [cell('data', 'review.upheld')]: '', [cell('data', 'review.corrected')]: '', [cell('data', 'review.pending')]: '' });
    none(saying(3, '本年度发生政府信息公开行政复议2件。', { t4: allBlank }), 'GR210');
  });
});
