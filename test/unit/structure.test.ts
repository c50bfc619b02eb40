import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { looksLikeReport } from '../../server/src/core/parse/title';
import { analyzeSample, at, codes } from './helpers';

const keys = (a: ReturnType<typeof analyze>) => a.model.sections.map((s) => s.key);

describe('structure on the real samples', () => {
  it('000: six sections; GR010 on the bare headings of 二、三、四', () => {
    const a = analyzeSample('000');
    assert.equal(a.model.year, 2019);
    assert.equal(a.model.title?.body, '紫阳县');
    assert.deepEqual(keys(a), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    const gr010 = at(a, 'GR010');
    assert.deepEqual(gr010.map((d) => d.text.slice(0, 2)), ['二、', '三、', '四、']);
    // " 三、…" starts with a space: the range starts at the numbering, not at the space.
    assert.deepEqual(gr010.map((d) => [d.line, d.col]), [[9, 1], [10, 2], [11, 2]]);
    assert.ok(!codes(a).includes('GR001'));
  });

  it('001: "四、结转下年度继续办理" after T3 is not a section; the real 四 is', () => {
    const a = analyzeSample('001');
    assert.deepEqual(keys(a), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    const review = a.model.sections.find((s) => s.key === 'review')!;
    assert.equal(review.heading.title, '政府信息公开行政复议、行政诉讼情况');
    assert.ok(!a.model.sections.some((s) => s.heading.title.startsWith('结转下年度')));
    assert.ok(!codes(a).includes('GR003'));
  });

  it('003: GR001 for 三 and 四, anchored at their orphaned tables', () => {
    const a = analyzeSample('003');
    assert.equal(a.model.year, 2020);
    assert.deepEqual(keys(a), ['overview', 'proactive', 'problems', 'other']);
    const gr001 = at(a, 'GR001');
    assert.equal(gr001.length, 2);
    assert.match(gr001[0]!.message, /三、收到和处理政府信息公开申请情况/);
    assert.match(gr001[1]!.message, /四、政府信息公开行政复议、行政诉讼情况/);
  });

  it('004: legacy structure in a 2019 report is GR005, without a GR001 per section', () => {
    const a = analyzeSample('004');
    assert.equal(a.model.year, 2019);
    assert.equal(a.model.legacyStructure, true);
    assert.equal(at(a, 'GR005').length, 1);
    assert.ok(!codes(a).some((c) => ['GR001', 'GR002', 'GR004', 'GR010'].includes(c)));
  });

  it('002: metadata block before the body; title and year still found', () => {
    const a = analyzeSample('002');
    assert.equal(a.model.year, 2019);
    assert.equal(a.model.title?.body, '竹溪县');
    assert.deepEqual(keys(a), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
  });

  it('huaian-2024: two-line title, version 2021, no structure error', () => {
    const a = analyzeSample('huaian');
    assert.equal(a.model.year, 2024);
    assert.equal(a.model.title?.body, '淮安市人民政府');
    assert.equal(a.model.usedVersion, '2021');
    assert.equal(a.model.expectedVersion, '2021');
    const structureErrors = a.findings.filter((f) => f.severity === 'error' && /^GR0/.test(f.code));
    assert.deepEqual(structureErrors.map((f) => f.code), []);
  });
});

describe('structure rules on small texts', () => {
  const six = (titles: string[]) => ['某县2024年政府信息公开工作年度报告', ...titles].join('\n');

  it('GR002 order and GR003 duplicate', () => {
    const a = analyze(six(['一、总体情况', '三、收到和处理政府信息公开申请情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']));
    assert.equal(at(a, 'GR002').length, 1);
    assert.equal(at(a, 'GR003').length, 1);
  });

  it('GR004 variant title with a fix to the standard title', () => {
    const text = six(['一、总体情况', '五、存在的主要问题及整改措施']);
    const a = analyze(text);
    const [d] = at(a, 'GR004');
    assert.ok(d);
    assert.equal(d.text, '存在的主要问题及整改措施');
    const fix = d.finding.fixes![0]!;
    const fixed = text.slice(0, fix.edits[0]!.span.start) + fix.edits[0]!.newText + text.slice(fix.edits[0]!.span.end);
    assert.ok(fixed.includes('五、存在的主要问题及改进情况'));
    assert.equal(at(analyze(fixed), 'GR004').length, 0);
  });

  it('GR001 fix inserts the heading in the document style, before the next section', () => {
    const text = ['某县2024年政府信息公开工作年度报告', '## 一．总体情况', '正文。', '## 三．收到和处理政府信息公开申请情况', ''].join('\r\n');
    const a = analyze(text);
    const d = at(a, 'GR001').find((x) => x.message.includes('二'))!;
    const e = d.finding.fixes![0]!.edits[0]!;
    assert.equal(e.newText, '## 二．主动公开政府信息情况\r\n');
    const fixed = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
    assert.deepEqual(analyze(fixed).model.sections.map((s) => s.key), ['overview', 'proactive', 'requests']);
  });

  it('GR006 placeholders, GR022 notice of the wrong version', () => {
    const a = analyze(six(['一、总体情况', '（文字描述）', '根据国办公开办函〔2019〕60号要求，XX县……']));
    assert.deepEqual(at(a, 'GR006').map((d) => d.text), ['（文字描述）', 'XX']);
    assert.deepEqual(at(a, 'GR022').map((d) => d.text), ['〔2019〕60号']);
  });

  it('GR021 markers of both versions', () => {
    const a = analyze(six(['二、主动公开政府信息情况', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量']));
    assert.equal(at(a, 'GR021').length, 1);
  });

  it('a numbered paragraph is not a section heading', () => {
    const a = analyze(six(['一、总体情况', '二、我们将进一步加强政府信息公开工作，做好各项工作，推动政务公开工作再上新台阶，全面提升公开质量和水平。']));
    assert.equal(a.model.sections.length, 1);
  });
});

describe('looksLikeReport (editor, workspace index and CLI alike)', () => {
  it('recognises a title hard-wrapped over two lines; a document without one is not a report', () => {
    assert.ok(looksLikeReport('2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n\n一、总体情况\n'));
    assert.ok(looksLikeReport('\r\n  某县人民政府2024年政府信息公开\r\n  工作年度报告\r\n'));
    assert.ok(!looksLikeReport('会议纪要\n一、总体情况\n二、工作安排\n'));
  });
});
