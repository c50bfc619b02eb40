// GR013: a row (or column) the version requires is missing; Markdown tables get a row-insert fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findings, fixAll, lineOf, none, one, replaceOnce, reportText } from './scenario';

const dropLine = (text: string, needle: string) => {
  const line = text.split('\n').find((l) => l.includes(needle))!;
  return replaceOnce(text, `${line}\n`, '');
};

describe('GR013 missing row', () => {
  it('fires on 表三 without “5.属于三类内部事务信息”, at the header row, naming the row', () => {
    const text = dropLine(reportText(), '5.属于三类内部事务信息');
    const f = one(text, 'GR013');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '| （本列数据的勾稽关系'));
    assert.ok(f.text.startsWith('| （本列数据的勾稽关系'));
    assert.match(f.message, /^表三缺少1行：“（三）5\.属于三类内部事务信息”$/);
  });

  it('the fix (not safe) inserts the row with the standard label, blank cells, in its place', () => {
    const text = dropLine(reportText(), '5.属于三类内部事务信息');
    const fix = one(text, 'GR013').finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    none(fixed, 'GR013');
    const lines = fixed.split('\n');
    const at = lines.findIndex((l) => l.includes('5.属于三类内部事务信息'));
    assert.ok(at > 0);
    assert.ok(lines[at - 1]!.includes('4.保护第三方合法权益'));
    assert.ok(lines[at + 1]!.includes('6.属于四类过程性信息'));
    assert.equal(lines[at]!.split('|').length, 10); // label + 7 cells
    assert.equal(findings(fixed, 'GR107').length, 1); // the new blanks are hinted, not filled
    assert.equal(fixAll(text).text, text);
  });

  it('表四 with headers but no data row: “只有表头”', () => {
    const base = reportText();
    let text = base;
    for (const l of base.split('\n').filter((x) => x.startsWith('| 行政复议 ') || x.startsWith('| 行政诉讼·'))) text = replaceOnce(text, `${l}\n`, '');
    const all = findings(text, 'GR013');
    assert.ok(all.some((f) => /表四只有表头，缺少填写数字的数据行/.test(f.message)), all.map((f) => f.message).join(' | '));
  });

  it('a 表三 without the “其他” column: “缺少1列”', () => {
    const base = reportText();
    const from = base.indexOf('三、收到'); const to = base.indexOf('四、政府');
    // drop the second-to-last cell (其他) of every 表三 line
    const text = base.slice(0, from) + base.slice(from, to).split('\n').map((l) => (l.startsWith('| ') ? l.replace(/\|[^|]*\|([^|]*\|)$/, '|$1') : l)).join('\n') + base.slice(to);
    assert.ok(!text.slice(from, to).includes('| 其他 |'));
    const f = one(text, 'GR013');
    assert.equal(f.line, lineOf(text, '| （本列数据的勾稽关系'));
    assert.match(f.message, /^表三缺少1列：“其他”$/);
  });

  it('lists at most five rows, then 等共 N 项', () => {
    let text = reportText();
    for (const n of ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷']) text = dropLine(text, n);
    assert.match(one(text, 'GR013').message, /^表三缺少6行：.*等共 6 项$/);
  });

  it('does not fire on a complete table, nor when a row is written under a known old name (GR108)', () => {
    none(reportText(), 'GR013');
    const old = replaceOnce(reportText(), '| 　　2.其他法律行政法规禁止公开   |', '| 　　2.其他法律法规禁止公开   |');
    none(old, 'GR013');
  });
});
