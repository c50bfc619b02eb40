#!/usr/bin/env node
/**
 * `node scripts/bench-ab.mjs parse|analyze`: parseReport alone, or analyze() (parse + every rule),
 * this tree against a base commit (main by default), both bundled and minified as the server ships,
 * in ONE process: blocks of runs of the old and the new code alternate (the order flips every
 * round), each timed in CPU time (process.cpuUsage). On a shared host the neighbours' load then
 * hits both sides alike, which separate processes run one after the other do not give.
 * A benchmark only: it asserts nothing.
 *   BENCH_BASE=<git ref> BENCH_ROUNDS=30 BENCH_BLOCK=200 BENCH_MB_BLOCK=3 BENCH_INPUTS=huaian,001,mb node scripts/bench-ab.mjs analyze
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** What is compared: the function's name and the module that exports it. */
const TARGETS = {
  parse: { fn: 'parseReport', from: './server/src/core/parse/report', unit: 'parse' },
  analyze: { fn: 'analyze', from: './server/src/core/analyze', unit: 'analysis' },
};
const target = TARGETS[process.argv[2] ?? 'parse'];
if (!target) {
  console.error(`usage: node scripts/bench-ab.mjs ${Object.keys(TARGETS).join('|')}`);
  process.exit(2);
}
const ROOT = join(import.meta.dirname, '..');
const BASE = process.env.BENCH_BASE ?? 'main';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const INPUTS = (process.env.BENCH_INPUTS ?? 'huaian,001,mb').split(',');
const tmp = mkdtempSync(join(tmpdir(), 'bench-ab-'));
const require = createRequire(import.meta.url);

/** The tree's target function (and this tree's syntheticReport), bundled and minified into tmp/<name>.js. */
async function bundle(tree, name, exports) {
  const entry = join(tree, `bench-ab-entry-${name}.ts`);
  writeFileSync(entry, exports);
  const outfile = join(tmp, `${name}.js`);
  try {
    // nodePaths: the base tree is an archive in tmp, without node_modules of its own.
    await build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', outfile, nodePaths: [join(ROOT, 'node_modules')] });
  } finally {
    rmSync(entry);
  }
  return require(outfile);
}

try {
  const baseTree = join(tmp, 'base');
  execSync(`mkdir -p ${baseTree} && git -C ${ROOT} archive ${BASE} server/src tsconfig.json | tar -x -C ${baseTree}`);
  const line = `export { ${target.fn} } from '${target.from}';\n`;
  const oldFn = (await bundle(baseTree, 'old', line))[target.fn];
  // Both sides bundled alike: the same entry (the synthetic report from a bundle of its own) and the
  // base's tsconfig.json (without it esbuild left out "use strict" on the old side only; with
  // identical code the new side then measured 1.08–1.11 times the old on 1 MB).
  const newFn = (await bundle(ROOT, 'new', line))[target.fn];
  const fresh = await bundle(ROOT, 'synth', `export { syntheticReport } from './scripts/synthetic';\n`);
  const SAMPLES = join(ROOT, 'test', 'fixtures', 'samples');
  const sample = (prefix) => {
    const file = readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
    return readFileSync(join(SAMPLES, file), 'utf8').replace(/^\uFEFF/, '');
  };
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  // The 10th percentile: on a loaded host the lower envelope moves least with the neighbours (A/A runs
  // of 200 single 1 MB parses gave median ratios 0.96–1.05 with quartiles 0.7–1.6, and the fastest runs within 2%).
  const p10 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 10)];
  console.log(`${target.fn} CPU ms per ${target.unit}, ${BASE} (old) vs this tree (new), ${ROUNDS} paired rounds (node ${process.version})`);
  for (const input of INPUTS) {
    const text = input === 'mb' ? fresh.syntheticReport(SAMPLES, 1024 * 1024) : sample(input);
    const block = input === 'mb' ? Number(process.env.BENCH_MB_BLOCK ?? (target.fn === 'analyze' ? 1 : 3)) : Number(process.env.BENCH_BLOCK ?? 200);
    for (let i = 0; i < block; i++) { oldFn(text); newFn(text); }
    const run = (fn) => {
      const c0 = process.cpuUsage();
      for (let i = 0; i < block; i++) fn(text);
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000 / block;
    };
    const o = [];
    const n = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2) { o.push(run(oldFn)); n.push(run(newFn)); } else { n.push(run(newFn)); o.push(run(oldFn)); }
    }
    const ratios = o.map((x, i) => n[i] / x).sort((a, b) => a - b);
    const q = (p) => ratios[Math.floor(p * (ratios.length - 1))].toFixed(2);
    console.log(`  ${input.padEnd(7)} old ${med(o).toFixed(3)} ms (fastest ${Math.min(...o).toFixed(3)})  new ${med(n).toFixed(3)} ms (fastest ${Math.min(...n).toFixed(3)})  new/old median ${q(0.5)} (quartiles ${q(0.25)}–${q(0.75)})  p10 new/old ${(p10(n) / p10(o)).toFixed(3)}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
