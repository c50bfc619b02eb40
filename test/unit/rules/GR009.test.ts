// GR009: a suppression comment that suppresses nothing (or names an unknown code); fix removes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findings, fixAll, lineOf, none, one, replaceOnce, reportText } from './scenario';

const DRAFT = '全年共公开XX条信息。';
const withDirective = (directive: string, next: string) =>
  replaceOnce(reportText(), '本局通过门户网站', `${directive}\n${next}\n\n本局通过门户网站`);

describe('GR009 unused suppression', () => {
  it('a used suppression is silent: it hides the GR006 of the next line and is not itself reported', () => {
    const text = withDirective('<!-- govreport-disable-next-line GR006 -->', DRAFT);
    none(text, 'GR006');
    none(text, 'GR009');
  });

  it('fires (hint) when the next line has nothing to suppress; the fix removes the comment line', () => {
    const directive = '<!-- govreport-disable-next-line GR006 -->';
    const text = withDirective(directive, '全年共公开信息126条。');
    const f = one(text, 'GR009');
    assert.equal(f.severity, 'hint');
    assert.equal(f.line, lineOf(text, directive));
    assert.equal(f.text, directive);
    assert.match(f.message, /未使用的忽略注释：GR006没有可忽略的问题/);
    const fix = f.finding.fixes![0]!;
    assert.equal(fix.safe, false);
    const fixed = applyFix(text, fix);
    assert.equal(fixed, replaceOnce(reportText(), '本局通过门户网站', '全年共公开信息126条。\n\n本局通过门户网站'));
    none(fixed, 'GR009');
    // not part of fix-all
    assert.equal(fixAll(text).text, text);
  });

  it('the plain-text bracket form works the same', () => {
    const text = withDirective('【govreport-disable-next-line GR006】', '全年共公开信息126条。');
    assert.equal(one(text, 'GR009').text, '【govreport-disable-next-line GR006】');
    none(withDirective('【govreport-disable-next-line GR006】', DRAFT), 'GR009');
  });

  it('an unknown rule code is named', () => {
    const text = withDirective('<!-- govreport-disable-next-line GR999 -->', DRAFT);
    const all = findings(text, 'GR009');
    assert.ok(all.some((f) => /规则代码“GR999”不存在/.test(f.message)), all.map((f) => f.message).join(' | '));
  });

  it('config "off" silences it', () => {
    const text = withDirective('<!-- govreport-disable-next-line GR006 -->', '全年共公开信息126条。');
    assert.equal(findings(text, 'GR009', { severities: { GR009: 'off' } }).length, 0);
  });

  it('with suppressions turned off the comment is ignored: GR006 is reported, no GR009', () => {
    const text = withDirective('<!-- govreport-disable-next-line GR006 -->', DRAFT);
    assert.equal(findings(text, 'GR006', { suppressions: false }).length, 1);
    none(text, 'GR009', { suppressions: false });
  });
});
