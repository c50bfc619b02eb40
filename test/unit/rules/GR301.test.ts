// GR301: 表三 二 (上年结转) of year Y ≠ 表三 四 (结转下年度) of the same body's Y−1 report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, cell, consistentT3, defaultT3, findings, fixAll, lineOf, none, peer, reportText, withCells } from './scenario';

// This year (2024, defaults): 上年结转 自然人 1, 总计 1.
// Last year (2023): 8 requests by 自然人, all disclosed but `out` carried out.
const lastYear = (out: number, body = '某县教育局') => reportText({
  year: 2023, body,
  t3: consistentT3('2021', (r, c) => (r === 'disclosed' && c === 'natural' ? 8 : 0), () => 0, (c) => (c === 'natural' ? out : 0)),
});
const URI = 'file:///reports/2023.md';

describe('GR301 carry-over across years', () => {
  it('last year carried 0 forward, this year carries 1 in: on this year’s cells (自然人 and 总计), related to last year’s', () => {
    const text = reportText();
    const prev = lastYear(0);
    const all = findings(text, 'GR301', { peers: [peer(prev, URI)] });
    assert.equal(all.length, 2);
    const f = all[0]!;
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '二、上年结转政府信息公开申请数量'));
    assert.equal(f.text, '1');
    assert.match(f.message, /^上年结转（自然人）为1，但2023年度报告“四、结转下年度继续办理”为0$/);
    assert.match(all[1]!.message, /^上年结转（总计）为1/);
    const rel = f.finding.related![0]!;
    assert.equal(rel.uri, URI);
    assert.equal(prev.slice(rel.span.start, rel.span.end), '0');
    assert.equal(prev.split('\n')[prev.slice(0, rel.span.start).split('\n').length - 1]!.includes('四、结转下年度继续办理'), true);
  });

  it('the fix (not safe) writes last year’s figure; GR301 is then gone for that column', () => {
    const text = reportText();
    const opts = { peers: [peer(lastYear(0), URI)] };
    const f = findings(text, 'GR301', opts)[0]!;
    const fix = f.finding.fixes![0]!;
    assert.equal(fix.safe, false);
    assert.match(fix.title, /改为0（2023年度报告的结转数）/);
    const fixed = applyFix(text, fix);
    const left = findings(fixed, 'GR301', opts);
    assert.equal(left.length, 1);
    assert.match(left[0]!.message, /^上年结转（总计）为1/);
    assert.match(fixed, /\| 二、上年结转政府信息公开申请数量 \| +0 \|/);
    // not applied by fix-all
    assert.match(fixAll(text, opts).text, /\| 二、上年结转政府信息公开申请数量 \| +1 \|/);
  });

  it('does not fire when the figures carry over, when last year is another body, or without last year', () => {
    none(reportText(), 'GR301', { peers: [peer(lastYear(1), URI)] });
    none(reportText(), 'GR301', { peers: [peer(lastYear(0, '某县卫生健康委员会'), URI)] });
    none(reportText(), 'GR301', { peers: [peer(reportText({ year: 2022 }), URI)] });
    none(reportText(), 'GR301');
  });

  it('the body name matches across full-width/half-width and spaces', () => {
    const prev = lastYear(0, '某县 教育局');
    assert.equal(findings(reportText(), 'GR301', { peers: [peer(prev, URI)] }).length, 2);
  });

  it('last year’s 结转下年度 left blank is not a 0 to compare with', () => {
    const prev = reportText({
      year: 2023,
      t3: withCells(consistentT3('2021', (r, c) => (r === 'disclosed' && c === 'natural' ? 8 : 0)), { [cell('carriedOut', 'natural')]: '', [cell('carriedOut', 'total')]: '' }),
    });
    const all = findings(reportText(), 'GR301', { peers: [peer(prev, URI)] });
    assert.ok(all.every((f) => !/为0$/.test(f.message)), all.map((f) => f.message).join(' | '));
    assert.equal(all.length, 0);
  });

  it('this year’s 上年结转 left blank is not compared', () => {
    const text = reportText({ t3: withCells(defaultT3(), { [cell('carriedIn', 'natural')]: '', [cell('carriedIn', 'total')]: '' }) });
    none(text, 'GR301', { peers: [peer(lastYear(0), URI)] });
  });
});
