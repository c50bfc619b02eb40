/**
 * The first edits after opening a ~1 MB report, in process, tiered as the server tiers them
 * (server/src/boot/optimiser.ts: TurboFan off for the open's check, on from its publish): CPU per
 * edit of the whole process (process.cpuUsage: TurboFan compiles on background threads and the
 * GC's helper threads count) and of the main thread alone (Linux schedstat, ns), for the first
 * `edits` edits bench-lsp makes. The gap between the two is compile and GC helper work; the main
 * thread's excess over the last edits' is code not optimised yet (interpreter and baseline code,
 * deopts) and the GC of the open's survivors. No LSP, no conversion or sending.
 *   npx esbuild scripts/cold-edit-bench.ts --bundle --platform=node --target=node20 --format=cjs --outfile=dist/cold-edit-bench.js
 *   node dist/cold-edit-bench.js [edits=20] [runs=3]    (each run in a fresh process: cold means first in the process)
 * Add --trace-opt --trace-deopt to node's flags to see which functions compile or deoptimise on which edit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { IncrementalDocument } from '../server/src/core/incremental/analyzer';
import { bigReport, cpu, versions } from './edit-bench-inputs';

const edits = Number(process.argv[2] ?? 20);
const runs = Number(process.argv[3] ?? 3);

/** The main thread's CPU time in ms (schedstat: ns on the CPU); NaN where /proc has none. */
function mainThreadMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch { return NaN; }
}

/** One process's run: "all/main" ms per edit, space-separated, on one line of stdout. */
function child(): void {
  const big = bigReport(1024 * 1024);
  const vs = versions(big, edits);
  const doc = new IncrementalDocument();
  setFlagsFromString('--no-turbofan');
  doc.analyze(big);
  setFlagsFromString('--turbofan');
  const out: string[] = [];
  for (const v of vs) {
    const a = cpu();
    const m = mainThreadMs();
    doc.analyze(v);
    out.push(`${(cpu() - a).toFixed(0)}/${(mainThreadMs() - m).toFixed(0)}`);
  }
  console.log(out.join(' '));
}

if (process.env.COLD_EDIT_BENCH_CHILD === '1') child();
else {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`first ${edits} edits of a ~1 MB report after its open, ms CPU per edit: all threads/main thread`);
  for (let r = 0; r < runs; r++) {
    const line = execFileSync(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2)], {
      env: { ...process.env, COLD_EDIT_BENCH_CHILD: '1' }, encoding: 'utf8', maxBuffer: 64 << 20,
    }).trim().split('\n').at(-1)!;
    const pairs = line.split(' ').map((p) => p.split('/').map(Number) as [number, number]);
    const part = (from: number, to: number, k: 0 | 1) => sum(pairs.slice(from, to).map((p) => p[k])).toFixed(0);
    const warm = pairs.slice(-5);
    console.log(`  run ${r + 1}: edits 1-5 ${part(0, 5, 0)}/${part(0, 5, 1)}  6-10 ${part(5, 10, 0)}/${part(5, 10, 1)}  last 5 mean ${(sum(warm.map((p) => p[0])) / 5).toFixed(1)}/${(sum(warm.map((p) => p[1])) / 5).toFixed(1)}`);
    console.log(`    ${line}`);
  }
}
