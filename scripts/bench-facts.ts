/**
 * Prose facts alone, in CPU time (process.cpuUsage): extractFacts on a fresh model (the full path)
 * and FactsCache.extract per edit (the server's path: the edit incremental-bench makes, one
 * character typed and deleted at the end of line 3, so every sentence after it moves), on the
 * typical report and a ~1 MB one. Models are parsed outside the timing. A benchmark only.
 *   npx esbuild scripts/bench-facts.ts --bundle --platform=node --target=node20 --format=cjs --outfile=dist/bench-facts.js
 *   node dist/bench-facts.js [edits]        (ONLY_INC=1: no full runs; ONLY_TYP=1 / ONLY_BIG=1: one report)
 */
import { FactsCache } from '../server/src/core/incremental/factsCache';
import { IncrementalParser } from '../server/src/core/incremental/parser';
import { parseReport } from '../server/src/core/parse/report';
import { extractFacts } from '../server/src/core/prose/facts';
import { bigReport, cpu, pct, typical, versions } from './edit-bench-inputs';

const edits = Number(process.argv[2] ?? 40);

function run(label: string, text: string, fullRuns: number): void {
  const full: number[] = [];
  if (!process.env.ONLY_INC) {
    for (let i = 0; i < 3; i++) extractFacts(parseReport(text));
    for (let i = 0; i < fullRuns; i++) { const m = parseReport(text); const t = cpu(); extractFacts(m); full.push(cpu() - t); }
  }
  const parser = new IncrementalParser();
  const cache = new FactsCache();
  cache.extract(parser.parse(text));
  const inc: number[] = [];
  for (const v of versions(text, edits)) { const m = parser.parse(v); const t = cpu(); cache.extract(m); inc.push(cpu() - t); }
  const f = (x: number) => x.toFixed(3);
  const fullText = full.length ? `full extractFacts p50 ${f(pct(full, 0.5))} ms   ` : '';
  console.log(`${label.padEnd(8)} ${fullText}per-edit extract p50 ${f(pct(inc, 0.5))} p95 ${f(pct(inc, 0.95))} mean ${f(inc.reduce((a, b) => a + b, 0) / inc.length)} ms`);
}

if (!process.env.ONLY_BIG) run('typical', typical, 400);
if (!process.env.ONLY_TYP) run('1 MB', bigReport(1024 * 1024), 20);
