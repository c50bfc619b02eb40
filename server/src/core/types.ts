/**
 * Types shared by every layer of the core and by its consumers (server, CLI, tests): what the
 * checker reports (Finding, Fix, TextEdit, Related), how it is configured (Severity, Locale,
 * RuleOptions) and the other reports it may compare with (PeerReport). Rule-only types (Rule,
 * RuleContext, Report) live in rules/types.ts.
 */
import type { ReportModel } from './model/types';
import type { Span } from './text/source';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Locale = 'zh-cn' | 'en';

/** A replacement of `span` (UTF-16 offsets in the analysed text) by `newText`. */
export interface TextEdit { span: Span; newText: string }

/**
 * A fix is one or more edits applied together (a total and the cell it depends on, say).
 * `safe` fixes are applied by source.fixAll and `govreport fix`; the others only on request.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  safe: boolean;
  preferred?: boolean;
  /** LSP code action kind; quickfix unless said otherwise. */
  kind?: 'quickfix' | 'refactor.rewrite';
}

/** Related information; `uri` set when it lies in another document (GR3xx: last year's report). */
export interface Related { span: Span; message: string; uri?: string }

export interface Finding {
  code: string;
  severity: Severity;
  span: Span;
  message: string;
  related?: Related[];
  fixes?: Fix[];
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface PeerReport { uri: string; model: ReportModel }

export interface RuleOptions {
  /** Deadline (month, day) in year Y+1 for a 部门 report and for a 人民政府's own report (GR202). */
  deadlines?: { department?: [number, number]; government?: [number, number] };
  /** Whether the body is a 部门 or a 人民政府 when the title does not tell. */
  bodyKind?: 'department' | 'government';
}
