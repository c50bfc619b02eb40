/**
 * Editor behaviour over LSP that #14 promises: govreport.run = onSave (edits do not re-check, a
 * save does; onType as the control) and 修复全部 in the quick-fix menu (only=quickfix), whose edit
 * yields exactly the fix-all text of the core and of source.fixAll.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeFixAll } from '../../server/src/core/features/fixAll';
import { ensureBuilt, readSample, sleep, TestClient } from './client';

const FIX_ALL_TITLE = '修复全部可安全修复的问题（govreport）';
const HEADING = '二、主动公开政府信息情况';

function editsOf(a: CodeAction, uri: string): TextEdit[] {
  const e = a.edit!;
  return (e.changes?.[uri] ?? (e.documentChanges?.[0] as { edits: TextEdit[] }).edits);
}

/** The edit that deletes the line holding `heading` (so GR001 appears for it). */
function deleteHeading(text: string, heading: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const line = text.split('\n').findIndex((l) => l.trim() === heading);
  assert.ok(line > 0, `no line ${heading}`);
  return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' };
}

const hasGr001 = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'GR001');

describe('govreport.run and 修复全部 over LSP', () => {
  let client: TestClient;
  const { text } = readSample('003');

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize({ locale: 'zh-cn' });
  });
  after(async () => { await client.stop(); });

  /** Publishes for `uri` after `from` that carry `version` (none expected while onSave holds them back). */
  const publishedFor = (uri: string, version: number, from: number) => client.publishes.slice(from).filter((p) => p.uri === uri && p.version === version);

  it('onType (control): deleting a section heading re-checks while typing', async () => {
    client.settings = { run: 'onType' };
    const uri = 'file:///reports/ontype.txt';
    client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, () => true, 8000);
    assert.ok(!hasGr001(first) || first.diagnostics.filter((d) => d.code === 'GR001').length === 2, 'baseline');
    const before = first.diagnostics.filter((d) => d.code === 'GR001').length;
    const from = client.publishes.length;
    client.change(uri, 2, [deleteHeading(text, HEADING)]);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 2, 8000, from);
    assert.equal(p.diagnostics.filter((d) => d.code === 'GR001').length, before + 1);
    client.close(uri);
  });

  it('onSave: no diagnostics while typing; the save re-checks the current text', async () => {
    client.settings = { run: 'onSave' };
    const uri = 'file:///reports/onsave.txt';
    client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, () => true, 8000); // opening always checks
    const before = first.diagnostics.filter((d) => d.code === 'GR001').length;
    const from = client.publishes.length;
    client.change(uri, 2, [deleteHeading(text, HEADING)]);
    // A request answered after the change was handled, then several debounce periods (150 ms) of quiet.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await sleep(1000);
    assert.deepEqual(publishedFor(uri, 2, from), [], 'onSave: an edit published diagnostics');
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const saved = await client.waitForDiagnostics(uri, (x) => x.version === 2, 8000, from);
    assert.equal(saved.diagnostics.filter((d) => d.code === 'GR001').length, before + 1);
    client.close(uri);
    client.settings = {};
  });

  it('修复全部 is in the quick-fix menu (only=quickfix) and its edit is the fix-all text', async () => {
    const uri = 'file:///reports/fixall-quick.txt';
    client.open(uri, text);
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0, 8000);
    const expected = computeFixAll(text).text;
    assert.notEqual(expected, text, 'sample 003 has safe fixes');
    let fixAll: CodeAction | undefined;
    for (const d of p.diagnostics) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
      assert.ok(actions.every((a) => a.kind === 'quickfix'), 'only=quickfix answered with another kind');
      fixAll = actions.find((a) => a.title === FIX_ALL_TITLE);
      if (fixAll) break;
    }
    assert.ok(fixAll, 'no diagnostic of sample 003 offers 修复全部 among its quick fixes');
    assert.equal(fixAll.command, undefined, 'fix-all converged: no "stopped" notice');
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    const fixed = TextDocument.applyEdits(doc, editsOf(fixAll, uri));
    assert.equal(fixed, expected);
    // The source action (editor.codeActionsOnSave, 修复全部 in the source menu) writes the same text.
    const source = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(source.length, 1);
    assert.equal(TextDocument.applyEdits(doc, editsOf(source[0]!, uri)), expected);
    client.close(uri);
  });
});
