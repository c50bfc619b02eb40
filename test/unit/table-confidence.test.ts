// One answer to "how far can this table be trusted": tableConfidence. readConfidently is its
// `computed` part, and a table that is not computed never has its arithmetic checked or fixed.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { specOf } from '../../server/src/core/tables/checked';
import { readConfidently, tableConfidence } from '../../server/src/core/tables/confidence';
import { FORMATS } from '../../server/src/core/standard/versions';
import { SAMPLES_DIR, sample } from './helpers';

const names = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt'));

describe('tableConfidence is the one answer', () => {
  it('readConfidently(t) === tableConfidence(t).computed, with or without a spec, on every sample table', () => {
    let notComputed = 0;
    let tables = 0;
    for (const name of names) {
      const m = analyze(sample(name.replace(/\.txt$/, ''))).model;
      for (const t of m.tables) {
        tables++;
        const alone = tableConfidence(t);
        assert.equal(readConfidently(t), alone.computed, name);
        const spec = specOf(t, FORMATS['2021']);
        if (!spec) continue;
        const full = tableConfidence(t, spec, m.tables);
        assert.equal(full.computed, alone.computed, name);
        if (!full.computed) {
          notComputed++;
          assert.equal(full.arithmetic, false, `${name}: arithmetic on a table read without confidence`);
          assert.equal(full.fixes, false, `${name}: safe fixes on a table read without confidence`);
          assert.ok(full.reasons.includes('unsure') || full.reasons.includes('unreadable'), JSON.stringify(full));
        }
      }
    }
    assert.ok(tables > 20, `only ${tables} tables read`);
    assert.ok(notComputed > 0, 'no sample table is read without confidence: the test would prove nothing');
  });

});
