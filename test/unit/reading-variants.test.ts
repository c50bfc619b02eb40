/**
 * Constructed variants of each shape issue 11 names, built from a clean, consistent report
 * (tableFixture): collapsed onto one line, 表三 split into placeholder-headed fragments, a
 * misspelt row label, a hard-wrapped title, "---" rows and page furniture between table rows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/features/fixAll';
import { valueKey } from '../../server/src/core/render/markdownTable';
import { checkIdentities } from '../../server/src/core/tables/identities';
import { specOf } from '../../server/src/core/tables/checked';
import { codes } from './helpers';
import { consistentT3, consistentT4, report, spec, type Figures, type Shape } from './tableFixture';
import { tableConfidence } from '../../server/src/core/tables/confidence';

const t3 = consistentT3('2021', (r, c) => (r.length * 3 + c.length) % 5);
const t4 = consistentT4((b, r) => (b.length + r.length) % 3);
const clean = (shape: Shape = 'markdown') => report('2021', { t3, t4 }, shape);
const count = (a: ReturnType<typeof analyze>, code: string) => codes(a).filter((c) => c === code).length;
const ARITHMETIC = ['GR013', 'GR101', 'GR102', 'GR103', 'GR104', 'GR105', 'GR109'];
const SHAPES: Shape[] = ['markdown', 'tsv', 'cellPerLine', 'spaceAligned'];

/** Findings of the clean report, by code (the baseline each variant is compared with). */
function baseline(shape: Shape): string[] {
  return codes(analyze(clean(shape))).sort();
}

