// GR2xx text and date rules, GR023/GR024, and the facts extraction they rest on, on the real samples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, analyzeModel } from '../../server/src/core/analyze';
import { findMalformedDates, findPeriod, findSignatureDate } from '../../server/src/core/prose/dates';
import { inferBodyKind } from '../../server/src/core/prose/bodyKind';
import { extractFacts, getFacts } from '../../server/src/core/prose/facts';
import { parseChineseNumber } from '../../server/src/core/prose/numberTokens';
import { parseReport } from '../../server/src/core/parse/report';
import { analyzeSample, at, sample } from './helpers';

const src = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const facts = (text: string) => getFacts(parseReport(text));

describe('facts: numbers and sentences in the prose', () => {
  it('huaian-2024: PDF text wrapped over lines, numbers with spaces ("3119 件")', () => {
    const text = sample('huaian');
    const f = facts(text);
    const got = f.counts.map((c) => [c.kind, Number(c.value), src(text, c.numberSpan)]);
    assert.deepEqual(got, [
      ['received', 3119, '3119'], ['processed', 3050, '3050'], ['carriedIn', 34, '34'], ['carriedOut', 103, '103'],
      ['review', 351, '351'], ['litigation', 46, '46'],
    ]);
    // The sentence span covers the wrapped lines; its flat text has no line breaks.
    const s = f.counts[0]!.sentence;
    assert.ok(src(text, s.span).includes('\n'));
    assert.ok(!s.text.includes('\n'));
    assert.match(s.text, /^2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件/);
    // "复议 351\n件，其中…" and "诉讼 46 件，其中…": parts add up exactly.
    const b = f.breakdowns.map((x) => [x.total.value, x.parts.map((p) => p.value)]);
    assert.deepEqual(b, [[351n, [72n, 64n, 178n, 37n]], [46n, [25n, 5n, 9n, 7n]]]);
  });

  it('002: "共计11465条。其中…10462条…3832条" across the sentence end', () => {
    const text = sample('002');
    const b = facts(text).breakdowns.find((x) => x.total.value === 11465n)!;
    assert.deepEqual(b.parts.map((p) => p.value), [10462n, 3832n]);
    assert.equal(src(text, b.total.span), '11465');
    assert.equal(src(text, b.markerSpan), '其中');
  });

  it('000: 答复 is not 办结: the rate has no numerator', () => {
    const r = facts(sample('000')).rates.find((x) => x.percent.text === '96%')!;
    assert.equal(r.numerator, null);
    assert.equal(r.denominator?.text, '584件');
  });

  it('claims: 未收到…申请, 未发生行政复议、行政诉讼, 均获维持 with their scope', () => {
    const c004 = facts(sample('004')).claims.map((c) => [c.kind, c.text]);
    assert.deepEqual(c004, [
      ['noRequests', '没有接到任何形式的依申请公开政府信息的申请'],
      ['noCases', '没有接到涉及政府信息公开方面的行政复议、行政诉讼'],
    ]);
    const f = facts('某县2023年政府信息公开工作年度报告\n被申请行政复议2件，均获维持；未发生行政诉讼。\n无不予公开政府信息申请。');
    assert.deepEqual(f.claims.map((c) => [c.kind, c.scope]), [
      ['allUpheld', { review: true, litigation: false }],
      ['noCases', { review: false, litigation: true }],
    ]);
  });

  it('Chinese numerals: 三件, 十二件, 零件, 一百零五件', () => {
    assert.equal(parseChineseNumber('十二'), 12);
    assert.equal(parseChineseNumber('一百零五'), 105);
    assert.equal(parseChineseNumber('两千三百'), 2300);
    assert.equal(parseChineseNumber('三万二千'), 32000);
    const f = facts('某局2023年政府信息公开工作年度报告\n全年共收到政府信息公开申请十二件，办结十件，结转下年度二件。政府信息公开行政复议零件。\n第二十条、一是、十九大不是数字。');
    assert.deepEqual(f.counts.map((c) => [c.kind, Number(c.value)]), [['received', 12], ['processed', 10], ['carriedOut', 2], ['review', 0]]);
  });

  it('scope: 本级, 各部门 and 其中 parts are partial figures', () => {
    const f = facts('某县2023年政府信息公开工作年度报告\n全县共收到政府信息公开申请20件，其中县政府本级受理申请5件。各部门共收到政府信息公开申请15件。');
    assert.deepEqual(f.counts.map((c) => [Number(c.value), c.partial]), [[20, false], [5, true], [15, true]]);
  });

  it('50 × huaian reads 50 × its counts; pathological input reads without error (timings: npm run bench)', () => {
    const one = extractFacts(parseReport(sample('huaian'))).counts.length;
    assert.ok(one > 0);
    assert.equal(extractFacts(parseReport(sample('huaian').repeat(50))).counts.length, one * 50);
    const patho = ('其中'.repeat(2000) + '1件'.repeat(2000) + '（'.repeat(2000) + '未收到申请'.repeat(500) + '均获维持，办结率100%'.repeat(500) + '\n').repeat(20);
    assert.ok(Array.isArray(extractFacts(parseReport(patho)).claims));
  });
});

