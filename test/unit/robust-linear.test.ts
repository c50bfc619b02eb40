// Issue 12: inputs that were quadratic (digit runs in DATE_SCAN_RE, GR002/GR003 over many
// headings, fuzzy title matching) give the right findings; their time is measured by
// `npm run fuzz` (pathological inputs) and the bench, never asserted here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { findMalformedDates } from '../../server/src/core/prose/dates';
import { parseReport } from '../../server/src/core/parse/report';
import { matchSectionTitle } from '../../server/src/core/parse/sections';
import { exact } from '../../server/src/core/rules/text/gr213-rate';
import { loadCorpus, mutant } from '../../scripts/fuzz-lib';

const HEAD = '某县2023年政府信息公开工作年度报告\n一、总体情况\n';
const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('long digit runs (DATE_SCAN_RE starts only at the first digit of a run)', () => {
  it('20 KB of digits before 年…日: one malformed date covering the whole run', () => {
    const run = '1'.repeat(19000);
    const model = parseReport(`${HEAD}全年${run}年1月1日公开。\n`);
    const found = findMalformedDates(model);
    assert.deepEqual(found.map((d) => [d.problem, d.text.length]), [['yearDigits', run.length + 5]]);
    assert.equal(model.source.text.slice(found[0]!.span.start, found[0]!.span.start + 3), '111');
  });

  it('200 KB of digits ending in 日 (wrapped lines): analysed, the only date problem is the real one', () => {
    const lines = Array.from({ length: 20 }, () => '1'.repeat(10000));
    const text = `${HEAD}${lines.join('\n')}日。\n于2023年13月1日发布。\n`;
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.code === 'GR000'), []);
    assert.deepEqual(findMalformedDates(a.model).map((d) => [d.problem, d.text]), [['month', '2023年13月1日']]);
  });

  it('a single line over 20 000 characters: skipped with one information finding, the rest checked', () => {
    const text = `${HEAD}${'9'.repeat(30000)}\n${'x'.repeat(25000)}\n于2023年13月1日发布。\n`;
    const a = analyze(text);
    const skipped = a.findings.filter((f) => f.code === 'GR000');
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]!.severity, 'information');
    assert.equal(skipped[0]!.message, '2 行内容过长（第3、4行，最长 30000 个字符），未作检查；其余内容已正常检查');
    assert.ok(a.findings.some((f) => f.code === 'GR203'), 'the date after the long lines is still checked');
  });
});

describe('many headings (GR002/GR003 linear)', () => {
  it('100 000 section headings in reverse order: every repeat and every misplaced one reported once', () => {
    const n = 100_000;
    const text = `某县2023年政府信息公开工作年度报告\n${Array.from({ length: n }, (_, i) => SECTIONS[5 - (i % 6)]).join('\n')}\n`;
    const a = analyze(text);
    assert.equal(a.model.sections.length, n);
    const gr003 = a.findings.filter((f) => f.code === 'GR003');
    assert.equal(gr003.length, n - 6);
    // Each repeat points at the first heading of its section (lines 2–7).
    assert.match(gr003[0]!.message, /^“六、其他需要报告的事项”重复出现（第一次在第2行）$/);
    assert.match(gr003.at(-1)!.message, /（第一次在第[2-7]行）$/);
    // Every heading but the very first (六) comes after a 六 and is out of order unless it is a 六.
    const gr002 = a.findings.filter((f) => f.code === 'GR002');
    assert.equal(gr002.length, n - Math.ceil(n / 6));
  });

  it('12 headings: the first earlier section of a higher ordinal is named, as before', () => {
    const text = `某县2023年政府信息公开工作年度报告\n${Array.from({ length: 12 }, (_, i) => SECTIONS[5 - (i % 6)]).join('\n')}\n`;
    const a = analyze(text);
    const msgs = a.findings.filter((f) => f.code === 'GR002').map((f) => f.message);
    assert.equal(msgs.length, 10);
    assert.ok(msgs.every((m) => m.endsWith('应在“六、其他需要报告的事项”之前')));
  });

  it('fuzzy title matching: still one typo tolerated, numbered paragraphs are no section', () => {
    assert.deepEqual(matchSectionTitle('总体倩况'), { key: 'overview', match: 'fuzzy', legacy: false });
    assert.equal(matchSectionTitle('关于政务公开工作第12345项').key, null);
    const text = `某县2023年政府信息公开工作年度报告\n${Array.from({ length: 100_000 }, (_, i) => `${'一二三四五六七八九十'[i % 10]}、关于政务公开工作第${i}项`).join('\n')}\n`;
    assert.equal(parseReport(text).sections.filter((s) => s.key !== null).length, 0);
  });
});

describe('ranges and figures', () => {
  it('GR213 computes the exact share in integers: no Infinity or NaN on long figures', () => {
    const fig = (value: bigint, scale: number) => ({ value, scale, span: { start: 0, end: 0 }, text: '' });
    assert.equal(exact(fig(9n, 0), fig(10n, 0)), '90');
    assert.equal(exact(fig(2n, 0), fig(3n, 0)), '66.7');
    assert.equal(exact(fig(10n ** 99n, 0), fig(1n, 99)), '1' + '0'.repeat(200));
    assert.equal(exact(fig(1n, 0), fig(0n, 0)), '—');
  });

  it('GR001 on mutated samples (the fuzzer found a table starting on a blank "\\t" line): never end < start', () => {
    // Mutant 14 of seed 777 once gave 509–508; the corpus has grown since, so check a run of mutants.
    const corpus = loadCorpus();
    let seen = 0;
    for (let i = 0; i < 40; i++) {
      const { text } = mutant(corpus, 777, i);
      for (const f of analyze(text).findings.filter((x) => x.code === 'GR001')) {
        seen++;
        assert.ok(f.span.start <= f.span.end, `mutant ${i}: ${f.span.start}-${f.span.end}`);
      }
    }
    assert.ok(seen > 0, 'some mutant lost a section');
  });

  it('GR001 never reports a range that ends before it starts (blank anchor line)', () => {
    const texts = [
      '某县2023年政府信息公开工作年度报告\n一、总体情况\n   \n三、收到和处理政府信息公开申请情况\n',
      '某县2023年政府信息公开工作年度报告\n\n　　\n六、其他需要报告的事项\n',
    ];
    for (const t of texts) {
      for (const f of analyze(t).findings) assert.ok(f.span.start <= f.span.end, `${f.code} ${f.span.start}-${f.span.end}`);
    }
  });
});
