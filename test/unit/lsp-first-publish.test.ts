/** The workspace scan waits for the first publish of an opened report (lsp/firstPublish.ts). */
import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { FirstPublish } from '../../server/src/lsp/firstPublish';

it('reached() resolves at the first publish, not before', async () => {
  const fp = new FirstPublish();
  let done = false;
  const p = fp.reached(60_000).then(() => { done = true; });
  await new Promise((r) => setImmediate(r));
  assert.equal(done, false, 'waits while nothing was published');
  fp.published();
  await p;
  assert.equal(done, true);
  fp.published(); // later publishes are harmless
  await fp.reached(60_000); // and once reached, it resolves at once
});

it('reached() gives up after maxWaitMs when no report is opened', async () => {
  const fp = new FirstPublish();
  let done = false;
  const p = fp.reached(5).then(() => { done = true; });
  assert.equal(done, false);
  await p;
  assert.equal(done, true);
});

it('reached() waits until the first publish is written (sent or failed), not just asked for', async () => {
  for (const outcome of ['written', 'failed'] as const) {
    const fp = new FirstPublish();
    let done = false;
    const p = fp.reached(60_000).then(() => { done = true; });
    let settle!: () => void;
    fp.published(new Promise<void>((res, rej) => { settle = outcome === 'written' ? res : () => rej(new Error('pipe closed')); }));
    fp.published(Promise.resolve()); // a later publish, written at once, does not count
    await new Promise((r) => setImmediate(r));
    assert.equal(done, false, `${outcome}: still being written`);
    settle();
    await p;
    assert.equal(done, true, outcome);
  }
});
