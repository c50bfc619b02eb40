// A short seeded fuzz run (the long one: npm run fuzz -- --count 100000). No timing here: the
// time bound is checked by scripts/fuzz.ts only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, loadCorpus, mutant, rangeProblem } from '../../scripts/fuzz-lib';

describe('fuzz (short seeded run)', () => {
  it('rangeProblem catches reversed, out-of-bounds and pair-splitting ranges', () => {
    assert.equal(rangeProblem('ab😀c', 0, 4), null);
    assert.match(rangeProblem('ab😀c', 3, 2)!, /ends before/);
    assert.match(rangeProblem('ab😀c', 0, 6)!, /outside/);
    assert.match(rangeProblem('ab😀c', 3, 4)!, /surrogate/);
  });

  it('the mutator is deterministic per seed and index', () => {
    const corpus = loadCorpus();
    assert.deepEqual(mutant(corpus, 3, 17), mutant(corpus, 3, 17));
    assert.notDeepEqual(mutant(corpus, 3, 17).text, mutant(corpus, 3, 18).text);
  });

  it('60 mutants of the real samples: no exception, valid ranges, same output twice', () => {
    const corpus = loadCorpus();
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = check(mutant(corpus, 20261201, i));
      if (r.problems.length) failures.push(`#${i}: ${r.problems.join('; ')}`);
    }
    assert.deepEqual(failures, []);
  });
});
