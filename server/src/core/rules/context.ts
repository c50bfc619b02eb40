/**
 * What every rule of one analysis shares, computed on first use and once: the prose facts, the
 * dates, the tables the value rules check and the body kind (GR023 and GR202). A rule reads
 * `ctx.facts`, `ctx.dates`, `ctx.tables`, `ctx.bodyKind` instead of calling the extractors, so a
 * run that needs none of them pays for none.
 */
import type { MessageKey } from '../messages/index';
import type { ReportModel } from '../model/types';
import { inferBodyKind, type BodyKindInference } from '../prose/bodyKind';
import { reportDates, type ReportDates } from '../prose/dates';
import { getFacts, type Facts } from '../prose/facts';
import type { FormatSpec } from '../standard/types';
import { checkedTables, type CheckedTable } from '../tables/checked';
import type { Locale, PeerReport, RuleOptions } from '../types';
import type { Report, RuleContext } from './types';

export class SharedFacts {
  readonly #model: ReportModel;
  readonly #format: FormatSpec;
  readonly #options: RuleOptions;
  #facts: Facts | undefined;
  #dates: ReportDates | undefined;
  #tables: readonly CheckedTable[] | undefined;
  #bodyKind: BodyKindInference | undefined;

  constructor(model: ReportModel, format: FormatSpec, options: RuleOptions) {
    this.#model = model;
    this.#format = format;
    this.#options = options;
  }

  get facts(): Facts { return (this.#facts ??= getFacts(this.#model)); }
  get dates(): ReportDates { return (this.#dates ??= reportDates(this.#model)); }
  get tables(): readonly CheckedTable[] { return (this.#tables ??= checkedTables(this.#model.tables, this.#format)); }
  get bodyKind(): BodyKindInference { return (this.#bodyKind ??= inferBodyKind(this.#model, this.#options)); }
}

/**
 * The rules' context, one per analysis (analyze.ts tells `report` which rule is running). A class,
 * so facts/dates/tables are getters on the prototype: an object literal with getters cost more
 * than most rules themselves. `t` and `report` stay plain functions (rules pass `ctx.t` around).
 */
export class RuleRun implements RuleContext {
  // A TS-private field, not #shared: the incremental rule cache wraps a context with
  // Object.create(ctx), and a #private field is not reachable through the prototype chain.
  private readonly shared: SharedFacts;
  constructor(
    shared: SharedFacts,
    readonly model: ReportModel,
    readonly format: FormatSpec,
    readonly locale: Locale,
    readonly peers: readonly PeerReport[],
    readonly options: RuleOptions,
    readonly t: (key: MessageKey, args?: Record<string, string | number>) => string,
    readonly report: (r: Report) => void,
  ) {
    this.shared = shared;
  }

  get facts(): Facts { return this.shared.facts; }
  get dates(): ReportDates { return this.shared.dates; }
  get tables(): readonly CheckedTable[] { return this.shared.tables; }
  get bodyKind(): BodyKindInference { return this.shared.bodyKind; }
}
