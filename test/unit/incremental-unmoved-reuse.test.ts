/**
 * What lies before an edit is reused as it is, not copied: a table rule's report whose spans, related
 * information and fix edits (at hand) all end before the edit (incremental/ruleCache.ts unmoved), and
 * the prose facts of a sentence the prose cache keeps as the same object (incremental/factsCache.ts
 * asIs, after the sentence got an entry of its own). Each version must still equal the full analysis:
 * reused where something moved, a finding or a fact would point at the old offsets and differ here.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { IncrementalDocument } from '../../server/src/core/incremental/analyzer';
import { TABLE_RULES } from '../../server/src/core/incremental/ruleCache';
import type { Finding } from '../../server/src/core/types';
import { parseReport } from '../../server/src/core/parse/report';
import { extractFacts, type CountFact } from '../../server/src/core/prose/facts';
import { said, sample } from './helpers';

/** The end of line 3 of the copy starting at `from`: prose, clear of every table. */
function lineThreeEnd(text: string, from: number): number {
  let at = from;
  for (let k = 0; k < 3; k++) at = text.indexOf('\n', at + 1);
  return at;
}

/** Two copies of a sample: the first one's tables and sentences lie before an edit in the second. */
function twice(name: string): { text: string; second: number } {
  const base = sample(name);
  return { text: `${base}\n${base}`, second: base.length + 1 };
}

/** Table-rule findings ending before `at` whose fixes' edits are at hand (replayed as they are, or copied). */
const tableFindingsBefore = (a: Analysis, at: number): Finding[] => a.findings.filter((f) => TABLE_RULES.has(f.code) && f.span.end < at
  && f.fixes?.length && f.fixes.every((x) => Object.prototype.hasOwnProperty.call(x, 'edits')));

test('edits after a table: its reports are replayed as they are; an edit before it moves them; always the full analysis', () => {
  const { text, second } = twice('001_41ca7fe939626b0f'); // table findings with fixes at hand (GR011, GR108)
  const at = lineThreeEnd(text, second);
  const versions = [1, 0, 1, 2, 1, 0].map((n) => text.slice(0, at) + '。'.repeat(n) + text.slice(at));
  const doc = new IncrementalDocument();
  doc.analyze(text);
  let prev: Analysis | null = null;
  let shared = 0;
  for (const [i, v] of versions.entries()) {
    const a = doc.analyze(v);
    assert.equal(said(a), said(analyze(v)), `version ${i}`);
    assert.ok(doc.rules.stats.reused > 0, `version ${i}: the table rules replayed`);
    if (prev) {
      const before = tableFindingsBefore(prev, at);
      const now = tableFindingsBefore(a, at);
      assert.equal(now.length, before.length);
      for (let k = 0; k < now.length; k++) if (now[k]!.fixes === before[k]!.fixes) shared++;
    }
    prev = a;
  }
  assert.ok(shared >= 5, `reports before the edit replayed as they are (${shared})`);
  // An edit ahead of every table: everything moves, nothing may be reused as it is.
  const early = lineThreeEnd(text, 0);
  const moved = text.slice(0, early) + '。。' + text.slice(early);
  const a = doc.analyze(moved);
  assert.equal(said(a), said(analyze(moved)));
  for (const f of tableFindingsBefore(a, at)) {
    for (const g of tableFindingsBefore(prev!, at)) assert.notEqual(f.fixes, g.fixes, 'a moved report is a copy');
  }
});

test('edits after a sentence: its facts are reused as the same objects from the second edit on; an edit before it moves them', () => {
  const { text, second } = twice('huaian');
  const at = lineThreeEnd(text, second);
  const versions = [1, 0, 1, 0, 2].map((n) => text.slice(0, at) + '。'.repeat(n) + text.slice(at));
  const doc = new IncrementalDocument();
  doc.facts.extract(doc.model(text));
  let prevCounts: CountFact[] = [];
  const shared: number[] = [];
  for (const [i, v] of versions.entries()) {
    const facts = doc.facts.extract(doc.model(v));
    assert.deepStrictEqual(facts, extractFacts(parseReport(v)), `version ${i}`);
    // Equal is not enough: a fact must point at this version's sentence object, not an equal old one.
    const current = new Set(facts.prose.sentences);
    assert.ok(facts.counts.every((c) => current.has(c.sentence)) && facts.breakdowns.every((b) => current.has(b.sentence) && current.has(b.totalSentence)), `version ${i}: facts point at the current sentences`);
    const head = facts.counts.filter((c) => c.numberSpan.end < at);
    assert.ok(head.length >= 3, 'the first copy has count facts');
    shared.push(head.filter((c) => prevCounts.includes(c)).length);
    prevCounts = head;
  }
  assert.equal(shared[0], 0);
  assert.ok(shared.slice(2).every((n) => n === prevCounts.length), `from the second edit on, every fact before the edit is the same object (${shared.join(' ')})`);
  const early = lineThreeEnd(text, 0);
  const moved = text.slice(0, early) + '。' + text.slice(early);
  const facts = doc.facts.extract(doc.model(moved));
  assert.deepStrictEqual(facts, extractFacts(parseReport(moved)));
  assert.ok(!facts.counts.some((c) => prevCounts.includes(c)), 'moved facts are copies');
});

test('a sentence moved back to where its facts were read (typed, then deleted) gets facts pointing at it, not at the old sentence', () => {
  const text = sample('huaian');
  const at = lineThreeEnd(text, 0);
  const doc = new IncrementalDocument();
  doc.facts.extract(doc.model(text));
  for (const [i, n] of [1, 0, 1, 0].entries()) {
    const v = text.slice(0, at) + '。'.repeat(n) + text.slice(at);
    const facts = doc.facts.extract(doc.model(v));
    assert.deepStrictEqual(facts, extractFacts(parseReport(v)), `version ${i}`);
    const current = new Set(facts.prose.sentences);
    assert.ok(facts.counts.length > 0 && facts.counts.every((c) => current.has(c.sentence)), `version ${i}: facts point at the current sentences`);
  }
});
