// GR000: the check could not be completed. Here: a line too long to be checked (pasted binary/data).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeModel } from '../../../server/src/core/analyze';
import { findings, lineOf, none, one, replaceOnce, reportText } from './scenario';

type Rules = NonNullable<Parameters<typeof analyzeModel>[2]>;
type TestRule = Rules[number];

const pasted = (n: number) => 'A'.repeat(n);

describe('GR000 line too long to check', () => {
  it('fires once (information) on a pasted 20 001-character line, naming its line number', () => {
    const text = replaceOnce(reportText(), '本局通过门户网站', `${pasted(20001)}\n\n本局通过门户网站`);
    const f = one(text, 'GR000');
    const line = lineOf(text, 'AAAA');
    assert.equal(f.line, line);
    assert.equal(f.text, ''); // an empty range at the start of the skipped line
    assert.equal(f.severity, 'information');
    assert.match(f.message, /1 行内容过长/);
    assert.match(f.message, new RegExp(`第${line}行`));
    assert.match(f.message, /最长 20001 个字符/);
    assert.match(f.message, /未作检查/);
  });

  it('lists two long lines in one finding', () => {
    const text = replaceOnce(reportText(), '本局通过门户网站', `${pasted(25000)}\n${pasted(20500)}\n本局通过门户网站`);
    const f = one(text, 'GR000');
    assert.match(f.message, /^2 行内容过长/);
    assert.match(f.message, /最长 25000 个字符/);
  });

  it('does not fire on a line of exactly 20 000 characters', () => {
    none(replaceOnce(reportText(), '本局通过门户网站', `${pasted(20000)}\n\n本局通过门户网站`), 'GR000');
  });

  it('does not fire on a normal report, and is silenced by config "off"', () => {
    none(reportText(), 'GR000');
    const text = replaceOnce(reportText(), '本局通过门户网站', `${pasted(20001)}\n\n本局通过门户网站`);
    assert.equal(findings(text, 'GR000', { severities: { GR000: 'off' } }).length, 0);
  });

  it('the rest of the report is still checked: a year mismatch after the long line is reported', () => {
    let text = replaceOnce(reportText(), '本局通过门户网站', `${pasted(20001)}\n\n本局通过门户网站`);
    text = replaceOnce(text, '统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');
    assert.ok(findings(text, 'GR201').length > 0);
  });
});

describe('GR000 a rule that throws', () => {
  const base: Omit<TestRule, 'code' | 'name' | 'check'> = {
    severity: 'warning', category: 'text', fixable: false,
    description: { 'zh-cn': '测试规则', en: 'test rule' },
  };
  // One rule reports once and then throws; another reports normally.
  const broken: TestRule = { ...base, code: 'GR990', name: 'broken', check(ctx) { ctx.report({ span: { start: 0, end: 2 }, key: 'GR006', args: { text: 'x' } }); throw new Error('boom'); } };
  const fine: TestRule = { ...base, code: 'GR991', name: 'fine', check(ctx) { ctx.report({ span: { start: 0, end: 2 }, key: 'GR006', args: { text: 'y' } }); } };

  it('one GR000 naming the rule replaces its partial results; the other rule still reports; the error is passed on', () => {
    const errors: string[] = [];
    const a = analyzeModel(analyze(reportText()).model, { onInternalError: (code) => errors.push(code) }, [broken, fine]);
    assert.deepEqual(a.findings.map((f) => f.code).sort(), ['GR000', 'GR991']);
    const f = a.findings.find((x) => x.code === 'GR000')!;
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.span, { start: 0, end: 0 });
    assert.match(f.message, /^内部错误：规则 GR990（测试规则）未能完成检查，其结果未列出；其他规则的检查不受影响$/);
    assert.deepEqual(errors, ['GR990']);
  });

  it('no GR000 when no rule throws, and none when GR000 is configured off', () => {
    assert.deepEqual(analyzeModel(analyze(reportText()).model, {}, [fine]).findings.map((f) => f.code), ['GR991']);
    assert.deepEqual(analyzeModel(analyze(reportText()).model, { severities: { GR000: 'off' } }, [broken, fine]).findings.map((f) => f.code), ['GR991']);
  });
});
