// GR301–GR303 across reports of one body, and the workspace index (peers, dependants, summary).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/report';
import { looksLikeReport } from '../../server/src/core/parse/title';
import { ReportIndex, renderSummaryMarkdown } from '../../server/src/core/workspace/index';
import { analyzeModel } from '../../server/src/core/analyze';
import { at, sample } from './helpers';
import { isGenerated } from '../../server/src/core/workspace/generated';

const PAIRS = join(__dirname, '..', 'fixtures', 'pairs');
const pair = (year: number) => readFileSync(join(PAIRS, `qinghe-${year}.md`), 'utf8');
const URI = (year: number) => `file:///ws/qinghe-${year}.md`;

function indexOfPair(parse?: (text: string) => ReturnType<typeof parseReport>): ReportIndex {
  const index = new ReportIndex(parse);
  index.add(URI(2022), pair(2022));
  index.add(URI(2023), pair(2023), 3);
  return index;
}

describe('ReportIndex', () => {
  it('peers of the same body for Y−1, dependants for Y+1', () => {
    const index = indexOfPair();
    index.add('file:///ws/other.txt', sample('huaian'));
    const m2023 = index.get(URI(2023))!.model;
    assert.deepEqual(index.peersFor(m2023, URI(2023)).map((p) => p.uri), [URI(2022)]);
    assert.deepEqual(index.peersFor(index.get(URI(2022))!.model, URI(2022)), []);
    assert.deepEqual(index.dependantsOf(URI(2022)), [URI(2023)]);
    assert.deepEqual(index.dependantsOf(URI(2023)), []);
    assert.equal(index.get(URI(2023))!.body, '清河县人民政府');
    // An unchanged text is not parsed again; a removed report is no peer.
    const before = index.get(URI(2022))!.model;
    assert.equal(index.update(URI(2022), pair(2022), 2).model, before);
    assert.ok(index.remove(URI(2022)));
    assert.deepEqual(index.peersFor(m2023, URI(2023)), []);
  });

  it('body names compare after normalisation (spaces, full-width)', () => {
    const index = new ReportIndex();
    index.add('a', '清河县 人民政府2022年政府信息公开工作年度报告\n');
    const m = parseReport('清河县人民政府2023年政府信息公开工作年度报告\n');
    assert.deepEqual(index.peersFor(m).map((p) => p.uri), ['a']);
  });

  it('summary: per report counts, per year sums; Markdown with Chinese headings', () => {
    const index = indexOfPair();
    const s = index.summary();
    assert.deepEqual(s.reports.map((r) => [r.uri, r.body, r.year]), [[URI(2022), '清河县人民政府', 2022], [URI(2023), '清河县人民政府', 2023]]);
    assert.deepEqual(s.years.map((y) => [y.year, y.reports]), [[2022, 1], [2023, 1]]);
    const md = renderSummaryMarkdown(s);
    assert.match(md, /^<!-- govreport:generated -->\n# 本工作区年报汇总/);
    assert.equal(isGenerated(md), true);
    assert.equal(looksLikeReport(md), false); // opened as Markdown, it is not checked as a report
    assert.match(md, /## 报告一览/);
    assert.match(md, /\| qinghe-2023\.md \| 清河县人民政府 \| 2023 \| 2021 \|/);
    assert.match(md, /## 2023年度合计（1 份）/);
    // Stable: a second call gives the same result from the cache.
    assert.equal(renderSummaryMarkdown(index.summary()), md);
  });

  it(`summary sums T3 and T4 over the reports of a year`, () => {
    const index = indexOfPair();
    index.add('file:///ws/copy-2023.md', pair(2023).replace(/清河县/g, '另一县'));
    const y = index.summary().years.find((x) => x.year === 2023)!;
    assert.equal(y.withT3, 2);
    assert.equal(y.t3.new?.total, 66);
    assert.equal(y.t4['review.total'], 6);
    const md = renderSummaryMarkdown(index.summary());
    assert.match(md, /\| 一、本年新收政府信息公开申请数量 \| 60 \| 4 \| 0 \| 0 \| 0 \| 2 \| 66 \|/);
    assert.match(md, /\| 行政复议 \| 2 \| 2 \| 0 \| 2 \| 6 \|/);
  });
});

describe('GR301–GR303', () => {
  it('no peers, no cross-report findings', () => {
    const a = analyze(pair(2023));
    assert.deepEqual(a.findings.filter((f) => /^GR3/.test(f.code)), []);
  });

  const run = (year: number) => {
    const m = parseReport(pair(year));
    return analyzeModel(m, { peers: [{ uri: URI(year - 1), model: parseReport(pair(year - 1)) }] });
  };

  it(`GR301: 2023 上年结转 ≠ 2022 结转下年度, on the 自然人 and 总计 cells of the 2023 report`, () => {
    const text = pair(2023);
    const a = run(2023);
    const d = at(a, 'GR301');
    assert.equal(d.length, 2);
    const line = a.model.source.allLines().findIndex((l) => l.text.includes('二、上年结转政府信息公开申请数量')) + 1;
    assert.deepEqual(d.map((x) => [x.line, x.text]), [[line, '2'], [line, '3']]);
    assert.match(d[0]!.message, /上年结转（自然人）为2，但2022年度报告“四、结转下年度继续办理”为3/);
    const rel = d[0]!.finding.related![0]!;
    assert.equal(rel.uri, URI(2022));
    assert.equal(pair(2022).slice(rel.span.start, rel.span.end), '3');
    assert.equal(d[0]!.finding.severity, 'error');
    // The fix writes last year's figure into the cell.
    const e = d[1]!.finding.fixes![0]!.edits[0]!;
    const fixed = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
    assert.match(fixed.split('\n')[line - 1]!, /\|\s+4 \|$/);
    // The 2022 report has no 2021 peer: nothing to say.
    assert.deepEqual(at(analyzeModel(parseReport(pair(2022)), { peers: [{ uri: URI(2023), model: parseReport(text) }] }), 'GR301'), []);
  });

  it(`GR302: 现行有效件数 46 ≠ 40 + 6 − 1`, () => {
    const d = at(run(2023), 'GR302');
    assert.deepEqual(d.map((x) => x.text), ['46']);
    assert.match(d[0]!.message, /应为45（40 \+ 6 − 1）/);
  });

  it(`the pair's text agrees with its tables: no GR210–GR214`, () => {
    for (const y of [2022, 2023]) {
      const a = analyzeModel(parseReport(pair(y)));
      assert.deepEqual(a.findings.filter((f) => /^GR2/.test(f.code)).map((f) => f.code), [], String(y));
    }
  });

  it('GR303: a report that repeats last year\'s text; not for a rewritten one or another body', () => {
    const last = sample('000');
    const copied = last.replace('紫阳县2019年度', '紫阳县2020年度').replace(/2019年/g, '2020年').replace('3869条', '4012条');
    const peers = [{ uri: 'file:///ws/000.txt', model: parseReport(last) }];
    const d = at(analyze(copied, { peers }), 'GR303');
    assert.equal(d.length, 1);
    assert.match(d[0]!.message, /正文约\d+%与2019年度报告相同/);
    assert.equal(d[0]!.finding.related?.[0]?.uri, 'file:///ws/000.txt');
    const rewritten = `紫阳县2020年度政府信息公开工作年度报告\n${sample('002').split('\n').slice(10).join('\n')}`;
    assert.deepEqual(at(analyze(rewritten, { peers }), 'GR303'), []);
    const otherBody = copied.replace('紫阳县2020年度', '旬阳县2020年度');
    assert.deepEqual(at(analyze(otherBody, { peers }), 'GR303'), []);
  });

  it('GR303 on a long report (timings: npm run bench): the copied year is found', () => {
    const big = sample('huaian').repeat(20);
    const peers = [{ uri: 'p', model: parseReport(big.replace(/2024/g, '2023')) }];
    assert.ok(analyze(big, { peers }).findings.some((f) => f.code === 'GR303'));
  });
});
