/** Layers a `.govreport.jsonc` over the editor / CLI options: the file wins for its folder. */
import type { AnalyzeOptions } from '../analyze';
import type { GovReportConfig } from './types';

export function mergeConfig(base: AnalyzeOptions, config: GovReportConfig | undefined): AnalyzeOptions {
  if (!config) return base;
  const out: AnalyzeOptions = { ...base, severities: { ...base.severities, ...config.rules }, ruleOptions: { ...base.ruleOptions } };
  if (config.deadlines) out.ruleOptions!.deadlines = { ...base.ruleOptions?.deadlines, ...config.deadlines };
  if (config.bodyKind === 'auto') delete out.ruleOptions!.bodyKind;
  else if (config.bodyKind) out.ruleOptions!.bodyKind = config.bodyKind;
  if (config.year !== undefined) out.year = config.year;
  if (config.version !== undefined) out.version = config.version;
  return out;
}
