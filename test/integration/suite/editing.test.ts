// Editing: untitled documents are checked too, and a burst of small edits ends with the diagnostics of
// the last version (no stale publication wins).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, codes, describeDiags, roundTrip, waitForDiagnostics, wsUri, openUntitled } from './helpers';

async function sampleText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(name)));
}

suite('editing', () => {
  suiteSetup(async () => { await activate(); });

  test('an untitled plaintext document with report content lights up', async () => {
    const content = await sampleText('sample-000.md');
    const { document: doc } = await openUntitled('plaintext', content);
    const ds = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => codeOf(x) === 'GR010').length === 3, 30_000, 'three GR010');
    assert.deepEqual(ds.filter((x) => codeOf(x) === 'GR010').map((d) => d.range.start.line), [8, 9, 10]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('30 single-character edits in a row end with the diagnostics of the last version', async () => {
    // Sample 000 with the heading 六 broken ("六、其他…" -> "其他…"): GR001 for 六 until the very last edit
    // puts "、" back. 28 characters are typed into section 五 first, then "六", then "、".
    const original = await sampleText('sample-000.md');
    const broken = original.replace(/^六、其他需要报告的事项/m, '其他需要报告的事项');
    assert.notEqual(broken, original);
    const editor = await openUntitled('plaintext', broken);
    const doc = editor.document;
    const first = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR001'), 30_000, 'GR001 for the broken 六');
    const sixLine = doc.getText().split('\n').findIndex((l) => l.startsWith('其他需要报告的事项'));
    assert.ok(sixLine > 0);
    assert.ok(first.some((x) => codeOf(x) === 'GR001'), describeDiags(first));

    const filler = '本机关将继续做好政府信息公开工作并接受社会监督欢迎批评指';
    assert.equal(filler.length, 28);
    const fiveEnd = doc.lineAt(sixLine - 1).range.end; // end of the last paragraph of 五
    let version = doc.version;
    for (let i = 0; i < filler.length; i++) {
      const ok = await editor.edit((e) => e.insert(fiveEnd.translate(0, i), filler[i]!), { undoStopBefore: false, undoStopAfter: false });
      assert.ok(ok, `edit ${i} refused`);
    }
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(sixLine, 0), '六')));
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(sixLine, 1), '、')));
    assert.equal(doc.version, version + 30, 'thirty versions');
    assert.ok(doc.lineAt(sixLine).text.startsWith('六、其他需要报告的事项'));

    // The final version has the headings of the original: its diagnostics are the original's (GR010 x3).
    const isFinal = (d: vscode.Diagnostic[]) => !d.some((x) => codeOf(x) === 'GR001') && d.filter((x) => codeOf(x) === 'GR010').length === 3;
    await waitForDiagnostics(doc.uri, isFinal, 30_000, 'the diagnostics of the last version');
    // A later request is answered after every earlier notification: no stale publication may follow.
    await roundTrip(doc.uri);
    const settled = vscode.languages.getDiagnostics(doc.uri);
    assert.ok(isFinal(settled.filter((x) => /^GR/.test(codeOf(x)))), `after the round trip: ${describeDiags(settled)}`);
    assert.deepEqual(settled.filter((x) => codeOf(x) === 'GR010').map((d) => d.range.start.line), [8, 9, 10]);
    assert.ok(!codes(settled).includes('GR001'));
    version = doc.version;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
