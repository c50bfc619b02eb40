// The status bar's click target (issue 14): turning checking off for one document removes its
// diagnostics at once, turning it on brings the same list back; other documents are untouched.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, describeDiags, openFile, ours, waitForDiagnostics } from './helpers';

suite('status bar: checking off and on', () => {
  suiteSetup(async () => { await activate(); });

  test('govreport.toggleChecking empties the document\'s diagnostics, then restores them', async () => {
    const { document: doc } = await openFile('sample-000.md');
    const before = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR010'), 20_000, 'GR010');
    const off = await vscode.commands.executeCommand<boolean>('govreport.toggleChecking', doc.uri);
    assert.equal(off, false, 'the command says checking is now off');
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 10_000, 'no diagnostics while off');
    assert.deepEqual(ours(doc.uri), []);
    const on = await vscode.commands.executeCommand<boolean>('govreport.toggleChecking', doc.uri);
    assert.equal(on, true);
    const after = await waitForDiagnostics(doc.uri, (d) => d.length > 0, 10_000, 'diagnostics back');
    assert.deepEqual(after.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort(), before.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort(), describeDiags(after));
  });
});
