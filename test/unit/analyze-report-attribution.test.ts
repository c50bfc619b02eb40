// The rules of one analysis share one context (analyze.ts): each finding must still carry the code
// and severity of the rule that reported it, a configured severity applies to its own rule only,
// and a rule that throws loses its own reports, not the others'.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeModel, analyzeSteps, type Analysis, type AnalyzeOptions } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/report';
import type { Rule, RuleContext } from '../../server/src/core/rules/types';
import type { Severity } from '../../server/src/core/types';
import { sample } from './helpers';

function rule(code: string, severity: Severity, check: (ctx: RuleContext) => void): Rule {
  return { code, name: 'probe', severity, category: 'text', fixable: false, description: { 'zh-cn': '探针', en: 'probe' }, check };
}

const RULES: Rule[] = [
  rule('GR001', 'error', (ctx) => { ctx.report({ span: { start: 0, end: 1 } }); ctx.report({ span: { start: 2, end: 3 } }); }),
  rule('GR002', 'warning', (ctx) => { ctx.report({ span: { start: 4, end: 5 } }); throw new Error('boom'); }),
  rule('GR003', 'warning', (ctx) => { ctx.report({ span: { start: 6, end: 7 }, severity: 'information' }); ctx.report({ span: { start: 8, end: 9 } }); }),
  rule('GR004', 'hint', () => {}),
  rule('GR005', 'information', (ctx) => ctx.report({ span: { start: 10, end: 11 } })),
];

const brief = (a: Analysis) => a.findings.map((f) => `${f.code}:${f.severity}@${f.span.start}`);

function stepped(options: AnalyzeOptions): Analysis {
  const steps = analyzeSteps(parseReport(sample('huaian')), options, RULES);
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}

describe('analysis: findings attributed to the rule that reported them', () => {
  const options: AnalyzeOptions = { severities: { GR001: 'hint', GR005: 'off' }, suppressions: false };
  const expected = ['GR000:warning@0', 'GR001:hint@0', 'GR001:hint@2', 'GR003:information@6', 'GR003:warning@8'];

  it('analyzeModel: codes, configured and reported severities, a throwing rule replaced by GR000', () => {
    assert.deepEqual(brief(analyzeModel(parseReport(sample('huaian')), options, RULES)), expected);
  });

  it('analyzeSteps gives the same', () => {
    assert.deepEqual(brief(stepped(options)), expected);
  });

  it('without overrides every finding has its rule\'s default severity', () => {
    const a = analyzeModel(parseReport(sample('huaian')), { suppressions: false }, RULES);
    assert.deepEqual(brief(a), ['GR000:warning@0', 'GR001:error@0', 'GR001:error@2', 'GR003:information@6', 'GR003:warning@8', 'GR005:information@10']);
  });
});
