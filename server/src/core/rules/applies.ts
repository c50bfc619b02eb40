/** Which rules run on a report: legacy reports (≤ 2018) skip the rules of the 2019 format. */
import type { ReportModel } from '../model/types';
import type { RuleMeta } from './types';

export function ruleApplies(rule: RuleMeta, model: ReportModel): boolean {
  if (model.version !== 'legacy') return true;
  return rule.legacy ?? (rule.category === 'text' || rule.category === 'across');
}
