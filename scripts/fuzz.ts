/**
 * Fuzzing the checker with mutated real reports (seeded: the same seed gives the same mutants).
 *   npm run fuzz                              # 2 000 mutants, seed 1
 *   npm run fuzz -- --count 100000 --seed 7
 * Every mutant must analyse without an exception or internal error, give valid ranges (findings,
 * related information, fix edits), the same output twice, and take no longer than
 * max(--floor ms, --factor × the clean samples' median time per MB × its size). Failing mutants
 * are written to a temporary folder; exit code 1 when any failed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { baselineMsPerMb, check, cleanOfSize, loadCorpus, mutant, pathologicalInputs } from './fuzz-lib';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const count = arg('count', 2000);
const seed = arg('seed', 1);
const factor = arg('factor', 20);
const floor = arg('floor', 100);

const corpus = loadCorpus();
const baseline = baselineMsPerMb(corpus);
console.log(`fuzz: ${count} mutants, seed ${seed}; clean samples ${baseline.toFixed(1)} ms/MB; bound max(${floor} ms, ${factor} × that × size)`);

let failed = 0;
let slow = 0;
let bytes = 0;
let totalMs = 0;
let worst = { ratio: 0, ms: 0, mb: 0, i: -1 };
let findings = 0;
const kinds = new Map<string, number>();
let outDir: string | null = null;
const save = (i: number, text: string, peer: string | undefined, why: string[]) => {
  outDir ??= mkdtempSync(join(tmpdir(), 'govreport-fuzz-'));
  writeFileSync(join(outDir, `${seed}-${i}.txt`), text);
  if (peer !== undefined) writeFileSync(join(outDir, `${seed}-${i}.peer.txt`), peer);
  writeFileSync(join(outDir, `${seed}-${i}.why.txt`), why.join('\n'));
};
const t0 = Date.now();
for (let i = 0; i < count; i++) {
  const m = mutant(corpus, seed, i);
  const r = check(m);
  const mb = Buffer.byteLength(m.text) / 1e6;
  bytes += mb;
  totalMs += r.ms;
  findings += r.findings;
  const bound = Math.max(floor, factor * baseline * mb);
  if (r.ms / bound > worst.ratio) worst = { ratio: r.ms / bound, ms: r.ms, mb, i };
  const why = [...r.problems];
  if (r.ms > bound) { slow++; why.push(`slow: ${r.ms.toFixed(0)} ms > ${bound.toFixed(0)} ms for ${mb.toFixed(3)} MB`); }
  if (why.length) {
    failed++;
    for (const w of why) { const k = w.replace(/\d+/g, 'N').slice(0, 70); kinds.set(k, (kinds.get(k) ?? 0) + 1); }
    if (failed <= 50) { save(i, m.text, m.peer, why); console.log(`#${i}: ${why[0]}`); }
  }
  if ((i + 1) % 1000 === 0) console.log(`  ${i + 1} mutants, ${failed} failed, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`\n${count} mutants (${bytes.toFixed(1)} MB, ${findings} findings) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`analysis: ${(totalMs / bytes).toFixed(1)} ms/MB over all mutants; worst ${worst.ms.toFixed(1)} ms for ${(worst.mb * 1000).toFixed(1)} KB (#${worst.i}, ${(worst.ratio * 100).toFixed(0)}% of its bound)`);
console.log(`failed: ${failed} (slow: ${slow})`);

// The inputs of issue 12, each against a clean report of the same size (best of 3 runs each).
const best = (text: string) => { let ms = Infinity; for (let k = 0; k < 3; k++) { const t = performance.now(); analyze(text); ms = Math.min(ms, performance.now() - t); } return ms; };
console.log(`\npathological inputs (bound: max(${floor} ms, ${factor / 4} × a clean report of the same size)):`);
for (const p of pathologicalInputs()) {
  const bytes = Buffer.byteLength(p.text);
  const ms = best(p.text);
  const clean = best(cleanOfSize(corpus, bytes));
  const bound = Math.max(floor, (factor / 4) * clean);
  const r = check({ text: p.text, seed: -1 });
  const ok = ms <= bound && r.problems.length === 0;
  if (!ok) failed++;
  console.log(`  ${ok ? 'ok ' : 'BAD'} ${p.name.padEnd(30)} ${(bytes / 1e6).toFixed(2)} MB: ${ms.toFixed(0)} ms (clean ${clean.toFixed(0)} ms, bound ${bound.toFixed(0)} ms)${r.problems.length ? ` ${r.problems[0]}` : ''}`);
}
for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${k}`);
if (outDir) console.log(`failing mutants written to ${outDir}`);
process.exit(failed ? 1 : 0);
