// The acceptance checks of "fixes that can be trusted" on real reports: huaian-2024 (space-aligned)
// with one cell damaged, and 013_shuyang_xzf_2025 (表三 in fragments with placeholder headers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { computeFixAll, fixAllChanges } from '../../server/src/core/features/fixAll';
import { cellAt } from '../../server/src/core/tables/cells';
import type { Table } from '../../server/src/core/model/types';
import { specOf } from '../../server/src/core/tables/checked';
import { tableConfidence } from '../../server/src/core/tables/confidence';
import { FORMATS } from '../../server/src/core/standard/versions';
import { sample } from './helpers';

const huaian = sample('huaian');
const model = analyze(huaian).model;
const t3 = model.tables.find((t) => t.key === 'T3')!;
const t4 = model.tables.find((t) => t.key === 'T4')!;

/** huaian with the cell (row, column) of `table` replaced by `text`. */
function withCell(table: Table, row: string, column: string, text: string): string {
  const cell = cellAt(table, row, column)!;
  return huaian.slice(0, cell.start) + text + huaian.slice(cell.end);
}

function inside(table: Table, span: { start: number; end: number }): boolean {
  return span.start < table.span.end && span.end >= table.span.start;
}

function confidenceOf(text: string, key: 'T3' | 'T4') {
  const m = analyze(text).model;
  const table = m.tables.find((t) => t.key === key)!;
  return tableConfidence(table, specOf(table, FORMATS['2021'])!, m.tables);
}

