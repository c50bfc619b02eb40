/**
 * The CLI's deferred optimising compiler (cli/tiering.ts): off from the entry point until the
 * isolate has read OPTIMISE_AFTER_CHARS of text, then on for the rest of the run. Run in its own
 * process (node --test runs each file apart), so the flag changes touch no other test.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { deferOptimisation, noteRead, optimisationDeferred, OPTIMISE_AFTER_CHARS } from '../../server/src/cli/tiering';
import { analyze } from '../../server/src/core/index';
import { sample } from './helpers';

describe('CLI tiering', () => {
  it('counts nothing until deferred, then switches back on at the threshold', () => {
    noteRead(OPTIMISE_AFTER_CHARS * 2);
    assert.equal(optimisationDeferred(), false);
    deferOptimisation();
    assert.equal(optimisationDeferred(), true);
    noteRead(OPTIMISE_AFTER_CHARS - 1);
    assert.equal(optimisationDeferred(), true);
    noteRead(1);
    assert.equal(optimisationDeferred(), false);
    noteRead(OPTIMISE_AFTER_CHARS);
    assert.equal(optimisationDeferred(), false);
  });

  it('gives the same findings with the optimising compiler off', () => {
    const text = sample('huaian');
    const before = JSON.stringify(analyze(text).findings);
    deferOptimisation();
    try {
      for (let i = 0; i < 3; i++) assert.equal(JSON.stringify(analyze(text).findings), before);
    } finally {
      noteRead(OPTIMISE_AFTER_CHARS);
    }
  });
});
