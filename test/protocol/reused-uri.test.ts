/**
 * VS Code reuses `untitled:Untitled-1` once the document of that name is closed, and the new
 * document starts again at version 1. The server must then check the NEW text: nothing it kept for
 * the old document (cached parse, incremental state, a run in flight, the published-diagnostics
 * memo) may stand in for it. Each scenario's final diagnostics are compared with what a fresh URI
 * holding the same text gets.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ensureBuilt, readSample, sleep, TestClient } from './client';

const U = 'untitled:Untitled-1';

/** Diagnostics with the document's uri taken out of related information (two uris are compared). */
function comparable(p: PublishDiagnosticsParams): Diagnostic[] {
  return JSON.parse(JSON.stringify(p.diagnostics).split(JSON.stringify(p.uri).slice(1, -1)).join('<doc>')) as Diagnostic[];
}

const pos = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
};

describe('a reused untitled URI (close, then open again at version 1 with other text)', () => {
  let client: TestClient;
  let n = 0;
  const a = readSample('huaian').text; // a clean-ish 2024 report
  const b = readSample('004_pingtan').text; // another body, another year, other findings
  // b with a sentence typed at its end and its year changed in the title: two incremental edits.
  const b2 = b.replace('2020', '2021') + '\n补充说明。';

  /** What a fresh document holding `text` is told (the reference). */
  async function reference(text: string): Promise<Diagnostic[]> {
    const uri = `file:///ref/${++n}.txt`;
    client.open(uri, text, 'plaintext', 1);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1, 30000);
    client.close(uri);
    return comparable(p);
  }

  /** The last publish for U once the server has been quiet (debounce, idle check) for a while. */
  async function settled(from: number, version: number): Promise<PublishDiagnosticsParams> {
    await client.waitForDiagnostics(U, (p) => p.version === version, 30000, from);
    await sleep(900);
    const all = client.publishes.slice(from).filter((p) => p.uri === U);
    return all[all.length - 1]!;
  }

  let refA: Diagnostic[];
  let refB: Diagnostic[];
  let refB2: Diagnostic[];

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize();
    refA = await reference(a);
    refB = await reference(b);
    refB2 = await reference(b2);
    assert.notDeepEqual(refA, refB, 'the two reports must be told different things');
    assert.notDeepEqual(refB, refB2);
  });

  after(async () => {
    await client.stop();
  });

  it('after the first report was checked: the second is checked, not the first again', async () => {
    client.open(U, a, 'plaintext', 1);
    assert.deepEqual(comparable(await settled(0, 1)), refA);
    client.close(U);
    const from = client.publishes.length;
    client.open(U, b, 'plaintext', 1);
    assert.deepEqual(comparable(await settled(from, 1)), refB);
    // the editor's features read the new text too
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: U } });
    assert.match(JSON.stringify(syms), /一、/);
    client.close(U);
  });

  it('closed and reopened while the first check is still running', async () => {
    client.open(U, a, 'plaintext', 1);
    await sleep(5); // the run for `a` has started (opened documents are checked at once)
    client.close(U);
    const from = client.publishes.length;
    client.open(U, b, 'plaintext', 1);
    assert.deepEqual(comparable(await settled(from, 1)), refB);
    client.close(U);
  });

  it('edits before the close, none after', async () => {
    client.open(U, a, 'plaintext', 1);
    await client.waitForDiagnostics(U, (p) => p.version === 1, 30000, client.publishes.length);
    client.change(U, 2, [{ range: { start: pos(a, 0), end: pos(a, 0) }, text: '草稿：' }]);
    client.change(U, 3, [{ range: { start: pos(a, 3), end: pos(a, 3) }, text: '修改稿' }]);
    await sleep(50);
    client.close(U);
    const from = client.publishes.length;
    client.open(U, b, 'plaintext', 1);
    assert.deepEqual(comparable(await settled(from, 1)), refB);
    client.close(U);
  });

  it('incremental edits right after the re-open apply to the new text', async () => {
    client.open(U, a, 'plaintext', 1);
    await client.waitForDiagnostics(U, (p) => p.version === 1, 30000, client.publishes.length);
    client.close(U);
    const from = client.publishes.length;
    client.open(U, b, 'plaintext', 1);
    const at = b.indexOf('2020');
    client.change(U, 2, [{ range: { start: pos(b, at), end: pos(b, at + 4) }, text: '2021' }]);
    const bMid = b.slice(0, at) + '2021' + b.slice(at + 4);
    client.change(U, 3, [{ range: { start: pos(bMid, bMid.length), end: pos(bMid, bMid.length) }, text: '\n补充说明。' }]);
    assert.deepEqual(comparable(await settled(from, 3)), refB2);
    client.close(U);
  });

  it('opened again without a close in between (a client that sent them out of order): the new text wins', async () => {
    client.open(U, a, 'plaintext', 1);
    await client.waitForDiagnostics(U, (p) => p.version === 1, 30000, client.publishes.length);
    const from = client.publishes.length;
    client.open(U, b, 'plaintext', 1);
    assert.deepEqual(comparable(await settled(from, 1)), refB);
    client.close(U);
  });

  it('opened again (no close) with text that is not a report: the first report’s diagnostics are cleared', async () => {
    client.open(U, a, 'plaintext', 1);
    await client.waitForDiagnostics(U, (p) => p.version === 1 && p.diagnostics.length > 0, 30000, client.publishes.length);
    const from = client.publishes.length;
    client.open(U, '购物清单：苹果、牛奶。', 'plaintext', 1);
    // Waits for the clearing publish (a fixed sleep failed on a busy machine), then for anything later.
    await client.waitForDiagnostics(U, (p) => p.diagnostics.length === 0, 30000, from);
    await sleep(900);
    const last = client.publishes.slice(from).filter((p) => p.uri === U).pop();
    assert.deepEqual(last?.diagnostics, [], 'the old diagnostics must be cleared');
    client.close(U);
  });
});