describe('dates and the body', () => {
  it('statistics period, signature and publication dates on the samples', () => {
    assert.equal(findPeriod(parseReport(sample('huaian')))?.endYear, 2024);
    assert.equal(findPeriod(parseReport(sample('002')))?.startYear, 2019); // "统计时限自…起至…止"
    assert.equal(findPeriod(parseReport(sample('004')))?.endYear, null); // "2019年1月1日至12月31日"
    const sig = findSignatureDate(parseReport(sample('004')))!;
    assert.deepEqual([sig.year, sig.month, sig.day, sig.source], [2019, 3, 8, 'signature']);
    const meta = findSignatureDate(parseReport(sample('002')))!;
    assert.deepEqual([meta.year, meta.month, meta.day, meta.source], [2020, 1, 14, 'metadata']);
    assert.equal(findSignatureDate(parseReport(sample('003'))), null); // signature without a date
  });

  it('body kind: 人民政府 / place name → government; 办公室, 局 → department; front matter and option override', () => {
    const kind = (text: string, opt = {}) => inferBodyKind(parseReport(text), opt).kind;
    assert.equal(kind(sample('huaian')), 'government');
    assert.equal(kind(sample('000')), 'government'); // 紫阳县
    assert.equal(kind(sample('003')), 'department'); // 宜君县人民政府办公室
    assert.equal(kind('某市生态环境局2023年政府信息公开工作年度报告'), 'department');
    assert.equal(kind('报告类型：部门\n某县2023年政府信息公开工作年度报告'), 'department');
    assert.equal(kind('某县2023年政府信息公开工作年度报告', { bodyKind: 'department' }), 'department');
  });

  it('malformed dates: 202020年12月31日, 2019年11日, 20191231日, 2月30日, 2019年2月29日', () => {
    const text = '某局2019年政府信息公开工作年度报告\n一、总体情况\n于202020年12月31日、2019年11日、20191231日、2月30日、2019年2月29日、2020年2月29日、12月31日、2019年1月1日至12月31日编制。\n';
    const bad = findMalformedDates(parseReport(text)).map((d) => [src(text, d.span), d.problem]);
    assert.deepEqual(bad, [
      ['202020年12月31日', 'yearDigits'], ['2019年11日', 'noMonth'], ['20191231日', 'noSeparators'], ['2月30日', 'day'], ['2019年2月29日', 'day'],
    ]);
    assert.equal(at(analyze(text), 'GR203').length, 5);
    for (const p of ['000', '001', '002', '003', '004', 'huaian']) assert.deepEqual(at(analyzeSample(p), 'GR203'), [], p);
  });
});

