/**
 * Bytes allocated per call of `fn`, garbage included: V8's sampling heap profiler keeping the samples
 * of objects the scavenger and the full GC already freed (by default it reports only what is still
 * alive). Sampled every 1 KB, so a figure is within a few percent. Print-only, for `npm run bench`.
 */
import { Session } from 'node:inspector';

interface Node { selfSize: number; children: Node[] }
interface Sample { size: number }

export function allocatedPerCall(fn: () => void, calls: number): number {
  const session = new Session();
  session.connect();
  let bytes = NaN;
  // An in-process session answers synchronously: each callback has run when post() returns.
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true,
  } as never);
  for (let i = 0; i < calls; i++) fn();
  session.post('HeapProfiler.stopSampling', (err, r) => {
    if (err) return;
    const profile = (r as { profile: { head: Node; samples?: Sample[] } }).profile;
    let total = 0;
    for (const s of profile.samples ?? []) total += s.size;
    bytes = total / calls;
  });
  session.post('HeapProfiler.disable');
  session.disconnect();
  return bytes;
}
