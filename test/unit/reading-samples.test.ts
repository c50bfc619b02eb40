/**
 * Reading the report shapes people actually have (issue 11), on the three shared samples:
 * collapsed web text (004_pingtan_2020), a legacy report (017_pingtan_xzf_2012), and a 表三 split
 * into fragments with placeholder headers (013_shuyang_xzf_2025).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/features/fixAll';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { checkIdentities } from '../../server/src/core/tables/identities';
import { specOf } from '../../server/src/core/tables/checked';
import { analyzeSample, codes, sample } from './helpers';

const count = (a: ReturnType<typeof analyze>, code: string) => codes(a).filter((c) => c === code).length;

describe('004_pingtan_2020: the whole body on one line', () => {
  const a = analyzeSample('004_pingtan');
  const line = a.model.collapsed!;

  it('is read as collapsed: one GR014, the six sections from the inline headings, no GR001', () => {
    assert.ok(line, 'collapsed body detected');
    assert.equal(count(a, 'GR014'), 1);
    assert.equal(count(a, 'GR001'), 0);
    assert.deepEqual(a.model.sections.map((s) => s.key), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    const text = a.model.source.text;
    // Spans inside the line: each heading's own text, each section up to the next heading.
    assert.equal(a.model.source.slice(a.model.sections[0]!.heading.span), '一、总体情况');
    assert.ok(text.slice(a.model.sections[0]!.span.start, a.model.sections[0]!.span.end).startsWith('一、总体情况2020年，我区'));
    for (const s of a.model.sections) {
      assert.ok(s.span.start >= line.line.start && s.span.end <= a.model.source.text.length);
      assert.match(text.slice(s.heading.span.start, s.heading.span.end), /^[一二三四五六]、/);
    }
    assert.equal(a.model.source.slice(a.model.sections[5]!.heading.span), '六、其他需要报告的事项');
  });

  it('outline of six sections', () => {
    const outline = documentSymbols(a.model).filter((s) => s.kind === 'section');
    assert.equal(outline.length, 6);
    assert.deepEqual(outline.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
  });

  it('the flattened tables: GR012 once, no arithmetic, no GR010/GR013/GR1xx', () => {
    assert.equal(count(a, 'GR012'), 1);
    for (const c of ['GR010', 'GR013', 'GR101', 'GR102', 'GR103', 'GR104', 'GR105', 'GR109']) assert.equal(count(a, c), 0, c);
    assert.ok(a.model.tables.length >= 2);
    for (const t of a.model.tables) assert.equal(t.reading.level, 'unreadable');
  });

  it('the fix only inserts line breaks before the headings; afterwards the outline comes from lines', () => {
    const fix = a.findings.find((f) => f.code === 'GR014')!.fixes![0]!;
    assert.equal(fix.safe, true);
    for (const e of fix.edits) {
      assert.equal(e.span.start, e.span.end, 'nothing deleted');
      assert.match(e.newText, /^\r?\n$/);
      assert.ok(e.span.start > a.model.collapsed!.line.start && e.span.start < a.model.collapsed!.line.end);
    }
    const text = a.model.source.text;
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed.replace(/\n/g, ''), text.replace(/\n/g, ''), 'no character changed');
    const b = analyze(fixed);
    assert.equal(b.model.collapsed, null);
    assert.equal(count(b, 'GR014'), 0);
    assert.equal(count(b, 'GR001'), 0);
    assert.deepEqual(b.model.sections.map((s) => s.key), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    // Each section heading now opens its own line.
    for (const s of b.model.sections) assert.equal(b.model.source.lineIndexAt(s.heading.span.start) > 0, true);
  });
});

describe('017_pingtan_xzf_2012: a legacy report (2008 条例)', () => {
  const a = analyzeSample('017_pingtan');

  it('is read against the legacy standard: no new-format structure rule', () => {
    assert.equal(a.model.year, 2012);
    assert.equal(a.model.version, 'legacy');
    for (const c of ['GR001', 'GR004', 'GR005', 'GR010', 'GR013', 'GR020', 'GR023', 'GR024']) assert.equal(count(a, c), 0, c);
  });

  it('rules that hold every year still run: the parts 2475 + 1503 exceed the stated 主动公开 total 2026 (GR212)', () => {
    const f = a.findings.filter((x) => x.code === 'GR212');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /2475 \+ 1503/);
    assert.match(f[0]!.message, /2026/);
  });

  it('a share breakdown that adds up stays silent', () => {
    const fine = sample('017_pingtan').replace('主动公开政府信息2475条', '主动公开政府信息1260条').replace('主动公开政府信息1503条', '主动公开政府信息766条');
    assert.equal(analyze(fine).findings.filter((x) => x.code === 'GR212').length, 0);
  });

  it('outline shows its own headings', () => {
    assert.deepEqual(a.model.sections.map((s) => s.heading.title), ['概述', '主动公开政府信息情况', '政府信息依申请公开工作情况', '政府信息公开工作存在的主要问题及改进情况']);
  });

  it('GR202 on a late legacy report cites 2008 条例第三十一条', () => {
    const late = sample('017_pingtan').replace('2013年1月16日', '2013年5月6日').replace('2013-01-17', '2013-05-06');
    const b = analyze(late);
    const f = b.findings.find((x) => x.code === 'GR202');
    assert.ok(f, 'GR202 fires');
    assert.match(f!.message, /第三十一条/);
    assert.doesNotMatch(f!.message, /第四十九条/);
    const en = analyze(late, { locale: 'en' }).findings.find((x) => x.code === 'GR202')!;
    assert.match(en.message, /第三十一条/);
  });
});

describe('013_shuyang_xzf_2025: 表三 in a dozen fragments with placeholder headers', () => {
  const a = analyzeSample('013_shuyang');

  it('no GR101/GR102/GR103/GR013 on consistent figures', () => {
    for (const c of ['GR101', 'GR102', 'GR103', 'GR013', 'GR105', 'GR109']) assert.equal(count(a, c), 0, c);
  });

  it('the fragments are one 表三, read with confidence, and its identities were evaluated and hold', () => {
    const t3s = a.model.tables.filter((t) => t.key === 'T3');
    assert.equal(t3s.length, 1);
    const t3 = t3s[0]!;
    assert.equal(t3.reading.level, 'confident');
    assert.deepEqual(t3.reading.notes.map((n) => `${n.kind}:${n.reason}`), ['guessed:fragments', 'guessed:placeholderColumns']);
    const checks = checkIdentities(t3, specOf(t3, '2021')!);
    assert.ok(checks.length >= 30, `${checks.length} checks`);
    assert.deepEqual([...new Set(checks.map((c) => c.status))], ['ok']);
    // 713 + 36 = 718 + 31 (总计 column).
    const cell = (row: string) => t3.rows.find((r) => r.key === row)!.cells.find((c) => c.column === 'total')!.text;
    assert.deepEqual(['new', 'carriedIn', 'total', 'carriedOut'].map(cell), ['713', '36', '718', '31']);
    // "-" is text, never a zero: no row of dashes was taken as figures.
    assert.ok(t3.rows.every((r) => r.cells.every((c) => c.text !== '-')));
  });

  it('one information finding offers the canonical rewrite', () => {
    const f = a.findings.filter((x) => x.code === 'GR112');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'information');
    const fix = f[0]!.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyEdits(a.model.source.text, fix.edits);
    const b = analyze(fixed);
    const t3 = b.model.tables.filter((t) => t.key === 'T3');
    assert.equal(t3.length, 1);
    assert.equal(t3[0]!.reading.notes.length, 0, 'a canonical table, nothing guessed');
    for (const c of ['GR101', 'GR102', 'GR103', 'GR013', 'GR112']) assert.equal(count(b, c), 0, c);
    assert.doesNotMatch(fixed, /数据1/);
  });
});
