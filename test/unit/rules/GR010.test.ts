// GR010: section 二/三/四 holds no table; the fix inserts the version's blank template.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findings, lineOf, none, one, reportText } from './scenario';

describe('GR010 missing table', () => {
  it('fires on 四 written as prose only, on its heading', () => {
    const text = reportText({ t4: null });
    const f = one(text, 'GR010');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '四、政府信息公开行政复议、行政诉讼情况'));
    assert.equal(f.text, '四、政府信息公开行政复议、行政诉讼情况');
    assert.match(f.message, /“四、政府信息公开行政复议、行政诉讼情况”缺少统计表（应有：/);
  });

  it('the fix inserts the 2021 表四 template under the heading and keeps the prose; GR010 is gone, GR011 asks for figures', () => {
    const text = reportText({ t4: null });
    const fix = one(text, 'GR010').finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    none(fixed, 'GR010');
    assert.ok(fixed.includes('本年度政府信息公开行政复议、行政诉讼情况如下。'));
    assert.ok(fixed.includes('结果维持'));
    assert.equal(fixed.length > text.length, true);
    // only inserted: every original line is still there, in order
    let at = 0;
    for (const l of text.split('\n').filter(Boolean)) { at = fixed.indexOf(l, at); assert.ok(at >= 0, l); }
    assert.equal(findings(fixed, 'GR011').length, 1);
  });

  it('a 2019 report missing 二’s tables gets the 2019 template (2019 headers)', () => {
    const text = reportText({ version: '2019', t2: new Map() });
    const f = one(text, 'GR010');
    assert.match(f.message, /“二、主动公开政府信息情况”缺少统计表/);
    const fixed = applyFix(text, f.finding.fixes![0]!);
    assert.ok(fixed.includes('本年新制作数量'));
    assert.ok(!fixed.includes('本年制发件数'));
    none(fixed, 'GR010');
  });

  it('the 2019 template of 二 includes 第二十条第（九）项 政府集中采购 (FORMAT.md: 2019 also has （九）)', () => {
    const text = reportText({ version: '2019', t2: new Map() });
    const f = one(text, 'GR010');
    assert.match(f.message, /第二十条第（九）项/);
    assert.ok(applyFix(text, f.finding.fixes![0]!).includes('第二十条第（九）项'));
  });

  it('does not fire when every part has its tables, nor for 一/五/六 without tables', () => {
    none(reportText(), 'GR010');
  });
});
