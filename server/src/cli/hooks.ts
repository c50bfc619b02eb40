/**
 * The two places where configuration (.govreport.jsonc, .govreportignore; built elsewhere) plugs
 * into the CLI. Today both return the command-line behaviour unchanged.
 */
import type { AnalyzeOptions } from '../core/analyze';
import type { CommonOptions } from './args';

/** The analysis options of one file: command-line options, later merged with its folder's config. */
export function optionsForFile(_path: string, cli: CommonOptions): AnalyzeOptions {
  return { locale: cli.locale, severities: cli.severities };
}

/** Whether a walked path (file or folder, absolute) is ignored. Files named explicitly are not asked. */
export function isIgnored(_path: string): boolean {
  return false;
}
