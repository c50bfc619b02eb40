// Inlay hints follow the table's confidence: where GR101–GR104 are switched off (a table in
// fragments, an unrecognised column), no failure is counted and no cell is told "应为".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { inlayHints } from '../../server/src/core/features/inlay';
import { tableConfidence } from '../../server/src/core/tables/confidence';
import { specOf } from '../../server/src/core/tables/checked';
import { cell, defaultT3, proseWith, renderTable, reportText, withCells } from './rules/scenario';

// 表三 twice (read in fragments), the second with （七）总计·自然人 20 instead of 13.
const wrong = withCells(defaultT3(), { [cell('total', 'natural')]: '20' });
const text = reportText({ prose: proseWith(2, ['本局严格按照法定程序办理申请。', renderTable('2021', 'T3', wrong)]) });
const a = analyze(text);

describe('inlay hints on a table whose sums are not checked', () => {
  it('the premise: two 表三 read, arithmetic off for both, and no GR101–GR104', () => {
    const t3s = a.model.tables.filter((t) => t.key === 'T3');
    assert.equal(t3s.length, 2);
    for (const t of t3s) assert.equal(tableConfidence(t, specOf(t, '2021'), a.model.tables).arithmetic, false);
    assert.deepEqual(a.findings.filter((f) => /^GR10[1-4]$/.test(f.code)).map((f) => f.code), []);
  });

  for (const [locale, label] of [['zh-cn', '未核对勾稽关系（表格读取不确定）'], ['en', 'Sums not checked (table read uncertainly)']] as const) {
    it(`${locale}: each 表三 says its sums were not checked; no failure count, no "should be"`, () => {
      const hints = inlayHints(a, undefined, { locale });
      const labels = hints.map((h) => h.label);
      assert.equal(labels.filter((l) => l === label).length, 2, labels.join(' | '));
      // Each on its own table's header line.
      for (const t of a.model.tables.filter((x) => x.key === 'T3')) {
        const lineEnd = text.indexOf('\n', t.headerSpan?.start ?? t.span.start);
        assert.ok(hints.some((h) => h.label === label && h.offset === lineEnd), `no label at ${lineEnd}`);
      }
      assert.ok(!labels.some((l) => /不成立|failure|应为|should be/.test(l)), labels.join(' | '));
    });
  }

  it('the same wrong total in a single 表三 is counted and located (the summary is not just silenced)', () => {
    const b = analyze(reportText({ t3: wrong }));
    const labels = inlayHints(b).map((h) => h.label);
    assert.ok(labels.some((l) => /✗ 勾稽关系 \d+ 处不成立/.test(l)), labels.join(' | '));
    assert.ok(labels.includes('应为 13'), labels.join(' | '));
  });
});