describe('GR201–GR204 on the samples and small texts', () => {
  it('004: signed 2019年3月8日 before its year ended → GR202 error', () => {
    const d = at(analyzeSample('004'), 'GR202');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.text, '2019年3月8日');
    assert.equal(d[0]!.finding.severity, 'error');
    assert.match(d[0]!.message, /早于2019年度结束/);
  });

  it('GR202 late: 1月31日 for a 部门, 3月31日 for a 人民政府; deadlines configurable', () => {
    const doc = (body: string, date: string) => `${body}2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n\n${body}\n${date}\n`;
    const gr202 = (text: string, o = {}) => at(analyze(text, { ruleOptions: o }), 'GR202').map((d) => [d.text, d.finding.severity]);
    assert.deepEqual(gr202(doc('某市生态环境局', '2024年2月5日')), [['2024年2月5日', 'warning']]);
    assert.deepEqual(gr202(doc('某市人民政府', '2024年2月5日')), []);
    assert.deepEqual(gr202(doc('某市人民政府', '2024年4月1日')), [['2024年4月1日', 'warning']]);
    assert.deepEqual(gr202(doc('某市生态环境局', '2024年1月31日')), []);
    assert.deepEqual(gr202(doc('某市生态环境局', '2024年2月5日'), { deadlines: { department: [2, 28] } }), []);
    assert.deepEqual(gr202(doc('某市人民政府', '2024年2月5日'), { bodyKind: 'department' }), [['2024年2月5日', 'warning']]);
    assert.deepEqual(gr202(doc('某市人民政府', '2023年12月31日')), []);
    assert.deepEqual(gr202(doc('某市人民政府', '二〇二三年十二月三十日')), [['二〇二三年十二月三十日', 'error']]);
    assert.match(at(analyze(doc('某市生态环境局', '2024年2月5日')), 'GR202')[0]!.message, /2024年1月31日/);
  });

  it('GR201: title year vs statistics period', () => {
    const a = analyze('某县2020年政府信息公开工作年度报告\n本报告所列数据的统计期限为2019年1月1日至2019年12月31日。\n');
    assert.deepEqual(at(a, 'GR201').map((d) => d.text), ['2019', '2019']);
    assert.ok(at(a, 'GR201')[0]!.finding.related?.[0]);
    const b = analyze('某县2020年政府信息公开工作年度报告\n统计期限为2020年1月1日至2021年12月31日。\n');
    assert.equal(at(b, 'GR201').length, 1);
    for (const p of ['000', '001', '002', '003', '004', 'huaian']) assert.deepEqual(at(analyzeSample(p), 'GR201'), [], p);
  });

  it('GR204: a plan for year Y in section 五 of a Y report, with a fix to Y+1', () => {
    const text = '某县2023年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n一是队伍薄弱。2023年，我们将继续加强培训。2023年以来开展培训3次。\n六、其他需要报告的事项\n无。\n';
    const d = at(analyze(text), 'GR204');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.text, '2023');
    assert.equal(d[0]!.finding.fixes?.[0]?.edits[0]?.newText, '2024');
    for (const p of ['000', '001', '002', '003', '004', 'huaian']) assert.deepEqual(at(analyzeSample(p), 'GR204'), [], p);
  });
});

