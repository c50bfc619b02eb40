import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { foldingRanges } from '../../server/src/core/features/folding';

/** Runs the whole pipeline (analysis and outline). Timings of these inputs: `npm run bench`. */
function run(text: string) {
  const a = analyze(text);
  return { a, symbols: documentSymbols(a.model), folds: foldingRanges(a.model) };
}

describe('bad input never crashes or hangs', () => {
  it('empty file: no sections, no crash', () => {
    const { a } = run('');
    assert.equal(a.model.sections.length, 0);
    assert.equal(a.model.title, null);
  });

  it('binary bytes', () => {
    let s = '';
    for (let i = 0; i < 20000; i++) s += String.fromCharCode((i * 7919) % 65536);
    const { a } = run(s);
    assert.ok(Array.isArray(a.findings));
  });

  it('a 5 MB single line', () => {
    const line = '一、总体情况'.repeat(10) + '１２３４５６，　'.repeat(600000);
    const { a } = run(line);
    assert.equal(a.model.sections.length, 0);
  });

  it('a title only: every section reported missing once, in order, each fix appends it', () => {
    const text = '某县2023年政府信息公开工作年度报告\n';
    const { a } = run(text);
    assert.equal(a.model.year, 2023);
    const missing = a.findings.filter((f) => f.code === 'GR001');
    assert.deepEqual(missing.map((f) => f.message.slice(0, 5)), ['缺少第一部', '缺少第二部', '缺少第三部', '缺少第四部', '缺少第五部', '缺少第六部']);
    const e = missing[0]!.fixes![0]!.edits[0]!;
    assert.equal(text.slice(0, e.span.start) + e.newText, '某县2023年政府信息公开工作年度报告\n一、总体情况');
  });

  it('a table with 500 columns', () => {
    const header = ['信息内容', ...Array.from({ length: 499 }, (_, i) => `列${i}`)].join('\t');
    const row = ['规章', ...Array.from({ length: 499 }, (_, i) => String(i))].join('\t');
    const text = `某县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n${header}\n${row}\n`;
    const { a } = run(text);
    assert.equal(a.model.sections.length, 1);
  });

  it('many lines of numbered headings: each one is a sub-heading in the outline', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `（${i % 9 + 1}）小标题${i}`).join('\n');
    const { a } = run(text);
    assert.equal(a.model.headings.length, 20000);
  });
});
