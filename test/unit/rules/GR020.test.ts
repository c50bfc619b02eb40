// GR020: a table in the other version's layout than the report year requires; fix migrates it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, defaultT2, findings, lineOf, none, one, renderTable, replaceOnce, reportText } from './scenario';

/** A 2022 report whose 第二十条第（六）项 table was copied from a 2020 report (2019 headers). */
function staleT26() {
  const base = reportText({ year: 2022 });
  return replaceOnce(base, renderTable('2021', 'T2.6', defaultT2('2021').get('T2.6')!), renderTable('2019', 'T2.6', defaultT2('2019').get('T2.6')!));
}

describe('GR020 table version', () => {
  it('fires on the 2019-layout table of a 2022 report, at its header row', () => {
    const text = staleT26();
    const f = one(text, 'GR020');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '| 信息内容 | 上一年项目数量'));
    assert.ok(f.text.startsWith('| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |'));
    assert.match(f.message, /使用的是2019版格式，但2022年度报告应使用2021版格式/);
    assert.match(f.message, /行政处罚/);
  });

  it('the fix (not safe) rewrites it in the 2021 layout keeping 处理决定数量 35 and 2; then GR020 is gone', () => {
    const text = staleT26();
    const fix = one(text, 'GR020').finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    none(fixed, 'GR020');
    assert.ok(fixed.includes('本年处理决定数量'));
    assert.ok(!fixed.includes('上一年项目数量'));
    assert.match(fixed, /\| 行政处罚 \|\s+35 \|/);
    assert.match(fixed, /\| 行政强制 \|\s+2 \|/);
    // the text around the table is untouched
    assert.ok(fixed.startsWith(text.slice(0, text.indexOf('第二十条第（六）项'))));
    assert.ok(fixed.endsWith(text.slice(text.indexOf('第二十条第（八）项'))));
  });

  it('each fix keeps its shape (edits an own enumerable getter) and every fix shares one getter, not a closure per fix', () => {
    // A getter literal per fix kept each analysis's model alive through the next scavenges (see migrationFix).
    const fixes = findings(staleT26(), 'GR020', { year: 2020 }).map((f) => f.finding.fixes![0]!);
    assert.ok(fixes.length >= 2);
    assert.deepEqual(Object.keys(fixes[0]!), ['title', 'edits', 'safe', 'preferred', 'kind']);
    const getters = fixes.map((f) => Object.getOwnPropertyDescriptor(f, 'edits'));
    assert.ok(getters.every((d) => d?.enumerable && d.configurable && d.get === getters[0]!.get));
    assert.equal(fixes[0]!.edits, fixes[0]!.edits, 'computed once');
  });

  it('the config year decides which version is expected: as a 2020 report, the 2019 table is right and the 2021 ones are not', () => {
    const text = staleT26();
    const as2020 = findings(text, 'GR020', { year: 2020 });
    assert.ok(as2020.length >= 3);
    assert.ok(as2020.every((f) => /使用的是2021版格式，但2020年度报告应使用2019版格式/.test(f.message)));
    assert.ok(!as2020.some((f) => f.message.includes('行政处罚')));
  });

  it('does not fire on a 2022 report in the 2021 layout, nor on a 2020 report in the 2019 layout', () => {
    none(reportText({ year: 2022 }), 'GR020');
    none(reportText({ version: '2019', year: 2020 }), 'GR020');
  });
});
