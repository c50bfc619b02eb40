#!/usr/bin/env node
/**
 * CLI on many reports (issue 13): copies of the samples with distinct body names in a temp folder,
 * `dist/cli.js check` single-threaded (--jobs 1), on two threads (--jobs 2) and automatic (threads
 * only on idle cores), and autocorrect-node (`autocorrect --lint`, a devDependency with a prebuilt
 * native binary) on the same folder, rounds interleaved so that all four see the same load. Both
 * tools are node processes started the same way with the same environment (NODE_EXTRA_CA_CERTS
 * included: each pays node's start, printed apart). Per variant: median and fastest wall, median
 * CPU (user + system of the child, from /proc/self/stat; Linux only). Goals: 1000 reports ≤ 3 s
 * wall on 2 cores; per file at least as fast as autocorrect-node. Prints; asserts nothing.
 *   node scripts/bench-cli.mjs [count] [rounds]   (BENCH_CLI_FILES, BENCH_CLI_ROUNDS; default 1000, 3)
 *   (run `npm run build` first; `npm run bench` calls it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? process.env.BENCH_CLI_FILES ?? 1000);
const rounds = Number(process.argv[3] ?? process.env.BENCH_CLI_ROUNDS ?? 3);
const samples = join(root, 'test', 'fixtures', 'samples');
const texts = readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(samples, f), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-cli-'));

/** autocorrect-node's CLI script, or null with the reason (not installed / no binary for this platform). */
function autocorrectCli() {
  try {
    const req = createRequire(join(root, 'package.json'));
    const cli = join(dirname(req.resolve('autocorrect-node/package.json')), 'cli.js');
    req('autocorrect-node'); // loads the native binary: fails here when no prebuilt one fits
    return existsSync(cli) ? { cli } : { reason: 'autocorrect-node has no cli.js' };
  } catch (err) {
    return { reason: `autocorrect-node did not load (${String(err?.message ?? err).split('\n')[0]}); not compared` };
  }
}

/** CPU seconds (user + system) of the waited-for children of this process, or null off Linux. */
function childCpu() {
  try {
    const f = readFileSync('/proc/self/stat', 'latin1');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[13]) + Number(rest[14])) / 100; // cutime, cstime (clock ticks, 100 per second)
  } catch {
    return null;
  }
}

function timed(args) {
  const c0 = childCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: process.env });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c1 = childCpu();
  return { wall, cpu: c0 === null || c1 === null ? null : (c1 - c0) * 1000, status: r.status };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

try {
  for (let i = 0; i < count; i++) {
    const lines = texts[i % texts.length].split('\n');
    const k = Math.max(0, lines.findIndex((l) => /政府信息公开/.test(l)));
    lines[k] = `测试${i}号${lines[k]}`; // a distinct body per copy
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.txt`), lines.join('\n'));
  }
  const cli = join(root, 'dist', 'cli.js');
  const load = () => { try { return readFileSync('/proc/loadavg', 'latin1').split(' ')[0]; } catch { return '?'; } };
  console.log(`\nCLI check on ${count} reports (${availableParallelism()} CPUs, load ${load()}; ${rounds} rounds, interleaved; goal ≤ 3 s wall on 2 cores for 1000):`);
  const variants = [['--jobs 1', [cli, 'check', '--quiet', '--jobs', '1', dir]], ['--jobs 2', [cli, 'check', '--quiet', '--jobs', '2', dir]], ['automatic', [cli, 'check', '--quiet', dir]]];
  const ac = autocorrectCli();
  // autocorrect uses every CPU by default (--threads 0), as our automatic mode may.
  if (ac.cli) variants.push(['autocorrect-node --lint', [ac.cli, '--lint', '--quiet', '--format', 'json', dir]]);
  const runs = new Map(variants.map(([label]) => [label, []]));
  const starts = { plain: [], govreport: [] };
  for (let r = 0; r < rounds; r++) {
    for (const [label, args] of variants) runs.get(label).push(timed(args));
    starts.plain.push(timed(['-e', '0']).wall);
    starts.govreport.push(timed([cli, '--version']).wall);
  }
  const best = {};
  for (const [label, rs] of runs) {
    const walls = rs.map((x) => x.wall);
    const cpus = rs.map((x) => x.cpu).filter((x) => x !== null);
    best[label] = median(walls);
    console.log(`  ${label.padEnd(24)} median ${sec(median(walls))} wall (fastest ${sec(Math.min(...walls))}; ${(median(walls) / count).toFixed(2)} ms per file)`
      + `${cpus.length ? `, CPU ${sec(median(cpus))}` : ''}, exit ${rs[0].status}`);
  }
  const extra = process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: both tools pay its cost in every process)' : '';
  console.log(`  process start: node -e 0 ${median(starts.plain).toFixed(0)} ms, govreport --version ${median(starts.govreport).toFixed(0)} ms median wall${extra}`);
  if (!ac.cli) console.log(`  autocorrect-node: ${ac.reason}`);
  else {
    const ours = Math.min(best['--jobs 1'], best.automatic);
    const theirs = best['autocorrect-node --lint'];
    console.log(`  govreport/autocorrect per file (medians, better of --jobs 1 and automatic) ${(ours / theirs).toFixed(2)} (goal ≤ 1) ${ours <= theirs ? 'met' : 'NOT MET'}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
