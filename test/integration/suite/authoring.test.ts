// Authoring in the editor: the new-report command, the 年报 snippet, 插入统计表 and 格式化表格, as a
// clerk would use them — each result is checked by the language server itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, describeDiags, waitForDiagnostics, waitForFirstPublish, openUntitled } from './helpers';

const STRUCTURE = /^GR0\d\d$/;

async function symbolsOf(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
}

suite('authoring', () => {
  suiteSetup(async () => { await activate(); });

  test('新建政府信息公开年度报告 writes a complete 2021-format report that the checker reads', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.newReport', { body: '紫阳县人民政府', year: 2024, kind: 'government' });
    assert.ok(editor, 'the command opened an editor');
    const doc = editor.document;
    assert.equal(doc.languageId, 'govreport');
    assert.ok(doc.isUntitled);
    await waitForFirstPublish(doc.uri);
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR006'), 20_000, 'GR006 on the placeholders');
    // Complete: only the （文字描述） reminders among the structure rules, no error at all.
    assert.deepEqual(ds.filter((d) => STRUCTURE.test(codeOf(d)) && codeOf(d) !== 'GR006').map(codeOf), [], describeDiags(ds));
    assert.ok(!ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error), describeDiags(ds));
    const names = (await symbolsOf(doc)).map((s) => s.name);
    assert.deepEqual(names.map((n) => n.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the 年报 snippet (served by the language server) expands into the same complete skeleton', async () => {
    // A file of its own: an untitled document would reuse the URI untitled:Untitled-1 of the report the
    // previous test closed, and the server was seen still holding that report's text.
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'snippet-scratch.govreport');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('年报'));
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    // The server answers once it has the document (didOpen may still be on its way): ask again until then.
    const isSkeleton = (i: vscode.CompletionItem) => i.kind === vscode.CompletionItemKind.Snippet && String(i.detail).includes('年度报告');
    let list: vscode.CompletionList = { items: [], isIncomplete: false };
    for (let i = 0; i < 50 && !list.items.some(isSkeleton); i++) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 2), '报');
    }
    const item = list.items.find(isSkeleton);
    assert.ok(item, list.items.map((i) => String(i.label)).join(' | '));
    const body = typeof item.insertText === 'string' ? item.insertText : item.insertText!.value;
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Range(0, 0, 0, 2)));
    assert.ok(doc.getText().includes('六、其他需要报告的事项'), `snippet inserted: ${doc.getText().slice(0, 80)}`);
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR006'), 20_000, 'diagnostics of the snippet text');
    assert.deepEqual(ds.filter((d) => STRUCTURE.test(codeOf(d)) && codeOf(d) !== 'GR006').map(codeOf), [], describeDiags(ds));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(file);
  });

  test('插入统计表 inserts 表三 that the checker reads as a balanced table', async () => {
    const content = '某县人民政府2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\n';
    const editor = await openUntitled('govreport', content, {});
    const doc = editor.document;
    editor.selection = new vscode.Selection(doc.lineCount - 1, 0, doc.lineCount - 1, 0);
    assert.equal(await vscode.commands.executeCommand('govreport.insertTable', { table: 'T3' }), true);
    await vscode.commands.executeCommand('leaveSnippet');
    const table = (await symbolsOf(doc)).flatMap((s) => s.children).find((c) => c.name.startsWith('表三'));
    assert.ok(table, `表三 appears in the outline under 三: ${JSON.stringify((await symbolsOf(doc)).map((s) => [s.name, s.children.map((c) => c.name)]))}`);
    // The server sees the table: 三 no longer lacks one (GR010 gone), and it balances.
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'GR010'), 20_000, 'GR010 gone after the insert');
    assert.ok(!ds.some((d) => /^GR10[1-4]$/.test(codeOf(d))), describeDiags(ds));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('格式化表格 aligns a Markdown table by display width and touches nothing else', async () => {
    const content = ['某县2024年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（五）项', '',
      '| 信息内容 | 本年处理决定数量 |', '| --- | --: |', '| 行政许可 | 12 |', '', '正文　不变。'].join('\n');
    const { document: doc } = await openUntitled('govreport', content, {});
    await waitForFirstPublish(doc.uri);
    await vscode.commands.executeCommand('govreport.formatTables');
    const rows = [4, 5, 6].map((i) => doc.lineAt(i).text);
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
    assert.equal(new Set(rows.map(width)).size, 1, `rows padded to one display width:\n${rows.join('\n')}`);
    assert.match(rows[2]!, /\|\s+12 \|$/, 'numbers right-aligned');
    assert.equal(doc.lineAt(8).text, '正文　不变。');
    assert.equal(doc.lineAt(0).text, '某县2024年政府信息公开工作年度报告');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
