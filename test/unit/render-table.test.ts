// The canonical Markdown layout (core/render): widths, shapes of T2/T3/T4, snippets, skeleton.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  displayWidth, expandSnippet, figureCells, headerLabels, renderSkeleton, renderTable, renderTableBlock, rowDepth, rowLabel,
  tableCaption, valueKey,
} from '../../server/src/core/render/index';
import { LABEL_COLUMN_CAP } from '../../server/src/core/render/layout';
import { formatDocument } from '../../server/src/core/features/formatting';
import { FORMATS, T3_NOTE, T4_BLOCKS, T4_RESULTS, tableSpec } from '../../server/src/core/standard/index';
import type { TableSpec } from '../../server/src/core/standard/types';
import { SourceText } from '../../server/src/core/text/source';
import { consistentValues } from './render-fixtures';

const ALL_SPECS: [string, TableSpec][] = (['2019', '2021'] as const).flatMap((v) => FORMATS[v].tables.map((t): [string, TableSpec] => [`${v} ${t.key}`, t]));

/** Display columns at which each unescaped pipe of a line sits. */
function pipeColumns(line: string): number[] {
  const cols: number[] = [];
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.codePointAt(i)!;
    const s = String.fromCodePoint(ch);
    if (s === '\\') { w += 1 + displayWidth(line[i + 1] ?? ''); i++; continue; }
    if (s === '|') cols.push(w);
    w += displayWidth(s);
    i += s.length - 1;
  }
  return cols;
}

describe('render: display width', () => {
  it('counts CJK, full-width punctuation and U+3000 as 2, ASCII as 1', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('自然人'), 6);
    assert.equal(displayWidth('（一）'), 6);
    assert.equal(displayWidth('\u3000'), 2);
    assert.equal(displayWidth('１２'), 4);
  });
  it('counts an emoji (astral) as 2, ZWJ sequences and flags as one wide grapheme, combining marks as 0', () => {
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('👨‍👩‍👧'), 2);
    assert.equal(displayWidth('🇨🇳'), 2);
    assert.equal(displayWidth('e\u0301'), 1);
  });
  it('treats ambiguous quotes and the middle dot as narrow', () => {
    assert.equal(displayWidth('“”'), 2);
    assert.equal(displayWidth('·'), 1);
  });
});

