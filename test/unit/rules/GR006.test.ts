// GR006: template placeholders left in the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, lineOf, none, one, replaceOnce, reportText } from './scenario';

describe('GR006 template placeholder', () => {
  it('fires on “（文字描述）” left under 六', () => {
    const text = replaceOnce(reportText(), '本年度未收取信息处理费。', '本年度未收取信息处理费。（文字描述）');
    const f = one(text, 'GR006');
    assert.equal(f.line, lineOf(text, '（文字描述）'));
    assert.equal(f.text, '（文字描述）');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /模板占位符“（文字描述）”尚未替换为实际内容/);
  });

  it('fires on XX and 某某 in a draft sentence, each with its own range', () => {
    const text = replaceOnce(reportText(), '本局通过门户网站', '全年共公开XX条信息，由某某同志负责。本局通过门户网站');
    assert.deepEqual(findings(text, 'GR006').map((f) => f.text), ['XX', '某某']);
  });

  it('astral characters before it (𠮷, 𩸽: two UTF-16 units each) do not shift the range', () => {
    const text = replaceOnce(reportText(), '本局通过门户网站', '𠮷𠮷镇𩸽村公开XX条。本局通过门户网站');
    assert.equal(one(text, 'GR006').text, 'XX');
  });

  it('fires on ×× and ＸＸ (full width), and on xx in a report that holds no other x', () => {
    const text = replaceOnce(reportText(), '本局通过门户网站', '全年受理××件，办结ＸＸ件，xx件转办。本局通过门户网站');
    assert.deepEqual(findings(text, 'GR006').map((f) => f.text), ['××', 'ＸＸ', 'xx']);
  });

  it('does not fire on 某县 (a real name), on XXL inside a word, or on a single ×', () => {
    none(reportText(), 'GR006');
    none(replaceOnce(reportText(), '本局通过门户网站', '采购XXL号服装，面积3×4米。本局通过门户网站'), 'GR006');
  });
});