describe('fix-all on huaian-2024 with one cell damaged', () => {
  it('1288 → 1289: restores 1288 and changes nothing else', () => {
    assert.equal(cellAt(t3, 'disclosed', 'natural')!.text, '1288');
    const text = withCell(t3, 'disclosed', 'natural', '1289');
    const r = fixAllChanges(text);
    assert.equal(r.converged, true);
    assert.equal(r.text, huaian);
    assert.deepEqual(r.changes.map((c) => [c.cell, c.oldText, c.newText, c.codes.join()]), [['（一）予以公开·自然人', '1289', '1288', 'GR101,GR102']]);
    assert.deepEqual(r.remaining, []);
  });

  it('the findings sit on the typo and name it; its one fix is safe', () => {
    const text = withCell(t3, 'disclosed', 'natural', '1289');
    const a = analyze(text);
    const arith = a.findings.filter((f) => /^GR10[1-4]$/.test(f.code));
    assert.deepEqual(arith.map((f) => f.code).sort(), ['GR101', 'GR102']);
    for (const f of arith) {
      assert.equal(text.slice(f.span.start, f.span.end), '1289');
      assert.match(f.message, /^疑似（一）予以公开·自然人有误（应为 1288）/);
      assert.equal(f.fixes!.length, 1);
      assert.equal(f.fixes![0]!.safe, true);
    }
    // Related: the other failing identity's total, then the summed cells.
    assert.ok(arith.every((f) => f.related!.some((x) => /^同样不成立：/.test(x.message))));
  });

  it('一·总计 wrong: GR103 does not blame 四 (a correct cell); every finding sits on 一·总计', () => {
    const old = cellAt(t3, 'new', 'total')!.text;
    const bad = String(Number(old) + 3);
    const text = withCell(t3, 'new', 'total', bad);
    const a = analyze(text);
    const arith = a.findings.filter((f) => /^GR10[1-4]$/.test(f.code));
    assert.deepEqual(arith.map((f) => f.code).sort(), ['GR101', 'GR103']);
    assert.ok(arith.every((f) => text.slice(f.span.start, f.span.end) === bad));
    assert.ok(!arith.some((f) => /四、结转下年度继续办理·总计 应为/.test(f.message)), arith.map((f) => f.message).join('\n'));
    const g103 = arith.find((f) => f.code === 'GR103')!;
    assert.match(g103.message, /勾稽关系不成立.*疑似一、本年新收政府信息公开申请数量·总计有误，应为 /);
    assert.equal(computeFixAll(text).text, huaian);
  });

  it('one cell set to "—": fix-all writes nothing in that table', () => {
    const text = withCell(t3, 'disclosed', 'natural', '—');
    const r = computeFixAll(text);
    assert.equal(r.converged, true);
    const t = analyze(text).model.tables.find((x) => x.key === 'T3')!;
    assert.deepEqual(r.edits.filter((e) => inside(t, e.span)), []);
    assert.ok(confidenceOf(text, 'T3').reasons.includes('notANumber'));
    // The "—" cell is the one candidate; it is offered, but only on request.
    const offered = analyze(text).findings.filter((f) => /^GR10[1-4]$/.test(f.code)).flatMap((f) => f.fixes ?? []);
    assert.ok(offered.length > 0 && offered.every((x) => !x.safe));
  });

  it('a blank cell in the space-aligned table: no oscillation, nothing written there', () => {
    const cell = cellAt(t3, 'disclosed', 'natural')!;
    const text = huaian.slice(0, cell.start) + ' '.repeat(cell.text.length) + huaian.slice(cell.end);
    const r = computeFixAll(text);
    assert.equal(r.converged, true);
    assert.equal(r.stopped, undefined);
    const t = analyze(text).model.tables.find((x) => x.key === 'T3')!;
    assert.deepEqual(r.edits.filter((e) => inside(t, e.span)), []);
    // The row's cells could not be aligned: the arithmetic is not even run on guesses.
    assert.equal(confidenceOf(text, 'T3').arithmetic, false);
  });

  it('a 表四 figure (in one identity only): candidates offered as "假设 … 有误", none safe, nothing written', () => {
    const cell = t4.rows[0]!.cells[0]!;
    const text = huaian.slice(0, cell.start) + String(Number(cell.text) + 2) + huaian.slice(cell.end);
    const f = analyze(text).findings.filter((x) => x.code === 'GR104');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /无法确定哪一格有误，可能是：/);
    assert.ok(f[0]!.fixes!.length >= 2);
    assert.ok(f[0]!.fixes!.every((x) => !x.safe && /^假设 .+ 有误：改为 \d+$/.test(x.title)));
    const t = analyze(text).model.tables.find((x) => x.key === 'T4')!;
    assert.deepEqual(computeFixAll(text).edits.filter((e) => inside(t, e.span)), []);
  });
});

describe('013_shuyang_xzf_2025 (表三 in fragments, placeholder headers)', () => {
  const text = sample('013');
  it('fix-all changes no figure', () => {
    const r = computeFixAll(text);
    assert.equal(r.converged, true);
    const figures = r.changes.filter((c) => /\d/.test(c.oldText) || /\d/.test(c.newText));
    assert.deepEqual(figures, []);
  });
  it('its 表三 pieces are read with low confidence: no arithmetic, no fix', () => {
    const m = analyze(text).model;
    const pieces = m.tables.filter((t) => t.key === 'T3');
    assert.ok(pieces.length >= 1);
    for (const t of pieces) {
      const c = tableConfidence(t, specOf(t, FORMATS['2021'])!, m.tables);
      assert.equal(c.fixes, false);
      assert.ok(c.reasons.length > 0);
    }
    assert.deepEqual(analyze(text).findings.filter((f) => /^GR10[1-4]$/.test(f.code) && f.fixes?.some((x) => x.safe)).map((f) => f.message), []);
  });
});

describe('tableConfidence on the clean real report', () => {
  it('huaian 表三 and 表四 are trusted', () => {
    assert.deepEqual(confidenceOf(huaian, 'T3'), { computed: true, arithmetic: true, fixes: true, reasons: [] });
    assert.deepEqual(confidenceOf(huaian, 'T4'), { computed: true, arithmetic: true, fixes: true, reasons: [] });
  });
});