describe('collapsed text (a clean report run together on one line)', () => {
  const text = clean().replace(/\n+/g, '');
  const a = analyze(text);

  it('GR014 once, the six sections from the inline headings, no GR001/GR010, GR012 once', () => {
    assert.equal(count(a, 'GR014'), 1);
    assert.equal(count(a, 'GR001'), 0);
    assert.equal(count(a, 'GR010'), 0);
    assert.equal(count(a, 'GR012'), 1);
    assert.deepEqual(a.model.sections.map((s) => s.key), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    for (const c of ARITHMETIC) assert.equal(count(a, c), 0, c);
  });

  it('CRLF text: the fix inserts CRLF; headings after astral characters keep exact UTF-16 spans', () => {
    const crlf = `某县2024年政府信息公开工作年度报告\r\n${'𠀀'.repeat(3)}${text.slice(text.indexOf('本报告'))}\r\n`;
    const b = analyze(crlf);
    const f = b.findings.find((x) => x.code === 'GR014')!;
    assert.ok(f.fixes![0]!.edits.every((e) => e.newText === '\r\n'));
    for (const s of b.model.sections) assert.match(b.model.source.slice(s.heading.span), /^[一二三四五六]、/);
  });

  it('no collapsed reading for the clean report itself, nor for short lines with numbered words', () => {
    assert.equal(analyze(clean()).model.collapsed, null);
    assert.equal(analyze('某县2024年政府信息公开工作年度报告\n一是加强领导，二、三个方面。\n').model.collapsed, null);
  });
});

describe('fragmented 表三 with placeholder headers', () => {
  const s = spec('2021', 'T3');
  const head = '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n|---|---|---|---|---|---|---|---|';
  /** 表三 as one small placeholder-headed table per row, a heading line above each; group rows as headings only. */
  function fragments(f: Figures, width = 7): string {
    const out: string[] = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ''];
    const h = width === 7 ? head : `| 类别 | ${Array.from({ length: width - 1 }, (_, i) => `数据${i + 1}`).join(' | ')} | 总计 |\n|${'---|'.repeat(width + 1)}`;
    for (const r of s.rows) {
      const label = `${r.numbering}${r.label}`;
      out.push(`### ${label}`);
      if (r.groupLabel) { out.push(''); continue; }
      const cells = s.columns.map((c) => f.get(valueKey(r.key, c.key)) ?? '');
      out.push(h, `| ${label} | ${cells.slice(0, width).join(' | ')} |`, '');
    }
    return out.join('\n');
  }
  const base = clean();
  const start = base.indexOf('| （本列数据');
  const end = base.indexOf('四、政府信息公开行政复议');
  const withFragments = (f: Figures, width?: number) => `${base.slice(0, start)}${fragments(f, width)}\n${base.slice(end)}`;

  it('consistent fragments: one 表三, identities evaluated and holding, one GR112 offering the rewrite', () => {
    const a = analyze(withFragments(t3));
    const tables = a.model.tables.filter((t) => t.key === 'T3');
    assert.equal(tables.length, 1);
    const t = tables[0]!;
    assert.equal(t.reading.level, 'confident');
    const checks = checkIdentities(t, specOf(t, '2021')!);
    assert.ok(checks.length > 20);
    assert.ok(checks.every((c) => c.status === 'ok'));
    for (const c of ARITHMETIC) assert.equal(count(a, c), 0, c);
    assert.equal(count(a, 'GR112'), 1);
  });

  it('an inconsistent figure in a fragment is found (the identities really run)', () => {
    const bad = new Map(t3);
    bad.set(valueKey('disclosed', 'natural'), String(Number(t3.get(valueKey('disclosed', 'natural'))) + 5));
    const a = analyze(withFragments(bad));
    assert.ok(count(a, 'GR101') + count(a, 'GR102') >= 1);
    // Columns mapped by position are a guess: the figure is reported, never fixed by fix-all.
    assert.ok(!a.findings.some((f) => /^GR10[1-4]$/.test(f.code) && f.fixes?.some((x) => x.safe)), 'no safe fix on a guessed layout');
    const t = a.model.tables.find((x) => x.key === 'T3')!;
    const conf = tableConfidence(t, specOf(t, '2021')!, a.model.tables);
    assert.ok(conf.arithmetic && !conf.fixes && conf.reasons.includes('guessed'), JSON.stringify(conf));
  });

  it('placeholder columns that do not fit the version: partial reading, one GR012, no arithmetic', () => {
    const a = analyze(withFragments(t3, 6));
    const t = a.model.tables.find((x) => x.key === 'T3')!;
    assert.equal(t.reading.level, 'partial');
    assert.equal(count(a, 'GR012'), 1);
    for (const c of ARITHMETIC) assert.equal(count(a, c), 0, c);
  });

  it('"-" cells are text, never zeros', () => {
    const dashed = new Map(t3);
    dashed.set(valueKey('disclosed', 'research'), '-');
    const a = analyze(withFragments(dashed));
    const t = a.model.tables.find((x) => x.key === 'T3')!;
    const cell = t.rows.find((r) => r.key === 'disclosed')!.cells.find((c) => c.column === 'research')!;
    assert.equal(cell.value.kind, 'text');
  });
});

describe('misspelt row labels are matched fuzzily', () => {
  for (const shape of ['markdown', 'tsv', 'cellPerLine'] as Shape[]) {
    it(`${shape}: "2.其他法律行政止公开" → GR108 with the standard label, no GR013, no duplicate row`, () => {
      const a = analyze(clean(shape).replace('其他法律行政法规禁止公开', '其他法律行政止公开'));
      const f = a.findings.filter((x) => x.code === 'GR108');
      assert.equal(f.length, 1);
      assert.match(f[0]!.message, /其他法律行政法规禁止公开/);
      const fixed = applyEdits(a.model.source.text, f[0]!.fixes![0]!.edits);
      assert.equal(fixed.split('其他法律行政法规禁止公开').length, 2, 'the label written once, in place');
      assert.equal(count(analyze(fixed), 'GR108'), 0);
      assert.equal(f[0]!.fixes![0]!.safe, false, 'a guessed label is not fixed by fix-all');
      assert.equal(count(a, 'GR013'), 0);
      assert.equal(count(a, 'GR102'), 0);
    });
  }

  it('a label far from every standard one stays unmatched', () => {
    const a = analyze(clean().replace('其他法律行政法规禁止公开', '完全不同的一行文字内容'));
    assert.equal(count(a, 'GR108'), 0);
  });
});

