/**
 * What a rule is and what it reports. Rules are small modules (one file, one code) listed in the
 * per-category index files and joined in `registry.ts`. They see only the pure model; the LSP
 * glue and the CLI turn findings into diagnostics.
 */
import type { MessageKey } from '../messages';
import type { ReportModel } from '../model/types';
import type { BodyKindInference } from '../prose/bodyKind';
import type { ReportDates } from '../prose/dates';
import type { Facts } from '../prose/facts';
import type { CheckedTable } from '../tables/checked';
import type { FormatSpec } from '../standard/types';
import type { Span } from '../text/source';
import type { Fix, Locale, PeerReport, Related, RuleOptions, Severity, TextEdit } from '../types';

/** What a rule passes to `report`: code and severity come from the rule itself. */
export interface Report {
  span: Span;
  /** Message key in the catalogue (defaults to the rule's code) and its arguments. */
  key?: MessageKey;
  args?: Record<string, string | number>;
  related?: Related[];
  fixes?: Fix[];
  /** Overrides the rule's default severity (GR202 is E or W depending on the case). */
  severity?: Severity;
}

export interface RuleContext {
  model: ReportModel;
  /** The format the report is checked against: the version its year requires, else the one it uses, else 2021. */
  format: FormatSpec;
  locale: Locale;
  /** Localised message text for a catalogue key. */
  t(key: MessageKey, args?: Record<string, string | number>): string;
  report(r: Report): void;
  /** Other reports in the workspace (GR3xx), if the caller has any. */
  peers: readonly PeerReport[];
  /** Settings that rules read (deadlines, body kind). */
  options: RuleOptions;
  /** Facts of the prose (counts, claims, breakdowns, rates), extracted once per analysis on first use. */
  readonly facts: Facts;
  /** Statistics period, signature date, malformed dates: each found once per analysis on first use. */
  readonly dates: ReportDates;
  /** Tables the value rules check (identified, read with confidence) with their spec; listed once. */
  readonly tables: readonly CheckedTable[];
  /** inferBodyKind(model, options), found once per analysis on first use (GR023 and GR202 ask). */
  readonly bodyKind: BodyKindInference;
}

export type RuleCategory = 'structure' | 'tables' | 'text' | 'across';

export interface RuleMeta {
  /** Stable code, never reused: "GR101". */
  code: string;
  /** Short English alias, kebab-case: "t3-row-total". */
  name: string;
  severity: Severity;
  category: RuleCategory;
  /** One line in each locale: what the rule checks. */
  description: Record<Locale, string>;
  /** Whether it offers fixes. */
  fixable: boolean;
  /**
   * Whether it also runs on legacy reports (years up to 2018, 2008 条例). Unset: text and
   * across-report rules do (dates, facts, repeated text hold every year), structure and table
   * rules do not (the 2019 sections and tables do not apply).
   */
  legacy?: boolean;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

/**
 * A fix whose edits are computed on first use. Rules run on every keystroke, but a fix's text is
 * only needed when the user opens the light bulb or runs fix-all; expensive rewrites (a whole
 * table in canonical Markdown) are deferred this way. `edits` is a getter on the prototype (a
 * per-object accessor costs about ten times more, and GR107 makes one per blank cell), so read
 * it rather than spread the fix.
 */
class LazyFix implements Fix {
  declare title: string;
  declare safe: boolean;
  declare preferred?: boolean;
  declare kind?: Fix['kind'];
  readonly #compute: () => TextEdit[];
  #edits: TextEdit[] | undefined;

  constructor(fix: Omit<Fix, 'edits'>, compute: () => TextEdit[]) {
    // Copied one by one (Object.assign costs more here); the optional ones only when set.
    this.title = fix.title;
    this.safe = fix.safe;
    if (fix.preferred !== undefined) this.preferred = fix.preferred;
    if (fix.kind !== undefined) this.kind = fix.kind;
    this.#compute = compute;
  }

  get edits(): TextEdit[] {
    return (this.#edits ??= this.#compute());
  }
}

export function lazyFix(fix: Omit<Fix, 'edits'>, compute: () => TextEdit[]): Fix {
  return new LazyFix(fix, compute);
}