describe('render: canonical tables', () => {
  for (const [name, spec] of ALL_SPECS) {
    it(`${name}: every line has the same pipe columns (aligned by display width), but for an over-long label`, () => {
      for (const values of [new Map<string, string>(), consistentValues(spec, 7)]) {
        const lines = renderTable(spec, values, { eol: '\n' }).split('\n');
        const long = (l: string) => displayWidth(l.split('|')[1]!.replace(/^ | +$/g, '')) > LABEL_COLUMN_CAP;
        const ref = pipeColumns(lines[1]!);
        for (const l of lines) {
          if (long(l)) assert.deepEqual(pipeColumns(l).slice(0, 1), ref.slice(0, 1), l);
          else assert.deepEqual(pipeColumns(l), ref, l);
        }
        // The label column is never wider than the cap.
        assert.ok(ref[1]! - ref[0]! - 3 <= LABEL_COLUMN_CAP, lines[1]);
      }
    });
    it(`${name}: header, delimiter and one row per label`, () => {
      const lines = renderTable(spec, new Map(), { eol: '\n' }).split('\n');
      const cells = (l: string) => l.slice(1, -1).split('|').map((c) => c.trim());
      assert.deepEqual(cells(lines[0]!), headerLabels(spec));
      assert.ok(/^\| :-+ (\| -+: )+\|$/.test(lines[1]!), lines[1]);
      const expectedRows = spec.key === 'T4' ? T4_BLOCKS.length : spec.rows.length;
      assert.equal(lines.length, 2 + expectedRows);
    });
  }

  it('T2: caption "第二十条第（一）项", a blank line, then the 信息内容 table', () => {
    const spec = tableSpec('2021', 'T2.1')!;
    const block = renderTableBlock(spec, new Map(), { eol: '\n' }).split('\n');
    assert.equal(block[0], '第二十条第（一）项');
    assert.equal(block[1], '');
    assert.match(block[2]!, /^\| 信息内容 +\| 本年制发件数 \| 本年废止件数 \| 现行有效件数 \|$/);
    assert.equal(tableCaption(tableSpec('2021', 'T3')!), null);
    assert.equal(renderTableBlock(tableSpec('2021', 'T3')!, new Map(), { eol: '\n' }), renderTable(tableSpec('2021', 'T3')!, new Map(), { eol: '\n' }));
  });

  it('T3: the note heads the label column; rows numbered and indented with U+3000 by depth', () => {
    const spec = tableSpec('2021', 'T3')!;
    const lines = renderTable(spec, new Map(), { eol: '\n' }).split('\n');
    assert.ok(lines[0]!.startsWith(`| ${T3_NOTE} | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |`.slice(0, 2 + T3_NOTE.length)));
    assert.match(lines[0]!, /\| 自然人 \| 商业企业 \| 科研机构 \| 社会公益组织 \| 法律服务机构 \| 其他 \| 总计 \|$/);
    const label = (i: number) => lines[i]!.split('|')[1]!.replace(/^ | +$/g, '');
    assert.equal(label(2), '一、本年新收政府信息公开申请数量');
    assert.equal(label(4), '三、本年度办理结果');
    assert.equal(label(5), '\u3000（一）予以公开');
    assert.equal(label(8), '\u3000\u30001.属于国家秘密');
    assert.equal(lines.at(-1)!.split('|')[1]!.trim(), '四、结转下年度继续办理');
    // Group-label rows carry empty value cells.
    assert.ok(lines[4]!.split('|').slice(2, -1).every((c) => c.trim() === ''));
    assert.equal(rowDepth(spec, spec.rows.find((r) => r.key === 'other.other')!), 2);
    assert.equal(rowLabel(spec, spec.rows.find((r) => r.key === 'other.other')!), '\u3000\u30003.其他');
  });

  it('T4: 类别 header with T4_RESULTS and three block rows, fifteen figures in spec keys', () => {
    const spec = tableSpec('2021', 'T4')!;
    const values = new Map(figureCells(spec).map((c, i) => [valueKey(c.rowKey, c.columnKey), String(i + 1)]));
    const lines = renderTable(spec, values, { eol: '\n' }).split('\n');
    assert.deepEqual(lines[0]!.slice(1, -1).split('|').map((c) => c.trim()), ['类别', ...T4_RESULTS.map((r) => r.label)]);
    assert.deepEqual(lines.slice(2).map((l) => l.split('|')[1]!.trim()), T4_BLOCKS.map((b) => b.label));
    assert.deepEqual(lines[3]!.slice(1, -1).split('|').slice(1).map((c) => c.trim()), ['6', '7', '8', '9', '10']);
    assert.deepEqual(figureCells(spec)[5], { rowKey: 'data', columnKey: 'direct.upheld' });
  });

  it('numbers are right-aligned, labels left-aligned', () => {
    const spec = tableSpec('2021', 'T2.6')!;
    const lines = renderTable(spec, new Map([[valueKey('penalty', 'decisions'), '12345']]), { eol: '\n' }).split('\n');
    assert.match(lines[2]!, /^\| 行政处罚 \| +12345 \|$/);
    assert.match(lines[3]!, /^\| 行政强制 \| {18}\|$/);
  });

  it('CRLF, compact mode and escaped pipes', () => {
    const spec = tableSpec('2021', 'T2.5')!;
    const crlf = renderTableBlock(spec, new Map(), { eol: '\r\n', blank: '0' });
    assert.equal(crlf.split('\r\n').length, 5);
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.equal(renderTable(spec, new Map([[valueKey('license', 'decisions'), 'a|b']]), { eol: '\n', fullWidth: false }),
      '| 信息内容 | 本年处理决定数量 |\n| :-- | --: |\n| 行政许可 | a\\|b |');
  });

  it('snippet mode: a tab stop on every figure cell, in reading order; padding by the default text', () => {
    const spec = tableSpec('2019', 'T3')!;
    const snip = renderTable(spec, new Map(), { eol: '\n', snippet: true });
    const stops = [...snip.matchAll(/\$\{(\d+):0\}/g)].map((m) => Number(m[1]));
    assert.deepEqual(stops, figureCells(spec).map((_, i) => i + 1));
    const plain = renderTable(spec, new Map(), { eol: '\n', blank: '0' });
    assert.equal(expandSnippet(snip), plain);
    const from10 = renderTable(tableSpec('2021', 'T2.1')!, new Map(), { eol: '\n', snippet: true, tabStart: 10 });
    assert.match(from10, /\$\{10:0\}/);
  });

  it('rendered tables are already formatted (formatter makes no edit)', () => {
    for (const [, spec] of ALL_SPECS) {
      const text = renderTableBlock(spec, consistentValues(spec, 3), { eol: '\n' });
      assert.deepEqual(formatDocument({ source: new SourceText(text) }), [], spec.key);
    }
  });
});

