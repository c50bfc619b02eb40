// The hover on a total says what the diagnostic says: "应为 N" only when the total itself is the
// located wrong cell (or the sum holds); else the sum of its terms and the suspected cell, or the
// candidates when no one cell is located; nothing computed on a table whose sums are not checked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/features/hover';
import type { Locale } from '../../server/src/core/types';
import { cell, defaultT3, defaultT4, proseWith, renderTable, reportText, withCells } from './rules/scenario';

/** Hover markdown on the cell (row, column) of the first table `key`. */
function hoverOn(a: Analysis, key: string, row: string, column: string, locale: Locale = 'zh-cn'): string {
  const table = a.model.tables.find((t) => t.key === key)!;
  const c = table.rows.find((r) => r.key === row)!.cells.find((x) => x.column === column)!;
  return hoverAt(a, c.start, { locale })!.markdown;
}

describe('hover on a total agrees with error localisation', () => {
  // 予以公开·自然人 written 11 (is 10): its row total (GR101) and （七）·自然人 (GR102) disagree with
  // it; the one cell that explains both is 予以公开·自然人, so GR102 names it, not （七）.
  const a = analyze(reportText({ t3: withCells(defaultT3(), { [cell('disclosed', 'natural')]: '11' }) }));

  it('the premise: GR102 on （七）·自然人 suspects 予以公开·自然人', () => {
    const f = a.findings.find((x) => x.code === 'GR102')!;
    assert.match(f.message, /^疑似（一）予以公开·自然人有误（应为 10）/);
  });

  it('zh-cn: the sum of the terms, the suspect, and no "应为 14" on the total', () => {
    const md = hoverOn(a, 'T3', 'total', 'natural');
    const first = md.split('\n\n---\n\n').find((p) => p.includes('GR102'))!;
    assert.match(first, /^\*\*（七）总计·自然人\*\* 的各项之和为 \*\*14\*\* · GR102 {2}\n表中为 13，相差 -1\n/);
    assert.match(first, /疑似\*\*（一）予以公开·自然人\*\*有误（应为 10）/);
    assert.doesNotMatch(md, /应为 \*\*14\*\*/);
  });

  it('en: the same in English', () => {
    const first = hoverOn(a, 'T3', 'total', 'natural', 'en').split('\n\n---\n\n').find((p) => p.includes('GR102'))!;
    assert.match(first, /^The terms of \*\*（七）总计·自然人\*\* add up to \*\*14\*\* · GR102/);
    assert.match(first, /Suspected wrong cell: \*\*（一）予以公开·自然人\*\* \(should be 10\)/);
  });

  it('the located cell is the total itself: "应为 N" as before', () => {
    const b = analyze(reportText({ t3: withCells(defaultT3(), { [cell('total', 'natural')]: '20' }) }));
    const first = hoverOn(b, 'T3', 'total', 'natural').split('\n\n---\n\n').find((p) => p.includes('GR102'))!;
    assert.match(first, /^\*\*（七）总计·自然人\*\* 应为 \*\*13\*\* · GR102/);
    assert.doesNotMatch(first, /疑似|无法确定/);
  });

  it('no single cell located (表四 行政复议 总计 4, parts 2 + 1): candidates, as GR104 says', () => {
    const b = analyze(reportText({ t4: withCells(defaultT4(), { [cell('data', 'review.total')]: '4' }) }));
    const f = b.findings.find((x) => x.code === 'GR104')!;
    assert.match(f.message, /无法确定哪一格有误/);
    const md = hoverOn(b, 'T4', 'data', 'review.total');
    assert.match(md, /^\*\*行政复议·总计\*\* 的各项之和为 \*\*3\*\* · GR104/);
    assert.match(md, /无法确定哪一格有误，可能是：.*行政复议·总计（→ 3）/);
    assert.doesNotMatch(md, /应为 \*\*3\*\*/);
  });

  it('a 表三 read twice (arithmetic off): says the sums are not checked, computes nothing', () => {
    const wrong = withCells(defaultT3(), { [cell('total', 'natural')]: '20' });
    const b = analyze(reportText({ t3: wrong, prose: proseWith(2, ['本局严格按照法定程序办理申请。', renderTable('2021', 'T3', wrong)]) }));
    const md = hoverOn(b, 'T3', 'total', 'natural');
    assert.equal(md, '**（七）总计·自然人**\n\n表格读取不确定（单元格可能未与列对齐），未核对勾稽关系');
  });
});
