/**
 * Finding last year's report of the same body among the workspace peers (GR301–GR303).
 */
import type { ReportModel } from '../../model/types';
import { bodyKey } from '../../prose/bodyKind';
import type { PeerReport } from '../../types';
import { ObjectMemo } from '../../model/objectMemo';

const KEYS = new ObjectMemo<ReportModel, string | null>();

/** The body key of a model, cached (the CLI passes every other report as a peer). */
export function modelBodyKey(model: ReportModel): string | null {
  let k = KEYS.get(model);
  if (k === undefined) { k = bodyKey(model.title?.body); KEYS.set(model, k); }
  return k;
}

/** Peers of the same body (title.body equal after normalisation) for year `year`. */
export function peersOfYear(model: ReportModel, peers: readonly PeerReport[], year: number): PeerReport[] {
  const key = modelBodyKey(model);
  if (!key) return [];
  return peers.filter((p) => p.model !== model && p.model.year === year && modelBodyKey(p.model) === key);
}

/** Last year's report of the same body, if exactly one is in the workspace. */
export function previousReport(model: ReportModel, peers: readonly PeerReport[]): PeerReport | null {
  if (model.year === null) return null;
  const found = peersOfYear(model, peers, model.year - 1);
  return found.length === 1 ? found[0]! : null;
}