describe('render: skeleton', () => {
  const lines2021 = renderSkeleton({ body: '某某市生态环境局', year: 2024, kind: 'department', eol: '\n' }).split('\n');

  it('title, statistics period and the six headings in order', () => {
    assert.equal(lines2021[0], '某某市生态环境局2024年政府信息公开工作年度报告');
    assert.ok(lines2021.includes('本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。'));
    const headings = lines2021.filter((l) => /^[一二三四五六]、/.test(l));
    assert.deepEqual(headings, FORMATS['2021'].sections.map((s) => `${'一二三四五六'[s.ordinal - 1]}、${s.title}`));
  });

  it('2021: section 一 with its five sub-topics and placeholders; 六 asks for 信息处理费', () => {
    const i = lines2021.indexOf('一、总体情况');
    assert.deepEqual(lines2021.slice(i + 2, i + 12).filter((l) => l), [
      '（一）主动公开', '（文字描述）', '（二）依申请公开', '（文字描述）', '（三）政府信息管理',
    ]);
    const six = lines2021.slice(lines2021.indexOf('六、其他需要报告的事项'));
    assert.ok(six.some((l) => l.includes('信息处理费')));
  });

  it('2019: no sub-topics, no fee sentence, and the （九） table', () => {
    const text = renderSkeleton({ body: 'X县', year: 2020, kind: 'department', eol: '\n' });
    assert.ok(!text.includes('（一）主动公开'));
    assert.ok(!text.includes('信息处理费'));
    assert.ok(text.includes('第二十条第（九）项'));
    assert.ok(text.includes('| 规范性文件 '));
  });

  it('a government report mentions 工作考核、社会评议和责任追究 in 五', () => {
    const lines = renderSkeleton({ body: 'X县人民政府', year: 2024, kind: 'government', eol: '\n' }).split('\n');
    const five = lines.slice(lines.indexOf('五、存在的主要问题及改进情况'), lines.indexOf('六、其他需要报告的事项'));
    assert.ok(five.some((l) => l.includes('工作考核、社会评议和责任追究')));
    assert.ok(!lines2021.some((l) => l.includes('工作考核')));
  });

  it('version follows the year unless given; CRLF throughout', () => {
    assert.ok(renderSkeleton({ body: 'X', year: 2019, kind: 'department', eol: '\n' }).includes('本年新制作数量'));
    assert.ok(renderSkeleton({ body: 'X', year: 2019, version: '2021', kind: 'department', eol: '\n' }).includes('本年制发件数'));
    const crlf = renderSkeleton({ body: 'X', year: 2024, kind: 'government', eol: '\r\n' });
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.ok(crlf.endsWith('\r\n'));
  });

  it('snippet: body $1, year $2 mirrored, figures from $3, $0 last', () => {
    const s = renderSkeleton({ body: '某某县', year: 2024, kind: 'government', eol: '\n', snippet: true, snippetYear: '$CURRENT_YEAR' });
    assert.ok(s.startsWith('${1:某某县}${2:$CURRENT_YEAR}年政府信息公开工作年度报告'));
    assert.ok(s.includes('统计期限自${2}年1月1日'));
    assert.ok(s.includes('${3:0}'));
    assert.ok(s.endsWith('$0'));
    const n = FORMATS['2021'].tables.reduce((a, t) => a + figureCells(t).length, 0);
    assert.ok(s.includes(`\${${n + 2}:0}`) && !s.includes(`\${${n + 3}:0}`));
  });
});
