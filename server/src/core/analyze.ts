/**
 * The single entry point of the pure core: text in, model and findings out. The language server,
 * the CLI, the benchmark and the tests all call this.
 */
import { translate, type MessageKey } from './messages/index';
import type { ReportModel } from './model/types';
import { parseReportSafely } from './isolation';
import { ruleApplies } from './rules/applies';
import { RuleRun, SharedFacts } from './rules/context';
import { RULES } from './rules/registry';
import type { Finding, Locale, PeerReport, RuleOptions, Severity } from './types';
import type { Rule, RuleContext } from './rules/types';
import type { FormatSpec } from './standard/types';
import { decideCheckedVersion, FORMATS, versionForYear } from './standard/versions';
import { suppress } from './suppress/run';

export interface AnalyzeOptions {
  locale?: Locale;
  /** Per-rule severity override, or 'off'. Keys are rule codes. */
  severities?: Record<string, Severity | 'off'>;
  /** Other reports of the workspace, for the GR3xx rules. */
  peers?: readonly PeerReport[];
  ruleOptions?: RuleOptions;
  /** Polled between rules; analysis stops early (returning what it has) when it says true. */
  isCancelled?: () => boolean;
  /** Told when a rule (or the parse) throws; the author sees one GR000 finding, never the error. */
  onInternalError?: (code: string, err: unknown) => void;
  /** Format version to check against, overriding the one the report's year requires (config `version`). */
  version?: '2019' | '2021';
  /** Report year, overriding the one read from the title (config `year`). */
  year?: number;
  /** Whether suppression comments are honoured (default true). */
  suppressions?: boolean;
}

export interface Analysis {
  model: ReportModel;
  findings: Finding[];
  /** True when `isCancelled` stopped the run before every rule ran. */
  cancelled: boolean;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const model = parseReportSafely(text, (err) => options.onInternalError?.('parse', err));
  return analyzeModel(model, options);
}

export function analyzeModel(model: ReportModel, options: AnalyzeOptions = {}, rules: readonly Rule[] = RULES): Analysis {
  // The same loop as analyzeSteps without a generator: resuming one after each of ~40 rules costs
  // more than the small rules themselves, and the CLI and the workspace never pause.
  const run = new AnalysisRun(model, options);
  for (const rule of rules) if (run.step(rule) === STOP) break;
  return run.finish();
}

/**
 * The same analysis, pausing after each rule: the server resumes it between slices of time so a
 * newer version can interrupt a long run, while the rules still share one context (one extraction
 * of facts, dates and tables per analysis, not one per rule).
 */
export function* analyzeSteps(model: ReportModel, options: AnalyzeOptions = {}, rules: readonly Rule[] = RULES): Generator<void, Analysis, void> {
  const run = new AnalysisRun(model, options);
  for (const rule of rules) {
    const r = run.step(rule);
    if (r === STOP) break;
    if (r === RAN) yield;
  }
  return run.finish();
}

const STOP = 0;
const SKIPPED = 1;
const RAN = 2;

/** One analysis's state between rules: what analyzeModel and analyzeSteps share. */
class AnalysisRun {
  readonly model: ReportModel;
  readonly findings: Finding[] = [];
  cancelled = false;
  private readonly locale: Locale;
  private readonly format: FormatSpec;
  private readonly peers: readonly PeerReport[];
  private readonly ruleOptions: RuleOptions;
  /**
   * One context for every rule of the run: the rule it reports for is `rule`/`configured`, set
   * before each check (rules report only while they run). A context and a report closure per
   * rule were ~40 objects per analysis for nothing.
   */
  private readonly ctx: RuleContext;
  private rule: Rule | undefined;
  private configured: Severity | undefined;

  constructor(model: ReportModel, private readonly options: AnalyzeOptions) {
    // The one place where the config's year/version overrides meet the model: rules read these fields.
    if (options.year !== undefined && options.year !== model.year) {
      model = { ...model, year: options.year, expectedVersion: versionForYear(options.year) };
    }
    if (options.version !== undefined) model = { ...model, expectedVersion: options.version };
    const checkedVersion = decideCheckedVersion(model.year, model.usedVersion, options.version);
    if (checkedVersion !== model.checkedVersion) model = { ...model, checkedVersion };
    this.model = model;
    const locale = this.locale = options.locale ?? 'zh-cn';
    this.format = FORMATS[model.checkedVersion];
    this.peers = options.peers ?? [];
    this.ruleOptions = options.ruleOptions ?? {};
    const findings = this.findings;
    this.ctx = new RuleRun(new SharedFacts(model, this.format, this.ruleOptions), model, this.format, locale, this.peers, this.ruleOptions,
      (key, args) => translate(locale, key, args),
      (r) => {
        const rule = this.rule!;
        const finding: Finding = {
          code: rule.code,
          severity: this.configured ?? r.severity ?? rule.severity,
          span: r.span,
          message: translate(locale, r.key ?? (rule.code as MessageKey), r.args),
        };
        if (r.related) finding.related = r.related;
        if (r.fixes) finding.fixes = r.fixes;
        findings.push(finding);
      });
  }

  /** Runs one rule: STOP when cancelled (the rule not run), SKIPPED when off or not applicable. */
  step(rule: Rule): typeof STOP | typeof SKIPPED | typeof RAN {
    const { options, model, locale, findings } = this;
    if (options.isCancelled?.()) { this.cancelled = true; return STOP; }
    const configured = options.severities?.[rule.code];
    if (configured === 'off' || !ruleApplies(rule, model)) return SKIPPED;
    this.rule = rule;
    this.configured = configured;
    const before = findings.length;
    try {
      rule.check(this.ctx);
    } catch (err) {
      // One finding for the failed rule instead of its partial results; the other rules still run.
      findings.length = before;
      options.onInternalError?.(rule.code, err);
      const own = options.severities?.GR000;
      if (own !== 'off') {
        findings.push({
          code: 'GR000', severity: own ?? 'warning', span: { start: 0, end: 0 },
          message: translate(locale, 'GR000', { code: rule.code, name: rule.description[locale] }),
        });
      }
    }
    return RAN;
  }

  finish(): Analysis {
    const { model, findings, options, locale } = this;
    const out = options.suppressions === false ? findings : suppress(model.source, findings, locale, options.severities?.GR009);
    // GRnnn codes in code-unit order: localeCompare would load ICU's collator on the first check.
    out.sort((a, b) => a.span.start - b.span.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return { model, findings: out, cancelled: this.cancelled };
  }
}
