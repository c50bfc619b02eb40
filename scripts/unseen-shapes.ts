/**
 * `node --import tsx scripts/unseen-shapes.ts [sample-prefix…] [--all]`: every fixture sample in
 * every shape of test/unit/shapes.ts (PDF extraction, web copy, OCR, Word paste), analysed and
 * compared with the original. Prints, per variant, the findings it gains and loses by code (with
 * the messages of gained figure findings: each is either TRUE for the variant's text or a false
 * finding to fix). `--all` prints the gained messages of every code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { variantsOf } from '../test/unit/shapes';

const DIR = join(__dirname, '..', 'test', 'fixtures', 'samples');
/** Findings about figures: a new one on a variant must be true for the variant's text. */
export const FIGURE_CODES = /^GR(10[1-46]|11[01]|2\d\d|3\d\d)$/;

const args = process.argv.slice(2);
const all = args.includes('--all');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt') && (!only.length || only.some((p) => f.startsWith(p)))).sort();

// As the test compares: digits half-width, no spaces or invisible characters, a cut quoted sentence out.
const norm = (m: string) => m.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/“[^”]*…”/g, '“…”').replace(/[\s\u200b\u00a0]/g, '');
let gainedFigures = 0;
for (const f of files) {
  const text = readFileSync(join(DIR, f), 'utf8');
  const base = analyze(text).findings;
  const baseMsgs = new Set(base.map((x) => `${x.code} ${norm(x.message)}`));
  const count = (fs: typeof base) => fs.reduce((m, x) => m.set(x.code, (m.get(x.code) ?? 0) + 1), new Map<string, number>());
  const bc = count(base);
  console.log(`\n## ${f}  (${base.length} findings: ${[...bc].map(([c, n]) => `${c}×${n}`).join(' ')})`);
  for (const v of variantsOf(text)) {
    const t0 = performance.now();
    const got = analyze(v.text).findings;
    const ms = performance.now() - t0;
    const vc = count(got);
    const diff: string[] = [];
    for (const c of new Set([...bc.keys(), ...vc.keys()])) {
      const d = (vc.get(c) ?? 0) - (bc.get(c) ?? 0);
      if (d) diff.push(`${c}${d > 0 ? '+' : ''}${d}`);
    }
    console.log(`  ${v.name.padEnd(22)} ${ms.toFixed(0).padStart(4)} ms  ${diff.join(' ') || '='}`);
    for (const x of got) {
      if (baseMsgs.has(`${x.code} ${norm(x.message)}`)) continue;
      const fig = FIGURE_CODES.test(x.code);
      if (fig) gainedFigures++;
      if (fig || all) console.log(`      ${fig ? '!' : ' '} ${x.code} ${x.message.slice(0, 160)}`);
    }
  }
}
console.log(`\nnew figure findings (messages not in the original): ${gainedFigures}`);
