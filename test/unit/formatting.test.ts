// Table formatting: pipe tables aligned by display width, nothing else touched, idempotent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, findPipeTables, formatDocument, formatRange, splitPipeRow } from '../../server/src/core/features/formatting';
import { parseReport } from '../../server/src/core/parse/report';
import { displayWidth } from '../../server/src/core/render/width';
import { SourceText } from '../../server/src/core/text/source';
import { sample } from './helpers';

const fmt = (text: string) => applyEdits(text, formatDocument({ source: new SourceText(text) }));

/** Display columns of the unescaped pipes of a line. */
function pipeColumns(line: string): number[] {
  const cols: number[] = [];
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const s = String.fromCodePoint(line.codePointAt(i)!);
    if (s === '\\') { w += 2; i++; continue; }
    if (s === '|') cols.push(w);
    w += displayWidth(s);
    i += s.length - 1;
  }
  return cols;
}

const MESSY = [
  '标题：测试|文本', // prose with a pipe: not a table
  '',
  '|信息内容|本年制发件数|备注|',
  '|:-|-|:-:|',
  '|规章|12|全角，标点。|',
  '|行政规范性文件😀| 3 |a\\|b',
  '',
  '正文 | 也不是表格',
].join('\n');

describe('formatting', () => {
  it('aligns a table by display width: CJK and emoji count 2, numbers right, text left, colons kept', () => {
    const out = fmt(MESSY).split('\n');
    assert.equal(out[0], '标题：测试|文本');
    assert.deepEqual(out.slice(2, 6), [
      '| 信息内容         | 本年制发件数 |     备注     |',
      '| :--------------- | ------------ | :----------: |',
      '| 规章             |           12 | 全角，标点。 |',
      '| 行政规范性文件😀 |            3 |     a\\|b     |',
    ]);
    assert.equal(out[7], '正文 | 也不是表格');
    for (const l of out.slice(2, 6)) assert.deepEqual(pipeColumns(l), pipeColumns(out[2]!));
  });

  it('never changes cell text (U+3000 indentation, full-width punctuation, escapes)', () => {
    const text = '| 　（一）予以公开 | 1 |\n|---|---|\n|　　1.属于国家秘密|0|\n';
    const before = text.split('\n').filter((l) => l.startsWith('|') && !l.includes('---')).map((l) => splitPipeRow(l).cells);
    const after = fmt(text).split('\n').filter((l) => l.startsWith('|') && !l.includes('---')).map((l) => splitPipeRow(l).cells);
    assert.deepEqual(after, before);
    assert.ok(fmt(text).includes('| 　　1.属于国家秘密 |'));
  });

  it('is idempotent', () => {
    const once = fmt(MESSY);
    assert.deepEqual(formatDocument({ source: new SourceText(once) }), []);
    assert.equal(fmt(once), once);
  });

  it('keeps CRLF line ends and edits only table lines (UTF-16 spans exact around astral characters)', () => {
    const crlf = MESSY.replace(/\n/g, '\r\n');
    const edits = formatDocument({ source: new SourceText(crlf) });
    for (const e of edits) assert.ok(!e.newText.includes('\n') && !crlf.slice(e.span.start, e.span.end).includes('\n'));
    const out = applyEdits(crlf, edits);
    assert.equal(out, fmt(MESSY).replace(/\n/g, '\r\n'));
    // The emoji line: the edit replaces exactly the old line (surrogate pair included).
    const emoji = edits.find((e) => e.newText.includes('😀'))!;
    assert.equal(crlf.slice(emoji.span.start, emoji.span.end), '|行政规范性文件😀| 3 |a\\|b');
  });

  it('no table → no edits; pipes inside fenced code are left alone; rows keep their cell count', () => {
    assert.deepEqual(formatDocument({ source: new SourceText('一、总体情况\n\n正文|内容\n') }), []);
    assert.deepEqual(formatDocument({ source: new SourceText('```\n|a|b|\n|-|-|\n```\n') }), []);
    assert.deepEqual(formatDocument({ source: new SourceText('|a|b|\n|c|d|\n') }), [], 'no delimiter row: not a table');
    const out = fmt('|a|b|c|\n|-|-|-|\n|1|\n|1|2|3|4|\n').split('\n');
    assert.deepEqual(out.slice(0, 4).map((l) => splitPipeRow(l).cells.length), [3, 3, 1, 4]);
  });

  it('two tables in one run of pipe lines are formatted separately', () => {
    const text = '|a|b|\n|-|-|\n|1|2|\n|长标题|列|\n|-|-|\n|x|y|\n';
    assert.deepEqual(findPipeTables(new SourceText(text)).map((b) => [b.startLine, b.endLine]), [[0, 2], [3, 5]]);
  });

  it('formatRange touches only the tables the range meets', () => {
    const text = '|a|b|\n|-|-|\n|1|2|\n\n正文\n\n|c|d|\n|-|-|\n|3|4|\n';
    const src = new SourceText(text);
    const second = text.indexOf('|3|4|');
    const edits = formatRange({ source: src }, { start: second, end: second + 1 });
    assert.ok(edits.length > 0);
    assert.ok(edits.every((e) => e.span.start >= text.indexOf('|c|d|')));
    assert.deepEqual(formatRange({ source: src }, { start: text.indexOf('正文'), end: text.indexOf('正文') + 2 }), []);
  });

  it('leaves the sample reports alone outside tables (they have no pipe tables)', () => {
    for (const p of ['000', '001', '003', 'huaian']) {
      const model = parseReport(sample(p));
      assert.deepEqual(formatDocument(model), [], p);
    }
  });
});
