/**
 * `npm run bench:rules`: where the analysis time goes after the parse, in CPU time (process.cpuUsage,
 * so a loaded shared host inflates it far less than wall time). Per sample and per MB of the
 * synthetic report: parse, then rules + prose facts (analyzeModel on freshly parsed models, so no
 * cache from an earlier run helps), then prose facts alone (buildProse + extractFacts) and the
 * slowest rules (each run alone on a model whose shared facts are already made).
 * A benchmark only: it prints, it asserts nothing.  RULES_BENCH_RUNS=400 RULES_BENCH_MB=1,4
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { analyzeModel } from '../server/src/core/analyze';
import { parseReport } from '../server/src/core/parse/report';
import { extractFacts, getFacts } from '../server/src/core/prose/facts';
import { buildProse } from '../server/src/core/prose/prose';
import { reportDates } from '../server/src/core/prose/dates';
import { RULES } from '../server/src/core/rules/registry';
import { stripBom } from '../server/src/core/text/source';
import { syntheticReport } from './synthetic';

const SAMPLES = join(__dirname, '..', 'test', 'fixtures', 'samples');
const RUNS = Number(process.env.RULES_BENCH_RUNS ?? 300);
const MBS = (process.env.RULES_BENCH_MB ?? '1').split(',').filter(Boolean).map(Number);
const ONLY = process.env.RULES_BENCH_ONLY;

/**
 * CPU ms per call of fn, after a warm-up: best of `rounds` batches of `runs` calls. Each input is
 * made just before its call, outside the timing (a freshly parsed model), and dropped after it:
 * a batch of models made up front and kept alive would be promoted by the young-generation GC and
 * measure full GCs the editor and the CLI never pay.
 */
function cpu<T>(make: () => T, fn: (x: T) => void, runs: number, rounds = 3): number {
  for (let i = 0; i < 5; i++) fn(make());
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let us = 0;
    for (let i = 0; i < runs; i++) {
      const x = make();
      const t = process.cpuUsage();
      fn(x);
      const d = process.cpuUsage(t);
      us += d.user + d.system;
    }
    best = Math.min(best, us / 1000 / runs);
  }
  return best;
}

/** CPU ms per call of fn on one input, timed as a batch of `runs` calls (a rule alone takes microseconds). */
function cpuBatch<T>(x: T, fn: (x: T) => void, runs: number): number {
  for (let i = 0; i < 5; i++) fn(x);
  const t = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn(x);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000 / runs;
}

const f3 = (x: number) => x.toFixed(3);

function row(name: string, text: string, runs: number, perRule: Map<string, number>): void {
  const model = () => parseReport(text);
  const parse = cpu(() => text, (t) => parseReport(t), runs);
  const rules = cpu(model, (m) => analyzeModel(m), runs);
  const prose = cpu(model, (m) => buildProse(m), runs);
  const facts = cpu(model, (m) => extractFacts(m), runs);
  const dates = cpu(model, (m) => reportDates(m), runs);
  console.log(`${name.padEnd(28)}${f3(parse).padStart(9)}${f3(rules).padStart(13)}${f3(facts).padStart(9)}${f3(prose).padStart(9)}${f3(dates).padStart(9)}`);
  if (!perRule.size && runs < 5) return;
  const warm = parseReport(text);
  getFacts(warm); analyzeModel(warm);
  for (const rule of RULES) {
    const ms = cpuBatch(warm, (m) => analyzeModel(m, {}, [rule]), runs);
    perRule.set(rule.code, (perRule.get(rule.code) ?? 0) + ms);
  }
}

console.log(`CPU ms per run (best of 3 batches of ${RUNS}; 1 MB: of ${Math.max(5, RUNS >> 5)}), node ${process.version}`);
console.log(`${'input'.padEnd(28)}${'parse'.padStart(9)}${'rules+facts'.padStart(13)}${'facts'.padStart(9)}${'prose'.padStart(9)}${'dates'.padStart(9)}`);
const perRule = new Map<string, number>();
for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
  if (ONLY && !name.includes(ONLY)) continue;
  row(name, stripBom(readFileSync(join(SAMPLES, name), 'utf8')), RUNS, perRule);
}
const top = [...perRule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
console.log(`slowest rules (CPU ms summed over the samples, facts shared): ${top.map(([c, ms]) => `${c} ${f3(ms)}`).join(' · ')}`);
const perMbRule = new Map<string, number>();
for (const mb of MBS) {
  const text = syntheticReport(SAMPLES, mb * 1024 * 1024);
  const size = Buffer.byteLength(text) / 1048576;
  perMbRule.clear();
  row(`synthetic ${size.toFixed(2)} MB`, text, Math.max(5, RUNS >> 5), perMbRule);
  const topMb = [...perMbRule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`  slowest rules at ${size.toFixed(2)} MB: ${topMb.map(([c, ms]) => `${c} ${f3(ms)}`).join(' · ')}`);
}

// GCs per 1000 analyses of the typical report. Full (mark-compact) GCs make the median of `npm run
// bench` twice its fastest run: they come from what survives the young generation (WeakMap memos
// keyed by a young object did, see model/objectMemo.ts). Entries arrive asynchronously, hence the wait.
void gcCounts();
async function gcCounts(): Promise<void> {
  const text = stripBom(readFileSync(join(SAMPLES, 'huaian-2024.txt'), 'utf8'));
  for (let i = 0; i < 50; i++) analyzeModel(parseReport(text));
  await new Promise((r) => setImmediate(r));
  const counts = { minor: 0, major: 0, other: 0 };
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.minor++;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.major++;
      else counts.other++;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const t = process.cpuUsage();
  for (let i = 0; i < 1000; i++) analyzeModel(parseReport(text));
  const d = process.cpuUsage(t);
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  console.log(`huaian-2024, 1000 analyses (parse + rules): ${f3((d.user + d.system) / 1000 / 1000)} ms CPU each (all threads: GC helpers too); GCs: ${counts.major} full, ${counts.minor} young, ${counts.other} other`);
}
