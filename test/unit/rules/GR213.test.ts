// GR213: a percentage disagrees with the counts named in the same sentence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOf, none, one, proseWith, reportText } from './scenario';

const saying = (sentence: string) => reportText({ prose: proseWith(0, [sentence]) });

describe('GR213 rate', () => {
  it('办结率: “受理120件，办结100件，办结率98%” (100÷120 = 83.3%): on the percentage', () => {
    const text = saying('全年受理群众来信120件，办结100件，办结率98%。');
    const f = one(text, 'GR213');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '办结率98%'));
    assert.equal(f.text, '98'); // the figure of the percentage
    assert.match(f.message, /^办结率98%与所列数字不符：100件÷120件＝83\.3%：/);
    assert.deepEqual(f.finding.related!.map((r) => text.slice(r.span.start, r.span.end)), ['100', '120']);
  });

  it('占比: “共200条，其中政策解读50条，占比40%” (25%)', () => {
    const f = one(saying('全年共发布政务信息200条，其中政策解读50条，占比40%。'), 'GR213');
    assert.match(f.message, /占比40%与所列数字不符：50条÷200条＝25(\.0)?%/);
  });

  it('written precision allows rounding, truncation or rounding up: 100÷120 = 83.3… fits 83% and 84%', () => {
    none(saying('全年受理群众来信120件，办结100件，办结率83%。'), 'GR213');
    none(saying('全年受理群众来信120件，办结100件，办结率84%。'), 'GR213');
    none(saying('全年受理群众来信120件，办结100件，办结率83.3%。'), 'GR213');
    one(saying('全年受理群众来信120件，办结100件，办结率85%。'), 'GR213');
  });

  it('“答复” is not “办结”: not checked', () => {
    none(saying('全年收到信件584件，答复580件，办结率达96%。'), 'GR213');
  });

  it('办结率100% with more completed than received (15 of 14 new + 1 carried over) is not wrong', () => {
    none(saying('2024年共收到依申请公开14件，办结15件，办结率100%。'), 'GR213');
  });
});
