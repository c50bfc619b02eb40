/** Which rules run on a report: legacy reports (≤ 2018) skip the rules of the 2019 format. */
import type { ReportModel } from '../model/types';
import type { RuleMeta } from './types';

export function ruleApplies(rule: RuleMeta, model: ReportModel): boolean {
  // null (no year, no markers) asked apart: TestNull needs no type feedback, so the comparison only
  // ever meets strings (a first null there deoptimised the rule loop, analyzeModel and step).
  const version = model.version;
  if (version === null || version !== 'legacy') return true;
  return rule.legacy ?? (rule.category === 'text' || rule.category === 'across');
}
