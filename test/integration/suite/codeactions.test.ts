// Quick fixes, applied through the real editor API, repair the diagnostic they were offered for.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, describeDiags, waitForDiagnostics, wsUri, openUntitled } from './helpers';

/** An untitled copy of a workspace sample: fixes edit it without touching the files other tests read. */
async function untitledCopy(name: string): Promise<vscode.TextDocument> {
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(name)));
  return (await openUntitled('plaintext', content)).document;
}

/** Quick fixes offered for one diagnostic (edits resolved). */
async function quickFixesFor(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, 100);
  return (all ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a)
    .filter((a) => !a.kind || vscode.CodeActionKind.QuickFix.contains(a.kind))
    .filter((a) => !a.diagnostics || a.diagnostics.some((x) => codeOf(x) === codeOf(d) && x.range.isEqual(d.range)));
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `"${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

suite('quick fixes', () => {
  suiteSetup(async () => { await activate(); });

  test('003: the GR001 fix inserts the missing heading and the diagnostic goes away', async () => {
    const doc = await untitledCopy('sample-003.txt');
    const before = await waitForDiagnostics(doc.uri, (ds) => ds.filter((x) => codeOf(x) === 'GR001').length === 2, 30_000, 'two GR001');
    const target = before.find((x) => codeOf(x) === 'GR001')!;
    const fixes = await quickFixesFor(doc.uri, target);
    assert.ok(fixes.length > 0, `no quick fix for ${describeDiags([target])}`);
    const linesBefore = doc.lineCount;
    await apply(fixes[0]!);
    assert.ok(doc.lineCount > linesBefore || doc.isDirty, 'the fix did not change the document');
    const after = await waitForDiagnostics(doc.uri, (ds) => ds.filter((x) => codeOf(x) === 'GR001').length === 1,
      30_000, 'one GR001 left after the fix');
    assert.equal(after.filter((x) => codeOf(x) === 'GR001').length, 1);
    // Repair the second one too: the report then has every section heading.
    const second = after.find((x) => codeOf(x) === 'GR001')!;
    const fixes2 = await quickFixesFor(doc.uri, second);
    assert.ok(fixes2.length > 0, 'no quick fix for the second GR001');
    await apply(fixes2[0]!);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => codeOf(x) === 'GR001'), 30_000, 'no GR001 left');
    const lines = doc.getText().split(/\r?\n/).map((l) => l.replace(/^[\s\u3000]+/, ''));
    for (const h of ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) {
      assert.equal(lines.filter((l) => l.startsWith(h)).length, 1, `heading ${h} inserted once`);
    }
    assert.ok(lines.indexOf(lines.find((l) => l.startsWith('三、收到'))!) < lines.indexOf(lines.find((l) => l.startsWith('四、政府'))!), '三 before 四');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
