#!/usr/bin/env node
/**
 * CLI on many reports (issue 13): copies of the samples with distinct body names in a temp folder,
 * `dist/cli.js check` timed single-threaded (--jobs 1) and with the automatic worker threads.
 * Goal: 1000 reports ≤ 3 s wall on 2 cores. Prints wall times; asserts nothing.
 *   node scripts/bench-cli.mjs [count]      (run `npm run build` first; `npm run bench` calls it)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? process.env.BENCH_CLI_FILES ?? 1000);
const samples = join(root, 'test', 'fixtures', 'samples');
const texts = readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(samples, f), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-cli-'));
try {
  for (let i = 0; i < count; i++) {
    const lines = texts[i % texts.length].split('\n');
    const k = Math.max(0, lines.findIndex((l) => /政府信息公开/.test(l)));
    lines[k] = `测试${i}号${lines[k]}`; // a distinct body per copy
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.txt`), lines.join('\n'));
  }
  const cli = join(root, 'dist', 'cli.js');
  console.log(`\nCLI check on ${count} reports (${availableParallelism()} CPUs; goal ≤ 3 s wall on 2 cores for 1000):`);
  for (const [label, args] of [['--jobs 1', ['--jobs', '1']], ['automatic', []]]) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'check', '--quiet', ...args, dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`  ${label.padEnd(10)} ${(wall / 1000).toFixed(2)} s wall, exit ${r.status}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
