/**
 * `npm run bench`: how long analyze() (parse + every rule) takes, in the code as it ships (bundled and
 * minified by esbuild into dist/bench.js, as the server is), on each sample (median of ~200
 * runs) and on a synthetic ~1 MB report (median of ~10), against the targets: ≤ 1 ms per sample,
 * ≤ 50 ms per MB. Then every figure of issue 13's Goals beside its goal: typical report, 1 MB,
 * cost at 0.1/1/4/8 MB (linearity), bundle and .vsix sizes, the language server over stdio
 * (scripts/bench-lsp.mjs) and the CLI on 1000 reports (scripts/bench-cli.mjs).
 * A benchmark only: it prints, it asserts nothing.
 *   BENCH_RUNS=500 BENCH_MB_RUNS=20 BENCH_LSP=0 BENCH_CLI=0 npm run bench
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { analyze, analyzeModel } from '../server/src/core/analyze';
import { parseReport } from '../server/src/core/parse/report';
import { RULES } from '../server/src/core/rules/registry';
import { stripBom } from '../server/src/core/text/source';
import { allocatedPerCall } from './bench-alloc';
import { runStress } from './bench-stress';
import { syntheticReport } from './synthetic';
import { zipEntries } from './zip-entries';

const SAMPLES = join(__dirname, '..', 'test', 'fixtures', 'samples');
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const MB_RUNS = Number(process.env.BENCH_MB_RUNS ?? 10);
const TARGET_SAMPLE_MS = 1;
const TARGET_MB_MS = 50;
const synthetic = (bytes: number) => syntheticReport(SAMPLES, bytes);

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
// ---- issue 13 goals, each figure beside its goal ------------------------------------------------
const ROOT = join(__dirname, '..');
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const goal = (label: string, value: string, target: string, ok: boolean) =>
  console.log(`  ${pad(label, 46)}${pad(value, 28)}goal ${pad(target, 24)}${ok ? 'met' : 'NOT MET'}`);
console.log('\nIssue 13 goals:');
{
  const typical = stripBom(readFileSync(join(SAMPLES, 'huaian-2024.txt'), 'utf8'));
  // The fastest run beside the median: on a shared host the median measures the neighbours too.
  const tt = time(() => analyze(typical), RUNS);
  const t = tt.median;
  goal('typical report (huaian-2024, 11 KB) median', `${fmt(t)} ms (fastest ${fmt(tt.min)})`, '≤ 0.5 ms', t <= 0.5);
  const perSize: [number, number][] = [];
  for (const mbs of [0.1, 1, 4, 8]) {
    const text = mbs === 1 ? big : synthetic(mbs * 1024 * 1024);
    const size = Buffer.byteLength(text) / (1024 * 1024);
    const runs = mbs <= 1 ? MB_RUNS : Math.max(3, MB_RUNS >> 2);
    const tm = time(() => analyze(text), runs, mbs <= 1 ? 2 : 1);
    const ms = tm.median;
    perSize.push([size, ms]);
    if (mbs === 1) goal(`1 MB report full analysis (${size.toFixed(2)} MB)`, `${fmt(ms)} ms (fastest ${fmt(tm.min)})`, '≤ 30 ms', ms <= 30);
  }
  const rates = perSize.map(([size, ms]) => ms / size);
  const spread = Math.max(...rates) / Math.min(...rates);
  goal('cost per MB at 0.1 / 1 / 4 / 8 MB', rates.map((r) => r.toFixed(0)).join(' / ') + ' ms', 'linear (ratio ≈ 1)', spread <= 1.5);
  console.log(`    (max/min ms per MB ${spread.toFixed(2)}; absolute: ${perSize.map(([s, ms]) => `${s.toFixed(2)} MB ${fmt(ms)} ms`).join(', ')})`);
  // Allocation drives the scavenges (about one per 16 MB allocated): garbage counts as much as what lives on.
  const mbAlloc = (fn: () => void) => (allocatedPerCall(fn, Math.max(3, MB_RUNS >> 1)) / (1024 * 1024)).toFixed(2);
  console.log(`    allocated per call on the 1 MB report: parse ${mbAlloc(() => parseReport(big))} MB, analyze ${mbAlloc(() => analyze(big))} MB; `
    + `typical report: analyze ${(allocatedPerCall(() => analyze(typical), 200) / 1024).toFixed(0)} KB`);
  // Bundle sizes as built (`npm run build`); compressed = raw deflate, as inside the .vsix zip.
  const size = (f: string) => (existsSync(join(ROOT, f)) ? statSync(join(ROOT, f)).size : NaN);
  const deflated = (f: string) => (existsSync(join(ROOT, f)) ? deflateRawSync(readFileSync(join(ROOT, f)), { level: 9 }).length : NaN);
  const client = size('dist/client.js');
  const shared = size('dist/lsp-protocol.js');
  const clientCore = existsSync(join(ROOT, 'dist/client.js')) && /GR101|parseReport/.test(readFileSync(join(ROOT, 'dist/client.js'), 'utf8'));
  goal('dist/client.js', `${kb(client)}${clientCore ? ' + CORE' : ', no core'}`, '≤ 300 KB, no core', client <= 300 * 1024 && !clientCore);
  console.log(`    + dist/lsp-protocol.js ${kb(shared)} (the LSP protocol libraries, one copy shared with server.js; client.js + it = ${kb(client + shared)})`);
  console.log(`    dist/server-main.js ${kb(size('dist/server-main.js'))} (${kb(deflated('dist/server-main.js'))} compressed) + its bootstrap dist/server.js ${kb(size('dist/server.js'))}; dist/client.js ${kb(deflated('dist/client.js'))} compressed; `
    + `dist/preview.js ${kb(size('dist/preview.js'))}; dist/publish.js (import/export chunk, loaded on use) ${kb(size('dist/publish.js'))} (${kb(deflated('dist/publish.js'))} compressed)`);
  const vsix = size('gov-report.vsix');
  if (Number.isNaN(vsix)) console.log('    gov-report.vsix: not built (`npm run package` first)');
  else {
    // Compressed sizes as stored in the package (its zip central directory).
    const entries = zipEntries(readFileSync(join(ROOT, 'gov-report.vsix')));
    const publishInZip = entries.find((e) => e.name === 'extension/dist/publish.js')?.compressed ?? deflated('dist/publish.js');
    const withoutPublish = vsix - publishInZip;
    goal('gov-report.vsix without the publish chunk', kb(withoutPublish), '≤ 250 KB', withoutPublish <= 250 * 1024);
    const top = entries.filter((e) => e.name !== 'extension/dist/publish.js').sort((a, b) => b.compressed - a.compressed).slice(0, 6);
    console.log(`    largest parts: ${top.map((e) => `${e.name.replace(/^extension\//, '')} ${kb(e.compressed)}`).join(', ')}`);
    console.log(`    gov-report.vsix ${kb(vsix)} in all (publish.js ${kb(publishInZip)} of it); the CLI ships in the npm package, not the .vsix`);
  }
}

// Language server over stdio: start → first diagnostics, edit → fresh diagnostics (needs dist/server.js).
if (process.env.BENCH_LSP !== '0') spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'bench-lsp.mjs')], { stdio: 'inherit' });

// CLI on 1000 reports, single-threaded and on worker threads (needs dist/cli.js: `npm run build`).
benchCli();
function benchCli(): void {
  const script = join(__dirname, '..', 'scripts', 'bench-cli.mjs');
  if (process.env.BENCH_CLI !== '0') spawnSync(process.execPath, [script], { stdio: 'inherit' });
}