describe('extraction artefacts', () => {
  it('a hard-wrapped title gives the year', () => {
    const text = clean().replace('某县2024年政府信息公开工作年度报告', '2024 年上海市人民政府办公厅政府信息公开\n工作年度报告').replace(/本报告中所列数据的统计期限[^\n]*\n/, '');
    const a = analyze(text);
    assert.equal(a.model.year, 2024);
    assert.equal(a.model.title?.text, '2024 年上海市人民政府办公厅政府信息公开工作年度报告');
  });

  const insertBefore = (text: string, needle: string, lines: string[]) => {
    const all = text.split('\n');
    const i = all.findIndex((l) => l.includes(needle));
    return [...all.slice(0, i), ...lines, ...all.slice(i)].join('\n');
  };

  it('tsv: a row label wrapped over two lines is joined', () => {
    const text = clean('tsv').replace('5.属于三类内部事务信息', '5.属于三类内部\n事务信息');
    const a = analyze(text);
    assert.deepEqual(codes(a).sort(), baseline('tsv'));
    const t = a.model.tables.find((x) => x.key === 'T3')!;
    assert.equal(t.rows.find((r) => r.key === 'withheld.internal')?.label, '5.属于三类内部事务信息');
  });

  for (const shape of SHAPES) {
    const rule = shape === 'markdown' ? '|---|---|---|---|---|---|---|---|' : '------------------------------';
    for (const [name, lines] of [
      ['a row of ---', [rule]],
      ['a page number', ['', '- 3 -', '']],
      ['"第 3 页" and a running header', ['第 3 页', '某县2024年政府信息公开工作年度报告']],
      ['"— 2 —"', ['— 2 —']],
    ] as const) {
      it(`${shape}: ${name} between two rows of 表三 changes nothing`, () => {
        const a = analyze(insertBefore(clean(shape), '（二）部分公开', [...lines]));
        assert.deepEqual(codes(a).sort(), baseline(shape));
        assert.equal(a.model.tables.filter((t) => t.key === 'T3').length, 1);
      });
    }
  }
});

describe('legacy reports (≤ 2018) written line by line', () => {
  const text = [
    '某县人民政府2016年政府信息公开工作年度报告', '',
    '本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。', '',
    '一、概述', '', '2016年，我县认真贯彻《条例》。全年共收到申请12件，其中当面申请5件、网上申请9件。', '',
    '二、主动公开政府信息情况', '', '全年主动公开政府信息300条。', '',
    '三、依申请公开政府信息情况', '', '全年受理申请12件。', '',
    '四、政府信息公开的收费及减免情况', '', '未收取任何费用。', '',
    '五、因政府信息公开申请行政复议、提起行政诉讼的情况', '', '无。', '',
    '六、存在的主要问题及改进措施', '', '2017年，我们将进一步加强工作。', '',
    '七、其他需要报告的事项', '', '无。', '',
    '某县人民政府办公室', '2017年5月10日', '',
  ].join('\n');
  const a = analyze(text);

  it('version legacy, its seven headings as the outline, no 2019 structure rule', () => {
    assert.equal(a.model.version, 'legacy');
    assert.equal(a.model.sections.length, 7);
    assert.equal(a.model.sections[3]!.heading.title, '政府信息公开的收费及减免情况');
    for (const c of ['GR001', 'GR002', 'GR003', 'GR004', 'GR005', 'GR010', 'GR013', 'GR020', 'GR023', 'GR024']) assert.equal(count(a, c), 0, c);
  });

  it('rules that hold every year still run: parts exceeding a total (GR212), a late date citing 第三十一条 (GR202)', () => {
    assert.equal(count(a, 'GR212'), 1);
    const late = a.findings.find((f) => f.code === 'GR202')!;
    assert.match(late.message, /第三十一条/);
  });

  it('the same report dated 2019 is read against the 2019 format', () => {
    const b = analyze(text.replace(/2016/g, '2019').replace(/2017/g, '2020'));
    assert.equal(b.model.version, '2019');
    assert.ok(count(b, 'GR010') + count(b, 'GR005') + count(b, 'GR001') > 0);
  });
});
