// 预览年度报告 / 导出为 Word / 从 Word 导入 in a real VS Code: the preview opens a webview panel beside
// the report; export writes a .docx (a zip); import opens the canonical Markdown report.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { activate, openAndWaitForPublish } from './helpers';

suite('preview, export and import', () => {
  test('the preview command opens a webview panel beside the report', async () => {
    await activate();
    await openAndWaitForPublish('huaian-2024.txt');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('govreport.preview');
    assert.ok(panel, 'govreport.preview returned no panel');
    assert.equal(panel.viewType, 'govreport.preview');
    assert.match(panel.title, /huaian-2024\.txt/);
    assert.match(panel.webview.html, /Content-Security-Policy/);
    assert.doesNotMatch(panel.webview.html, /https?:\/\//, 'no remote resource');
    // The server answers the preview request with the official layout.
    const api = (await activate()) as { client: { sendRequest<R>(m: string, p: unknown): Promise<R> } };
    const uri = vscode.window.visibleTextEditors.find((e) => e.document.fileName.endsWith('huaian-2024.txt'))!.document.uri.toString();
    const r = await api.client.sendRequest<{ html: string } | null>('govreport/preview', { uri });
    assert.ok(r && /<th colspan="7">申请人情况<\/th>/.test(r.html), 'preview HTML lacks the merged 表三 header');
    panel.dispose();
  });

  test('export to Word writes a .docx and import reads it back as a report', async () => {
    await activate();
    const { doc } = await openAndWaitForPublish('huaian-2024.txt');
    await vscode.window.showTextDocument(doc);
    const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'govreport-e2e-')), 'huaian.docx'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('govreport.exportDocx', target);
    assert.equal(written?.fsPath, target.fsPath);
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK', 'a .docx is a zip');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.importDocx', target);
    assert.ok(editor, 'import opened no editor');
    const text = editor.document.getText();
    assert.match(text, /^\| （本列数据的勾稽关系为/m);
    assert.match(text, /\| 行政复议 +\| +72 \|/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
