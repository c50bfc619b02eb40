// GR014: the body is run together on one line; the safe fix only inserts line breaks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findings, fixAll, none, one, reportText } from './scenario';

const LONG = '本局坚持以公开为常态、不公开为例外，围绕群众关切，持续深化政务公开，不断提升政府信息公开工作的质量和实效。';

/** A report copied from a web page: everything but the signature on one line. */
function collapsed(eol: '\n' | '\r\n' = '\n') {
  const lines = reportText({ t2: new Map(), t3: null, t4: null, prose: [[LONG + LONG], [LONG + LONG], [LONG], [LONG], [LONG], ['本年度未收取信息处理费。']] })
    .split('\n').filter(Boolean);
  return lines.slice(0, -2).join('') + eol + lines.slice(-2).join(eol) + eol;
}

describe('GR014 collapsed body', () => {
  it('fires once on the first inline heading, counting the six headings', () => {
    const text = collapsed();
    const f = one(text, 'GR014');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, 1);
    assert.equal(f.text, '一、总体情况');
    assert.match(f.message, /正文未分行：6个标题与正文连在同一行/);
  });

  it('the safe fix inserts line breaks only: no character removed; afterwards the headings stand on lines of their own', () => {
    const text = collapsed();
    const fix = one(text, 'GR014').finding.fixes![0]!;
    assert.equal(fix.safe, true);
    assert.ok(fix.edits.every((e) => e.span.start === e.span.end && e.newText === '\n'));
    const fixed = applyFix(text, fix);
    assert.equal(fixed.replace(/\n/g, ''), text.replace(/\n/g, ''));
    none(fixed, 'GR014');
    const lines = fixed.split('\n');
    for (const h of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) assert.ok(lines.includes(h), h);
    assert.equal(fixAll(text).text.includes('\n一、总体情况\n'), true);
  });

  it('with CRLF the inserted breaks are CRLF', () => {
    const text = collapsed('\r\n');
    const fixed = applyFix(text, one(text, 'GR014').finding.fixes![0]!);
    assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF was inserted');
    none(fixed, 'GR014');
  });

  it('does not fire on a report with line breaks, nor on a long paragraph that names one part inline', () => {
    none(reportText(), 'GR014');
    const text = reportText({ prose: [[`${LONG}${LONG}${LONG}关于二、主动公开政府信息情况，详见下表。${LONG}${LONG}`], [], [], [], [], ['本年度未收取信息处理费。']] });
    assert.equal(findings(text, 'GR014').length, 0);
  });
});
