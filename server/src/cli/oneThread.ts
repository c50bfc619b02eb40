/**
 * `check` in one thread, file by file (participant.ts FileByFile); then the files whose peers came
 * later in the input are checked again with all of them (`recheckLate`, shared with parallel.ts).
 */
import { FileByFile, peerKey, type Checked, type Done, type Keyed, type LoadJob } from './participant';
import type { CheckInput, CheckOutput } from './parallel';

/**
 * The files whose analysis had fewer peers than the whole input holds (a peer later in the input,
 * or read by another thread), checked again by `me` with all of them; `done` holds every file.
 */
export function recheckLate(jobs: readonly LoadJob[], done: ReadonlyMap<number, Done>, me: FileByFile, checked: Map<number, Checked>): void {
  const byKey = new Map<string, LoadJob[]>();
  const ordered = [...jobs].sort((a, b) => a.i - b.i);
  for (const job of ordered) {
    const k = done.get(job.i)?.keyed;
    const key = k?.kind === 'text' && k.parseError === undefined ? peerKey(k.body, k.year) : null;
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(job); else byKey.set(key, [job]);
  }
  for (const job of ordered) {
    const d = done.get(job.i)!;
    const k = d.keyed;
    if (k.kind !== 'text' || !d.checked || k.year === null) continue;
    const key = peerKey(k.body, k.year - 1);
    const all = key === null ? undefined : byKey.get(key);
    if (all && all.length !== d.peersUsed) checked.set(job.i, me.recheck(job, all));
  }
}

export function checkInOneThread(input: CheckInput): CheckOutput {
  const me = new FileByFile(input.read, input.minSeverity);
  me.addOptions(input.options);
  const done = new Map<number, Done>();
  const keyed = new Map<number, Keyed>();
  const checked = new Map<number, Checked>();
  for (const job of [...input.jobs].sort((a, b) => a.i - b.i)) {
    const d = me.check(job);
    done.set(job.i, d);
    keyed.set(job.i, d.keyed);
    if (d.checked) checked.set(job.i, d.checked);
  }
  recheckLate(input.jobs, done, me, checked);
  return { keyed, checked };
}
