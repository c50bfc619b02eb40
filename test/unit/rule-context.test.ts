// The rule context offers facts, dates and tables computed on first use and shared by every rule
// of one analysis; a rule list that never reads them leaves them uncomputed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeModel } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/report';
import { inferBodyKind } from '../../server/src/core/prose/bodyKind';
import { findMalformedDates, findPeriod, findSignatureDate } from '../../server/src/core/prose/dates';
import { extractFacts } from '../../server/src/core/prose/facts';
import type { Rule, RuleContext } from '../../server/src/core/rules/types';
import { readConfidently } from '../../server/src/core/tables/confidence';
import { sample } from './helpers';

function probe(code: string, seen: RuleContext[]): Rule {
  return {
    code, name: 'probe', severity: 'hint', category: 'text', fixable: false,
    description: { 'zh-cn': '探针', en: 'probe' },
    check(ctx) { seen.push(ctx); },
  };
}

describe('rule context: lazy facts, dates, tables', () => {
  it('every rule of one analysis sees the same objects, equal to what the extractors find', () => {
    const model = parseReport(sample('huaian'));
    const seen: RuleContext[] = [];
    analyzeModel(model, {}, [probe('GR990', seen), probe('GR991', seen)]);
    const [a, b] = seen as [RuleContext, RuleContext];
    assert.equal(a.facts, b.facts);
    assert.equal(a.dates, b.dates);
    assert.equal(a.tables, b.tables);
    assert.deepEqual(a.facts, extractFacts(model));
    assert.ok(a.facts.counts.length > 0);
    assert.deepEqual(a.dates.period, findPeriod(model));
    assert.deepEqual(a.dates.signature, findSignatureDate(model));
    assert.deepEqual(a.dates.malformed, findMalformedDates(model));
    assert.deepEqual(a.tables.map((c) => c.table), model.tables.filter((t) => t.key && readConfidently(t)));
    assert.deepEqual(a.tables.map((c) => c.spec.key), ['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T3', 'T4']);
  });

  it('the body kind is found once per analysis, as inferBodyKind finds it with the analysis\'s rule options', () => {
    const model = parseReport(sample('huaian'));
    const seen: RuleContext[] = [];
    analyzeModel(model, {}, [probe('GR990', seen), probe('GR991', seen)]);
    analyzeModel(model, { ruleOptions: { bodyKind: 'department' } }, [probe('GR990', seen)]);
    const [a, b, c] = seen as [RuleContext, RuleContext, RuleContext];
    assert.equal(a.bodyKind, b.bodyKind);
    assert.deepEqual(a.bodyKind, inferBodyKind(model));
    assert.notEqual(c.bodyKind, a.bodyKind);
    assert.deepEqual(c.bodyKind, inferBodyKind(model, { bodyKind: 'department' }));
  });

  it('a new analysis gets new facts (no state leaks between analyses)', () => {
    const seen: RuleContext[] = [];
    analyzeModel(parseReport(sample('huaian')), {}, [probe('GR990', seen)]);
    analyzeModel(parseReport(sample('000')), {}, [probe('GR990', seen)]);
    assert.notEqual(seen[0]!.facts, seen[1]!.facts);
    assert.notEqual(seen[0]!.dates, seen[1]!.dates);
  });
});
