/**
 * `npm run bench`: how long analyze() (parse + every rule) takes, in the code as it ships (bundled and
 * minified by esbuild into dist/bench.js, as the server is), on each sample (median of ~200
 * runs) and on a synthetic ~1 MB report (median of ~10), against the targets: ≤ 1 ms per sample,
 * ≤ 50 ms per MB. A benchmark only: it prints, it asserts nothing.
 *   BENCH_RUNS=500 BENCH_MB_RUNS=20 npm run bench
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeModel } from '../server/src/core/analyze';
import { parseReport } from '../server/src/core/parse/report';
import { RULES } from '../server/src/core/rules/registry';
import { stripBom } from '../server/src/core/text/source';
import { runStress } from './bench-stress';

const SAMPLES = join(__dirname, '..', 'test', 'fixtures', 'samples');
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const MB_RUNS = Number(process.env.BENCH_MB_RUNS ?? 10);
const TARGET_SAMPLE_MS = 1;
const TARGET_MB_MS = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => void, runs: number, warmup = Math.min(20, runs)): { median: number; min: number; max: number } {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/** A report of about `bytes` UTF-8 bytes: the huaian report, then its body (sections and tables) repeated. */
function synthetic(bytes: number): string {
  const base = stripBom(readFileSync(join(SAMPLES, 'huaian-2024.txt'), 'utf8'));
  const others = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt') && !f.startsWith('huaian'))
    .map((f) => stripBom(readFileSync(join(SAMPLES, f), 'utf8')));
  const parts = [base];
  let size = Buffer.byteLength(base);
  let i = 0;
  while (size < bytes) {
    const chunk = '\n' + (i % 2 === 0 ? base : others[i % others.length]!);
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
    i++;
  }
  return parts.join('');
}

const rows: { name: string; size: string; parse: number; analyze: number; target: number; findings: number }[] = [];
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
const fmt = (ms: number) => ms.toFixed(3);

for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
  const text = stripBom(readFileSync(join(SAMPLES, name), 'utf8'));
  const findings = analyze(text).findings.length;
  const p = time(() => parseReport(text), RUNS);
  const a = time(() => analyze(text), RUNS);
  rows.push({ name, size: `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`, parse: p.median, analyze: a.median, target: TARGET_SAMPLE_MS, findings });
}

const big = synthetic(1024 * 1024);
const mb = Buffer.byteLength(big) / (1024 * 1024);
{
  const findings = analyze(big).findings.length;
  const p = time(() => parseReport(big), MB_RUNS, 2);
  const a = time(() => analyze(big), MB_RUNS, 2);
  rows.push({ name: 'synthetic (~1 MB)', size: `${mb.toFixed(2)} MB`, parse: p.median, analyze: a.median, target: TARGET_MB_MS * mb, findings });
}

console.log(`analyze() = parse + all rules; median of ${RUNS} runs per sample, ${MB_RUNS} for the synthetic report (node ${process.version})\n`);
const header = `${pad('input', 28)}${pad('size', 11)}${pad('parse ms', 11)}${pad('analyze ms', 12)}${pad('target ms', 11)}${pad('findings', 10)}ok`;
console.log(header);
console.log('-'.repeat(header.length));
for (const r of rows) {
  console.log(`${pad(r.name, 28)}${pad(r.size, 11)}${pad(fmt(r.parse), 11)}${pad(fmt(r.analyze), 12)}${pad(fmt(r.target), 11)}${pad(String(r.findings), 10)}${r.analyze <= r.target ? 'yes' : 'NO'}`);
}
const perMb = rows[rows.length - 1]!.analyze / mb;
console.log(`\n${fmt(perMb)} ms per MB (target ≤ ${TARGET_MB_MS}); samples within ${TARGET_SAMPLE_MS} ms: ${rows.slice(0, -1).filter((r) => r.analyze <= TARGET_SAMPLE_MS).length}/${rows.length - 1}`);

// Where the time goes: the slowest rules, summed over the samples (median per rule and sample).
const perRule = new Map<string, number>();
for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) {
  const model = parseReport(stripBom(readFileSync(join(SAMPLES, name), 'utf8')));
  for (const rule of RULES) {
    const t = time(() => analyzeModel(model, {}, [rule]), Math.max(10, RUNS >> 2), 5);
    perRule.set(rule.code, (perRule.get(rule.code) ?? 0) + t.median);
  }
}
const slow = [...perRule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log(`slowest rules (ms, summed over the samples): ${slow.map(([c, ms]) => `${c} ${fmt(ms)}`).join(' · ')}`);

runStress();
// CLI on 1000 reports, single-threaded and on worker threads (needs dist/cli.js: `npm run build`).
benchCli();
function benchCli(): void {
  const script = join(__dirname, '..', 'scripts', 'bench-cli.mjs');
  if (process.env.BENCH_CLI !== '0') spawnSync(process.execPath, [script], { stdio: 'inherit' });
}
