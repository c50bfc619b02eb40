/**
 * Incremental vs full analysis in process (issue 13): the edit bench-lsp makes (one character
 * typed, then deleted, at the end of line 3) on a typical report and on a ~1 MB one, CPU time per
 * edit (process.cpuUsage, less disturbed by a busy machine than wall time), p50/p95, how many
 * table rules the last edit replayed (incremental/ruleCache.ts) or ran, and how many lines its
 * prose re-scanned (incremental/proseCache.ts); and the server's idle check of the last model
 * against a full parse (incremental/verify.ts), run 5 times: its CPU time and its longest step, the
 * longest the server is blocked by it (the steps run between event-loop turns), median and runs.
 *   node --import tsx scripts/incremental-bench.ts [edits]
 */
import { analyze } from '../server/src/core/analyze';
import { IncrementalDocument } from '../server/src/core/incremental/analyzer';
import { verifySteps } from '../server/src/core/incremental/verify';
import { bigReport, cpu, pct, typical, versions } from './edit-bench-inputs';

const edits = Number(process.argv[2] ?? 30);
/** Idle checks run on the last model. */
const CHECKS = 5;

function run(label: string, text: string): void {
  const vs = versions(text, edits);
  const full: number[] = [];
  for (const v of vs) { const t = cpu(); analyze(v); full.push(cpu() - t); }
  const doc = new IncrementalDocument();
  doc.analyze(text);
  const inc: number[] = [];
  for (const v of vs) { const t = cpu(); doc.analyze(v); inc.push(cpu() - t); }
  const f = (x: number) => x.toFixed(1);
  const r = doc.rules.stats;
  // The idle check, CHECKS times (one run's longest step is often a GC pause): per run its CPU and its longest step.
  const totals: number[] = [];
  const longests: number[] = [];
  for (let c = 0; c < CHECKS; c++) {
    const steps = verifySteps(doc.model(vs[vs.length - 1]!));
    let longest = 0;
    let total = 0;
    for (let done = false; !done;) { const t = cpu(); done = !!steps.next().done; const d = cpu() - t; total += d; longest = Math.max(longest, d); }
    totals.push(total);
    longests.push(longest);
  }
  console.log(`${label.padEnd(18)} full p50 ${f(pct(full, 0.5))} p95 ${f(pct(full, 0.95))} ms   incremental p50 ${f(pct(inc, 0.5))} p95 ${f(pct(inc, 0.95))} ms (CPU per edit; table rules replayed ${r.reused}, ran ${r.ran}; prose lines re-scanned ${doc.facts.prose.stats.scanned}); idle check ${f(pct(totals, 0.5))} ms CPU, longest step median ${f(pct(longests, 0.5))} ms (runs: ${longests.map(f).join(' ')})`);
}

run(`typical ${(typical.length / 1024).toFixed(0)}K chars`, typical);
const big = bigReport(1024 * 1024);
run(`${(Buffer.byteLength(big) / 1048576).toFixed(2)} MB report`, big);
