/**
 * analyze() for a document that changes by edits: the model comes from the incremental parser,
 * the rules run as in analyzeModel, the table rules' reports reused when the edit left the tables
 * alone (ruleCache.ts). `analyze(text, options)` of the same text is the reference and
 * gives the same result (test/unit/incremental.test.ts).
 */
import { analyzeSteps, type Analysis, type AnalyzeOptions } from '../analyze';
import { parseReportSafely } from '../isolation';
import type { ReportModel } from '../model/types';
import { provideFacts } from '../prose/facts';
import { FactsCache } from './factsCache';
import { IncrementalParser } from './parser';
import { RuleCache } from './ruleCache';
import { RULES } from '../rules/registry';

export class IncrementalDocument {
  readonly parser = new IncrementalParser();
  /** The prose facts of the models made here (getFacts asks it), sentence by sentence. */
  readonly facts = new FactsCache();
  /** The table rules' reports of the last finished run. */
  readonly rules = new RuleCache((t) => this.parser.movedFrom.get(t));

  /** parseReportSafely(text), reusing what the previous version's parse read. */
  model(text: string, onError?: (err: unknown) => void): ReportModel {
    try {
      const model = this.parser.parse(text);
      provideFacts(model, (m) => this.facts.extract(m));
      return model;
    } catch {
      this.facts.clear();
      this.rules.clear();
      // The full parse decides (it throws the same way or not) and makes the GR000 fallback model.
      this.parser.reset();
      return parseReportSafely(text, onError);
    }
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const steps = this.steps(this.model(text, (err) => options.onInternalError?.('parse', err)), options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /** analyzeSteps(model, options) for a model of this document, reusing the rule results that still hold. */
  *steps(model: ReportModel, options: AnalyzeOptions = {}): Generator<void, Analysis, void> {
    const plan = this.rules.plan(model, options, RULES);
    const a = yield* analyzeSteps(model, options, plan.rules);
    if (!a.cancelled) plan.commit();
    return a;
  }
}
