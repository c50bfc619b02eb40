// GR011: every value cell of a table is empty; fill with 0 (safe on a table read with confidence).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, defaultT4, findings, fixAll, lineOf, none, one, reportText, withCells, cell } from './scenario';

const blank = (f: Map<string, string>) => new Map([...f].map(([k]) => [k, '']));

describe('GR011 blank table', () => {
  it('fires once on a 表四 with all fifteen cells empty, at its header row, and no GR107 besides', () => {
    const text = reportText({ t4: blank(defaultT4()) });
    const f = one(text, 'GR011');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '| 类别 '));
    assert.ok(f.text.startsWith('| 类别'));
    assert.match(f.message, /表四的数值单元格全部为空；模板要求每格都填写（没有发生的填 0）/);
    none(text, 'GR107');
  });

  it('the safe fix fills the fifteen cells with 0 and nothing else; fix-all does the same; the finding is gone', () => {
    const text = reportText({ t4: blank(defaultT4()) });
    const fix = one(text, 'GR011').finding.fixes![0]!;
    assert.equal(fix.safe, true);
    assert.equal(fix.edits.length, 15);
    const fixed = applyFix(text, fix);
    none(fixed, 'GR011');
    none(fixed, 'GR104');
    const zeros = reportText({ t4: new Map([...defaultT4()].map(([k]) => [k, '0'])) });
    // same figures as a table typed with zeros (the padding may differ)
    const rows = (t: string) => t.split('\n').filter((l) => l.startsWith('| 行政')).map((l) => l.replace(/\s+/g, ''));
    assert.deepEqual(rows(fixed), rows(zeros));
    assert.equal(fixAll(text).text, fixed);
  });

  it('does not fire when a single cell is filled (then GR107 lists the blanks instead)', () => {
    const text = reportText({ t4: withCells(blank(defaultT4()), { [cell('data', 'review.upheld')]: '0' }) });
    none(text, 'GR011');
    assert.equal(findings(text, 'GR107').length, 1);
  });
});