describe('GR210–GR214', () => {
  it('002: "共计11465条。其中…10462条…3832条" → GR212', () => {
    const d = at(analyzeSample('002'), 'GR212');
    assert.equal(d.length, 1);
    assert.ok(d[0]!.text.startsWith('11465条。其中'));
    assert.ok(d[0]!.text.endsWith('3832条'));
    assert.match(d[0]!.message, /14294条（10462 \+ 3832），超过总数11465条/);
    assert.equal(d[0]!.finding.severity, 'warning');
  });

  it('004: "主动公开政府信息320条" with 57 + 390 by two channels is not a 共…其中 statement: no GR212', () => {
    assert.deepEqual(at(analyzeSample('004'), 'GR212'), []);
  });

  it('000: "信件584件，答复580件，办结率达96%" → no GR213 (答复 is not 办结)', () => {
    assert.deepEqual(at(analyzeSample('000'), 'GR213'), []);
  });

  it('GR213 when the sentence names 办结 and 收到; shares after 其中', () => {
    const a = analyze('某县2023年政府信息公开工作年度报告\n全年收到信件584件，办结580件，办结率达96%。共公开信息200条，其中网站150条，占比80%。收到100件，办结99件，办结率99%。\n');
    assert.deepEqual(at(a, 'GR213').map((d) => d.text), ['96', '80']);
    assert.match(at(a, 'GR213')[0]!.message, /580件÷584件＝99.3%/);
  });

  it('no false alarm on any sample', () => {
    for (const p of ['000', '001', '002', '003', '004', 'huaian']) {
      const a = analyzeSample(p);
      for (const code of ['GR210', 'GR211', 'GR213', 'GR214']) assert.deepEqual(at(a, code), [], `${p} ${code}`);
    }
  });

  it('huaian-2024: text agrees with its tables (受理 3119, 答复 3050, 复议 351, 诉讼 46)', () => {
    const a = analyzeSample('huaian');
    for (const code of ['GR210', 'GR211', 'GR212', 'GR213', 'GR214']) assert.deepEqual(at(a, code), [], code);
  });

  it('huaian-2024 with a changed figure: GR210 quotes the sentence and points at the PDF table cell', () => {
    const text = sample('huaian').replace('申请 3119 件', '申请 3120 件').replace('政府信息公开行政诉讼 46', '政府信息公开行政诉讼 47');
    const d = at(analyze(text), 'GR210');
    assert.deepEqual(d.map((x) => x.text), ['3120', '47']);
    assert.match(d[0]!.message, /为3119件（加上年结转为3153件）：“2024 年，全市共受理政府信息公开申请 3120 件/);
    const rel = d[0]!.finding.related!.map((r) => text.slice(r.span.start, r.span.end));
    assert.deepEqual(rel, ['3119', '34']);
    assert.match(d[1]!.message, /表四行政诉讼共46件（未经复议直接起诉26件，复议后起诉20件）/);
  });

  it(`GR210/GR211/GR214 against the tables of a Markdown report`, () => {
    const base = pairText('qinghe-2023');
    const check = (text: string) => analyzeModel(parseReport(text));
    assert.deepEqual(['GR210', 'GR211', 'GR214'].flatMap((c) => at(check(base), c)), []);
    const text = base
      .replace('全年共收到政府信息公开申请33件', '全年共收到政府信息公开申请35件')
      .replace('办结32件', '办结30件')
      .replace('未发生政府信息公开行政诉讼', '行政复议均获维持，未发生政府信息公开行政诉讼');
    const a = check(text);
    const g210 = at(a, 'GR210');
    assert.deepEqual(g210.map((d) => d.text), ['35', '30']);
    assert.match(g210[0]!.message, /表三“一、本年新收政府信息公开申请数量·总计”为33件（加上年结转为36件）/);
    const rel = g210[0]!.finding.related![0]!;
    assert.equal(text.slice(rel.span.start, rel.span.end), '33');
    const g211 = at(a, 'GR211');
    assert.equal(g211.length, 1);
    assert.equal(g211[0]!.text, '均获维持');
    assert.match(g211[0]!.message, /表四显示行政复议·结果纠正 1、行政复议·尚未审结 1：/);
    const none = check(base.replace('全年共收到政府信息公开申请33件', '全年未收到政府信息公开申请').replace('未发生政府信息公开行政诉讼', '未发生政府信息公开行政复议'));
    assert.deepEqual(at(none, 'GR214').map((d) => d.message), [
      '正文称“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量·总计”为33件',
      '正文称“未发生政府信息公开行政复议”，但表四行政复议总计为3件',
    ]);
    // 2 review cases in the text vs 3 in table 四; 1 lawsuit vs 0.
    const cases = check(base.replace('被申请行政复议3件', '被申请行政复议2件').replace('未发生政府信息公开行政诉讼', '政府信息公开行政诉讼1件'));
    assert.deepEqual(at(cases, 'GR210').map((d) => d.text), ['2', '1']);
  });
});

describe('GR023 and GR024', () => {
  it('GR023: a government report that does not mention 社会评议 (000) — information', () => {
    const d = at(analyzeSample('000'), 'GR023');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.finding.severity, 'information');
    assert.match(d[0]!.message, /社会评议/);
    assert.doesNotMatch(d[0]!.message, /责任追究$/);
    assert.deepEqual(at(analyzeSample('003'), 'GR023'), []); // 人民政府办公室: a department
  });

  it('GR024: 2021+ report whose section 六 says nothing about 信息处理费', () => {
    assert.deepEqual(at(analyzeSample('huaian'), 'GR024'), []);
    const a = analyze('某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n');
    assert.deepEqual(at(a, 'GR024').map((d) => d.text), ['六、其他需要报告的事项']);
    assert.deepEqual(at(analyzeSample('000'), 'GR024'), []); // 2019 format
  });
});

function pairText(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'pairs', `${name}.md`), 'utf8');
}
