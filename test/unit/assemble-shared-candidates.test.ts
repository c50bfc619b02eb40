// The space-aligned label assembler (parse/tables/assemble.ts) shares the candidate lists its labels
// open with across tables and parses (memoised per list and fragment text, forgotten past a bound).
// A label that narrowed a shared list in place would change what a later table reads: every sample
// read after all the others (and after enough distinct fragments to empty the memo) must read as it
// did first.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { Assembler, type Cand } from '../../server/src/core/parse/tables/assemble';
import { SAMPLES_DIR, sample } from './helpers';

const tablesOf = (text: string): string =>
  JSON.stringify(parseReport(text).tables, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

describe('assembler: shared candidate lists', () => {
  it('every sample reads the same after all the others were read', () => {
    const texts = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).map((f) => sample(f.replace(/\.txt$/, '')));
    const first = texts.map(tablesOf);
    // Many distinct fragments in between, so that the memo is emptied at least once.
    const a = new Assembler<null>([{ id: 'x', full: 'x', num: null, rank: 0, ref: null }] as Cand<null>[]);
    for (let i = 0; i < 2000; i++) a.feed({ text: `x${i}`, start: 0, end: 0, line: i, x: 0, asm: null, label: null });
    const again = texts.map(tablesOf);
    assert.ok(first.length > 5);
    for (let i = 0; i < texts.length; i++) assert.equal(again[i], first[i], `sample ${i}`);
  });

  it('a label narrowing its candidates leaves the list another label opened with as it was', () => {
    const cands: Cand<number>[] = ['abcd', 'abce', 'abx'].map((full, i) => ({ id: full, full, num: null, rank: i, ref: i }));
    const asm = new Assembler(cands);
    const frag = (text: string, line: number) => ({ text, start: 0, end: 0, line, x: 0, asm: null, label: null });
    const L1 = asm.feed(frag('ab', 0))!;
    const opened = L1.cands;
    const copy = [...opened];
    asm.feed(frag('cd', 1));
    assert.deepEqual(L1.cands.map((c) => c.full), ['abcd']);
    assert.deepEqual(opened, copy);
    const other = new Assembler(cands);
    const L2 = other.feed(frag('ab', 0))!;
    assert.deepEqual(L2.cands.map((c) => c.full), ['abcd', 'abce', 'abx']);
  });
});
