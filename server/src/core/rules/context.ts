/**
 * What every rule of one analysis shares, computed on first use and once: the prose facts, the
 * dates and the tables the value rules check. A rule reads `ctx.facts`, `ctx.dates`, `ctx.tables`
 * instead of calling the extractors, so a run that needs none of them pays for none.
 */
import type { ReportModel } from '../model/types';
import { reportDates, type ReportDates } from '../prose/dates';
import { getFacts, type Facts } from '../prose/facts';
import type { FormatSpec } from '../standard/types';
import { checkedTables, type CheckedTable } from '../tables/checked';

export class SharedFacts {
  readonly #model: ReportModel;
  readonly #format: FormatSpec;
  #facts: Facts | undefined;
  #dates: ReportDates | undefined;
  #tables: readonly CheckedTable[] | undefined;

  constructor(model: ReportModel, format: FormatSpec) {
    this.#model = model;
    this.#format = format;
  }

  get facts(): Facts { return (this.#facts ??= getFacts(this.#model)); }
  get dates(): ReportDates { return (this.#dates ??= reportDates(this.#model)); }
  get tables(): readonly CheckedTable[] { return (this.#tables ??= checkedTables(this.#model.tables, this.#format)); }
}
