/**
 * Replayed table-rule reports wrap their lazy fixes once per edit (incremental/ruleCache.ts); the
 * chain's length is counted per rule, and past MAX_LAZY_DEPTH replays the rule runs again. Fixes
 * read only after many edits, or after the rule ran again, must equal the full analysis's.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { IncrementalDocument } from '../../server/src/core/incremental/analyzer';
import { sample } from './helpers';

function fixesSaid(a: Analysis): string {
  const out: string[] = [];
  for (const f of a.findings) {
    for (const fix of f.fixes ?? []) {
      out.push(`${f.code} ${f.span.start}-${f.span.end} ${fix.title} ${fix.safe}`);
      for (const e of fix.edits) out.push(`  ${e.span.start}-${e.span.end} ${JSON.stringify(e.newText)}`);
    }
  }
  return out.join('\n');
}

/** Versions typed and deleted at the end of line 3: the tables below move, the table rules replay. */
function versions(text: string, n: number): string[] {
  const at = text.split('\n').slice(0, 3).join('\n').length;
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(text.slice(0, at) + '。'.repeat(i % 3) + text.slice(at));
  return out;
}

test('lazy fixes replayed over many edits, read only at the end, equal the full analysis; the chain ends by running the rule again', () => {
  const base = sample('huaian');
  const full = analyze(base);
  assert.ok(full.findings.some((f) => f.code === 'GR112' && f.fixes?.length), 'the sample has table rewrites with lazy fixes');
  const doc = new IncrementalDocument();
  doc.analyze(base);
  let ranAgain = 0;
  let last: Analysis | null = null;
  const vs = versions(base, 70);
  for (const v of vs) {
    last = doc.analyze(v);
    if (doc.rules.stats.ran > 0) ranAgain++;
  }
  assert.ok(ranAgain >= 2 && ranAgain <= 4, `table rules ran again ${ranAgain} times in ${vs.length} edits`);
  assert.equal(fixesSaid(last!), fixesSaid(analyze(vs[vs.length - 1]!)));
});

test('lazy fixes of every version in a chain, read out of order after the edits, equal the full analysis of that version', () => {
  const base = sample('huaian');
  const doc = new IncrementalDocument();
  doc.analyze(base);
  const vs = versions(base, 40);
  const got = vs.map((v) => doc.analyze(v));
  for (const i of [39, 0, 31, 32, 33, 17]) assert.equal(fixesSaid(got[i]!), fixesSaid(analyze(vs[i]!)), `version ${i}`);
});
