// Table checks in the editor: the arithmetic rules on the real sample 001, the clean huaian report,
// and the GR101 quick fix on a small Markdown T3 report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import {
  activate, codeOf, describeDiags, lineStartingWith, openAndWaitForPublish, openFile, waitForDiagnostics, wsUri, openUntitled,
} from './helpers';

const ARITHMETIC = /^GR10[1-4]$/;

suite('table checks', () => {
  suiteSetup(async () => { await activate(); });

  test('001: GR101/GR102 on the （七）总计 row, no GR103 (四 has no cells), GR108 on "其他法律法规禁止公开"', async () => {
    const { document: doc } = await openFile('sample-001.txt');
    const ds = await waitForDiagnostics(doc.uri, (d) => ['GR101', 'GR102', 'GR108'].every((c) => d.some((x) => codeOf(x) === c)),
      20_000, 'GR101, GR102 and GR108');
    const total = lineStartingWith(doc, '(七) 总计');
    const on = (code: string, line: number) => ds.filter((d) => codeOf(d) === code && d.range.start.line === line);
    assert.ok(on('GR101', total).length >= 1, `GR101 on the （七）总计 row (line ${total + 1}): ${describeDiags(ds)}`);
    assert.ok(on('GR102', total).length >= 1, `GR102 on the （七）总计 row (line ${total + 1}): ${describeDiags(ds)}`);
    // 四、结转下年度继续办理 is detached with no numbers (GR109): missing cells are never zeros, so the
    // balance 一 + 二 = （七） + 四 is not evaluated and GR103 must not fire.
    assert.ok(!ds.some((d) => codeOf(d) === 'GR103'), `no GR103 while 四 has no cells: ${describeDiags(ds)}`);
    assert.ok(ds.some((d) => codeOf(d) === 'GR109' && d.range.start.line === lineStartingWith(doc, '四、结转下年度继续办理')), `GR109 on 四: ${describeDiags(ds)}`);
    const variant = lineStartingWith(doc, '2. 其他法律法规禁止公开');
    const gr108 = on('GR108', variant)[0];
    assert.ok(gr108, `GR108 on line ${variant + 1}: ${describeDiags(ds)}`);
    assert.ok(doc.getText(gr108.range).includes('其他法律法规禁止公开'), `GR108 covers the label, got "${doc.getText(gr108.range)}"`);
    // The arithmetic diagnostics sit on cells: a range inside one line, pointing at related cells.
    for (const d of ds.filter((x) => ARITHMETIC.test(codeOf(x)))) {
      assert.equal(d.range.start.line, d.range.end.line, `${codeOf(d)} should cover one cell`);
      // Only the summed cells that hold a value, at most 6 (a sum of zeros lists none).
      assert.ok((d.relatedInformation?.length ?? 0) <= 6, `${codeOf(d)}: ${d.relatedInformation?.length} related entries`);
    }
    assert.ok(ds.some((d) => ARITHMETIC.test(codeOf(d)) && (d.relatedInformation?.length ?? 0) > 0), 'some sum lists its non-zero terms as related information');
  });

  test('huaian-2024: every T3/T4 identity holds, no arithmetic diagnostic', async () => {
    const { doc } = await openAndWaitForPublish('huaian-2024.txt');
    const bad = vscode.languages.getDiagnostics(doc.uri).filter((d) => ARITHMETIC.test(codeOf(d)));
    assert.deepEqual(bad.map(codeOf), [], describeDiags(bad));
  });

  test('t3-small.md: the GR101 fix sets the row total to the sum and the diagnostic goes away', async () => {
    const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri('t3-small.md')));
    // As the govreport language: the built-in Markdown extension's own code-action provider (not
    // ours) cancels executeCodeActionProvider on untitled Markdown documents in code-server.
    const { document: doc } = await openUntitled('govreport', content);
    const row = lineStartingWith(doc, '| 一、本年新收');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR101'), 20_000, 'GR101');
    const d = ds.find((x) => codeOf(x) === 'GR101')!;
    assert.equal(d.range.start.line, row, `GR101 on the 一、本年新收 row: ${describeDiags([d])}`);
    assert.ok(doc.getText(d.range).includes('5'), `GR101 covers the wrong total cell, got "${doc.getText(d.range)}"`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value, 100);
    const fix = actions.find((a) => (a.diagnostics ?? []).some((x) => codeOf(x) === 'GR101'))
      ?? actions.find((a) => /总计|total/i.test(a.title));
    assert.ok(fix, `a GR101 quick fix; got ${actions.map((a) => `${a.title} [${(a.diagnostics ?? []).map(codeOf)}] edit=${!!a.edit}`).join(' | ')}`);
    assert.ok(fix.edit, `the GR101 quick fix carries its edit: ${JSON.stringify(fix)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const cells = doc.lineAt(row).text.split('|').map((c) => c.trim()).filter(Boolean);
    assert.equal(cells[cells.length - 1], '0', `the total is now the sum: ${doc.lineAt(row).text}`);
    assert.equal(doc.lineAt(row).text.length, doc.lineAt(row + 1).text.length, 'the fixed row keeps the pipes aligned');
    await waitForDiagnostics(doc.uri, (x) => !x.some((y) => ARITHMETIC.test(codeOf(y))), 20_000, 'no arithmetic diagnostic after the fix');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
