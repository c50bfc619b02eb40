// A report with more findings than VS Code keeps per file (1000): the server sends 999 of them and a
// note of its own (VS Code adds no marker, drops nothing), and the status bar counts every error and
// warning, not only the diagnostics received.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, openUntitled, waitForDiagnostics, wsUri } from './helpers';

interface Api { statusBarText(): string | undefined }

async function until<T>(get: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('above VS Code\'s limit per file', () => {
  let api: Api;
  suiteSetup(async () => { api = (await activate()) as Api; });

  test('999 findings and one note are shown; the status bar counts all errors', async () => {
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri('huaian-2024.txt'))).replace(/^\uFEFF/, '');
    const big = Array.from({ length: 95 }, () => base).join('\n');
    const { document: doc } = await openUntitled('plaintext', big);
    const gr = await waitForDiagnostics(doc.uri, (d) => d.length === 999, 90_000, '999 GR diagnostics');
    const all = vscode.languages.getDiagnostics(doc.uri);
    assert.equal(all.length, 1000);
    const note = all.find((d) => d.code === undefined);
    assert.ok(note && note.source === 'govreport' && note.severity === vscode.DiagnosticSeverity.Information, JSON.stringify(note));
    // "另有 N 条…本文件共 E 个错误、W 个警告" or "N further findings … This file has E errors, W warnings".
    const totals = /(\d+) (?:个错误、|errors, )(\d+) (?:个警告|warnings)/.exec(note.message);
    assert.ok(totals, note.message);
    const errors = Number(totals[1]);
    const received = gr.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    assert.ok(errors > received, `${errors} errors in all, ${received} received: the test needs errors beyond the limit`);
    // Every received GR diagnostic is complete: source and the rule link (added by the client).
    for (const d of gr) assert.ok(d.source === 'govreport' && typeof d.code === 'object' && d.code.target.scheme === 'command', JSON.stringify(d));
    const text = await until(() => {
      const t = api.statusBarText();
      return t && t.includes(`$(error) ${errors} `) ? t : undefined;
    }, 30_000, `the status bar to show ${errors} errors (now: ${api.statusBarText()})`);
    assert.match(text, new RegExp(`\\$\\(error\\) ${errors} \\$\\(warning\\) ${Number(totals[2])}$`));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
