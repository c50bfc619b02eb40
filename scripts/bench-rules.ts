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
import { analyzeModel } from '../server/src/core/analyze';
import { parseReport } from '../server/src/core/parse/report';
import { extractFacts, getFacts } from '../server/src/core/prose/facts';
import { buildProse } from '../server/src/core/prose/prose';
import { reportDates } from '../server/src/core/prose/dates';
import { RULES } from '../server/src/core/rules/registry';
import { stripBom } from '../server/src/core/text/source';
import type { ReportModel } from '../server/src/core/model/types';
import { syntheticReport } from './synthetic';

const SAMPLES = join(__dirname, '..', 'test', 'fixtures', 'samples');
const RUNS = Number(process.env.RULES_BENCH_RUNS ?? 300);
const MBS = (process.env.RULES_BENCH_MB ?? '1').split(',').filter(Boolean).map(Number);
const ONLY = process.env.RULES_BENCH_ONLY;

/** CPU ms per call of fn over `inputs` (each input used once), after a warm-up. */
function cpu<T>(inputs: () => T[], fn: (x: T) => void, rounds = 3): number {
  for (const x of inputs().slice(0, 5)) fn(x);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const xs = inputs();
    const t = process.cpuUsage();
    for (const x of xs) fn(x);
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000 / xs.length);
  }
  return best;
}

const models = (text: string, n: number): ReportModel[] => Array.from({ length: n }, () => parseReport(text));
const f3 = (x: number) => x.toFixed(3);

function row(name: string, text: string, runs: number, perRule: Map<string, number>): void {
  const parse = cpu(() => Array.from({ length: runs }, () => text), (t) => parseReport(t));
  const rules = cpu(() => models(text, runs), (m) => analyzeModel(m));
  const prose = cpu(() => models(text, runs), (m) => buildProse(m));
  const facts = cpu(() => models(text, runs), (m) => extractFacts(m));
  const dates = cpu(() => models(text, runs), (m) => reportDates(m));
  console.log(`${name.padEnd(28)}${f3(parse).padStart(9)}${f3(rules).padStart(13)}${f3(facts).padStart(9)}${f3(prose).padStart(9)}${f3(dates).padStart(9)}`);
  if (!perRule.size && runs < 5) return;
  const warm = models(text, 1)[0]!;
  getFacts(warm); analyzeModel(warm);
  for (const rule of RULES) {
    const ms = cpu(() => Array.from({ length: runs }, () => warm), (m) => analyzeModel(m, {}, [rule]), 1);
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
