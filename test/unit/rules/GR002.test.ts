// GR002: sections out of the standard order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEADINGS, codes, lineOf, none, one, reportText } from './scenario';

describe('GR002 section order', () => {
  it('fires on 五 written after 六, on 五’s heading', () => {
    // 六 and 五 swap headings (their prose stays put): 五 now comes last.
    const headings = [...HEADINGS];
    headings[4] = HEADINGS[5]!;
    headings[5] = HEADINGS[4]!;
    const text = reportText({ headings, prose: [[], [], [], [], ['本年度未收取信息处理费。'], ['无。']] });
    const f = one(text, 'GR002');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '五、存在的主要问题及改进情况'));
    assert.equal(f.text, '五、存在的主要问题及改进情况');
    assert.match(f.message, /“五、存在的主要问题及改进情况”的顺序不对：应在“六、其他需要报告的事项”之前/);
  });

  it('does not fire on the standard order, nor on a report that just lacks a part', () => {
    none(reportText(), 'GR002');
    none(reportText({ headings: HEADINGS.map((h, i) => (i === 3 ? '' : h)) }), 'GR002');
  });

  it('part 二 (with its tables) moved after 三: one GR002 on 二’s heading and nothing else', () => {
    const t = reportText();
    const a = t.indexOf('二、主动');
    const b = t.indexOf('三、收到');
    const c = t.indexOf('四、政府');
    const text = t.slice(0, a) + t.slice(b, c) + t.slice(a, b) + t.slice(c);
    const f = one(text, 'GR002');
    assert.equal(f.text, '二、主动公开政府信息情况');
    assert.equal(f.line, lineOf(text, '二、主动公开政府信息情况'));
    assert.match(f.message, /应在“三、收到和处理政府信息公开申请情况”之前/);
    assert.deepEqual(codes(text), ['GR002']);
  });
});
