// GR109: a row has more or fewer value cells than its table (a tab lost or added in pasting).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, defaultT3, lineOf, none, one, replaceOnce, reportText, withCells } from './scenario';

const tsvRow = (text: string, needle: string) => text.split('\n').find((l) => l.includes(needle))!;

describe('GR109 cell count', () => {
  it('fires on a tab-separated 表三 row with 6 cells instead of 7, on its label', () => {
    const base = reportText({ shape: 'tsv' });
    const row = tsvRow(base, '1.属于国家秘密');
    const text = replaceOnce(base, row, row.replace(/\t0$/, ''));
    const f = one(text, 'GR109');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '1.属于国家秘密'));
    assert.equal(f.text, '1.属于国家秘密');
    assert.match(f.message, /“1\.属于国家秘密”行只有 6 个数值单元格，应为 7 个/);
  });

  it('a row with one cell too many says so', () => {
    const base = reportText({ shape: 'tsv' });
    const row = tsvRow(base, '1.属于国家秘密');
    const text = replaceOnce(base, row, `${row}\t0`);
    assert.match(one(text, 'GR109').message, /“1\.属于国家秘密”行有 8 个数值单元格，多于应有的 7 个/);
  });

  it('does not fire on complete rows (Markdown or tab-separated)', () => {
    none(reportText(), 'GR109');
    none(reportText({ shape: 'tsv' }), 'GR109');
  });

  it('a space-aligned (PDF text) row whose cell reads “无” still has 7 cells: GR105 for 无, no GR109', () => {
    const text = reportText({ shape: 'spaceAligned', t3: withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '无' }) });
    none(text, 'GR109');
    assert.equal(one(text, 'GR105').text, '无');
  });

  it('the same row with “—” in place of 无 is read with 7 cells', () => {
    const text = reportText({ shape: 'spaceAligned', t3: withCells(defaultT3(), { [cell('withheld.stateSecret', 'natural')]: '—' }) });
    none(text, 'GR109');
    assert.equal(one(text, 'GR105').text, '—');
  });
});
