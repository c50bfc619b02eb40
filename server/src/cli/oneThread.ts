/**
 * `check` in one thread, file by file: each file is read, parsed and analysed before the next is
 * read, so only a few models are alive at a time (holding all of them until every file was parsed
 * cost ~15% more CPU in garbage collection on 1000 reports, and memory grew with the file count).
 *
 * Peers (last year's report of the same body, GR301–GR303) may come later in the input. A file is
 * analysed with the peers read so far, in input order; at the end, a file whose peer list grew is
 * analysed again, parsed afresh, with the whole list. A peer list only ever grows by appending
 * (files are taken in input order), so "grew" is "longer": the final result is the one the full
 * list gives, as in parallel.ts (which finds every key first). Peers are parsed again from their
 * text unless among the last few parsed models; a model never changes once parsed.
 */
import { parseReport, type AnalyzeOptions, type PeerReport, type ReportModel } from '../core/index';
import { checkOne, loadOne, peerKey, type Checked, type Keyed } from './participant';
import type { CheckInput, CheckOutput } from './parallel';

/** Models kept for use as peers: the previous year's report is usually a recent file (names sort by year). */
export const RECENT_MODELS = 8;

/** The last `size` models put, by file index (insertion order is age: a Map keeps it). */
export class RecentModels {
  private readonly models = new Map<number, ReportModel>();

  constructor(private readonly size: number) {}

  get(i: number): ReportModel | undefined {
    return this.models.get(i);
  }

  put(i: number, model: ReportModel): void {
    this.models.delete(i);
    this.models.set(i, model);
    if (this.models.size > this.size) this.models.delete(this.models.keys().next().value!);
  }
}

interface Peerable { text: string; body: string; year: number; opt: number; used: number }

export function checkInOneThread(input: CheckInput): CheckOutput {
  const keyed = new Map<number, Keyed>();
  const checked = new Map<number, Checked>();
  const byKey = new Map<string, number[]>(); // peer key → files, in input order
  const peerable = new Map<number, Peerable>(); // files with a key: what a peer or a second analysis needs
  const recent = new RecentModels(RECENT_MODELS);
  const uris = new Map<number, string>();
  const uriOf = (i: number) => {
    let u = uris.get(i);
    if (u === undefined) uris.set(i, (u = input.uriOf(i)));
    return u;
  };
  const modelOf = (i: number): ReportModel => {
    let m = recent.get(i);
    if (!m) recent.put(i, (m = parseReport(peerable.get(i)!.text))); // parsed once before: cannot throw
    return m;
  };
  const peersOf = (list: readonly number[]): PeerReport[] => list.map((i) => ({ uri: uriOf(i), model: modelOf(i) }));
  const options = (opt: number): AnalyzeOptions => input.options[opt]!;

  for (const job of [...input.jobs].sort((a, b) => a.i - b.i)) {
    const { keyed: k, held } = loadOne(job, input.read);
    keyed.set(job.i, k);
    if (k.kind !== 'text' || !held?.model) continue;
    const key = peerKey(k.body, k.year);
    const list = k.year === null ? undefined : byKey.get(peerKey(k.body, k.year - 1) ?? '');
    const peers = list ? peersOf(list) : [];
    if (key !== null) {
      peerable.set(job.i, { text: held.text, body: k.body!, year: k.year!, opt: held.opt, used: peers.length });
      const same = byKey.get(key);
      if (same) same.push(job.i); else byKey.set(key, [job.i]);
      recent.put(job.i, held.model);
    }
    checked.set(job.i, checkOne(job.i, held.model, options(held.opt), peers, input.minSeverity));
  }

  // Files whose peers came later in the input: again, with all of them.
  for (const [i, p] of peerable) {
    const list = byKey.get(peerKey(p.body, p.year - 1)!);
    if (!list || list.length === p.used) continue;
    const model = parseReport(p.text);
    checked.set(i, checkOne(i, model, options(p.opt), peersOf(list), input.minSeverity));
  }
  return { keyed, checked };
}
