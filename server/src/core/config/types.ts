/** The contents of a `.govreport.jsonc` file once validated. */
import type { Severity } from '../types';
import type { Span } from '../text/source';

export interface GovReportConfig {
  rules?: Record<string, Severity | 'off'>;
  deadlines?: { department?: [number, number]; government?: [number, number] };
  bodyKind?: 'auto' | 'department' | 'government';
  /** Report year override (when the title does not say it, or says it wrongly). */
  year?: number;
  /** Format version override: the tables are checked against this version. */
  version?: '2019' | '2021';
  /** gitignore-style patterns, relative to the config file's folder. */
  ignore?: string[];
}

/** A problem in the config file, at a span of its text (UTF-16 offsets). */
export interface ConfigError { message: string; span: Span }

export const CONFIG_KEYS = ['$schema', 'rules', 'deadlines', 'bodyKind', 'year', 'version', 'ignore'] as const;
export const SEVERITY_WORDS = ['error', 'warning', 'information', 'hint', 'off'] as const;
