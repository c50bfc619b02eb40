// GR112: a pasted table (tab-separated, one cell per line, space-aligned); rewrite as Markdown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, defaultT3, findings, fixAll, lineOf, none, renderTable, reportText } from './scenario';

describe('GR112 pasted table', () => {
  it('fires (information) on each tab-separated table; 表三 at its first header line', () => {
    const text = reportText({ shape: 'tsv' });
    const all = findings(text, 'GR112');
    assert.equal(all.length, 6);
    const t3 = all.find((f) => f.message.startsWith('表三'))!;
    assert.equal(t3.severity, 'information');
    assert.equal(t3.line, lineOf(text, '（本列数据的勾稽关系'));
    assert.ok(t3.text.startsWith('（本列数据的勾稽关系'));
    assert.match(t3.message, /^表三是粘贴来的制表符分隔表格，可改写为标准 Markdown 表格$/);
  });

  it('names the shape: 每行一格, 空格对齐', () => {
    assert.ok(findings(reportText({ shape: 'cellPerLine' }), 'GR112').every((f) => f.message.includes('每行一格的表格')));
    assert.ok(findings(reportText({ shape: 'spaceAligned' }), 'GR112').every((f) => f.message.includes('空格对齐表格')));
  });

  for (const shape of ['tsv', 'cellPerLine', 'spaceAligned'] as const) {
    it(`${shape}: the rewrite (refactor, not safe) puts every figure of 表三 in place as canonical Markdown`, () => {
      const text = reportText({ shape });
      const f = findings(text, 'GR112').find((x) => x.message.startsWith('表三'))!;
      const fix = f.finding.fixes![0]!;
      assert.equal(fix.safe, false);
      assert.equal(fix.kind, 'refactor.rewrite');
      const fixed = applyFix(text, fix);
      assert.ok(fixed.includes(renderTable('2021', 'T3', defaultT3())), 'the Markdown 表三 with the same figures');
      assert.equal(findings(fixed, 'GR112').some((x) => x.message.startsWith('表三')), false);
      assert.ok(fixed.includes('本局严格按照法定程序和时限办理政府信息公开申请。'));
      assert.ok(fixed.includes('四、政府信息公开行政复议、行政诉讼情况'));
    });
  }

  it('fix-all does not rewrite pasted tables', () => {
    const text = reportText({ shape: 'tsv' });
    assert.equal(fixAll(text).text, text);
  });

  it('does not fire on Markdown tables', () => {
    none(reportText(), 'GR112');
  });
});
