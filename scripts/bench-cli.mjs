#!/usr/bin/env node
/**
 * CLI on many reports (issue 13): copies of the samples with distinct body names in a temp folder,
 * `dist/cli.js check` timed single-threaded (--jobs 1) and with the automatic worker threads, and
 * autocorrect-node (`autocorrect --lint`, a devDependency with a prebuilt native binary) on the same
 * folder in the same run, for the per-file comparison. Goals: 1000 reports ≤ 3 s wall on 2 cores;
 * per file at least as fast as autocorrect-node. Prints wall times; asserts nothing.
 *   node scripts/bench-cli.mjs [count]      (run `npm run build` first; `npm run bench` calls it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? process.env.BENCH_CLI_FILES ?? 1000);
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

function timed(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status };
}

try {
  for (let i = 0; i < count; i++) {
    const lines = texts[i % texts.length].split('\n');
    const k = Math.max(0, lines.findIndex((l) => /政府信息公开/.test(l)));
    lines[k] = `测试${i}号${lines[k]}`; // a distinct body per copy
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.txt`), lines.join('\n'));
  }
  const cli = join(root, 'dist', 'cli.js');
  console.log(`\nCLI check on ${count} reports (${availableParallelism()} CPUs; goal ≤ 3 s wall on 2 cores for 1000):`);
  const ours = {};
  for (const [label, args] of [['--jobs 1', ['--jobs', '1']], ['automatic', []]]) {
    const r = timed([cli, 'check', '--quiet', ...args, dir]);
    ours[label] = r.wall;
    console.log(`  ${label.padEnd(10)} ${(r.wall / 1000).toFixed(2)} s wall (${(r.wall / count).toFixed(2)} ms per file), exit ${r.status}`);
  }
  const ac = autocorrectCli();
  if (!ac.cli) console.log(`  autocorrect-node: ${ac.reason}`);
  else {
    // autocorrect uses every CPU by default (--threads 0), as our automatic mode does.
    const r = timed([ac.cli, '--lint', '--quiet', '--format', 'json', dir]);
    const best = Math.min(ours['--jobs 1'], ours.automatic);
    console.log(`  autocorrect-node --lint ${(r.wall / 1000).toFixed(2)} s wall (${(r.wall / count).toFixed(2)} ms per file), exit ${r.status}; `
      + `govreport/autocorrect per file ${(best / r.wall).toFixed(2)} (goal ≤ 1) ${best <= r.wall ? 'met' : 'NOT MET'}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
