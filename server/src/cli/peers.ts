/**
 * Peers of the reports checked together, indexed once by (body, year): GR301–GR303 compare a
 * report with last year's report of the same body, so each file gets only those (linear, where
 * passing every other file to every file was quadratic).
 */
import type { ReportModel, PeerReport } from '../core/index';
import { modelBodyKey } from '../core/index';

export class PeerIndex {
  private readonly byKey = new Map<string, PeerReport[]>();

  private static key(body: string, year: number): string {
    return `${year}\u0000${body}`;
  }

  add(uri: string, model: ReportModel): void {
    const body = modelBodyKey(model);
    if (!body || model.year === null) return;
    const k = PeerIndex.key(body, model.year);
    const list = this.byKey.get(k);
    if (list) list.push({ uri, model }); else this.byKey.set(k, [{ uri, model }]);
  }

  /** Reports of the same body for the year before `model`'s (what the GR3xx rules look at). */
  peersFor(model: ReportModel): PeerReport[] {
    const body = modelBodyKey(model);
    if (!body || model.year === null) return [];
    return this.byKey.get(PeerIndex.key(body, model.year - 1)) ?? [];
  }
}
