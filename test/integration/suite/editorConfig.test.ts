// Issue 14 in the real editor: rule links open the rule page as a rendered preview; govreport.run =
// onSave; 修复全部 in the quick-fix menu; .govreport.jsonc changes diagnostics live; the suppression
// quick fix. Files written here go to the scratch copy of the workspace (run.js) and are removed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, describeDiags, ours, roundTrip, waitForDiagnostics, workspaceRoot, wsUri, openUntitled } from './helpers';

const ZH = vscode.env.language.toLowerCase().startsWith('zh');
const FIX_ALL_TITLE = ZH ? '修复全部可安全修复的问题（govreport）' : 'Fix all safe govreport problems';
const HEADING = '二、主动公开政府信息情况';

const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(name)));

async function untitled(content: string): Promise<vscode.TextDocument> {
  return (await openUntitled('plaintext', content)).document;
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind, 200);
  return (all ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resolves with the first tab that satisfies `pred` (now or when tabs change); rejects after `ms`. */
function waitForTab(pred: (t: vscode.Tab) => boolean, ms: number, what: string): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(pred);
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) { resolve(now); return; }
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = find();
      if (t) { sub.dispose(); clearTimeout(timer); resolve(t); }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no ${what} within ${ms} ms; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(' | ')}`));
    }, ms);
  });
}

const isMarkdownPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType);

suite('issue 14 in the editor: rule links, onSave, 修复全部, config file, suppressions', () => {
  suiteSetup(async () => { await activate(); });

  test('a diagnostic\'s rule link runs govreport.showRule, which opens the rule page as a rendered Markdown preview', async () => {
    await closeAll();
    const doc = await vscode.workspace.openTextDocument(wsUri('sample-001.txt'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'GR013'), 30_000, 'GR013');
    const d = ds.find((x) => codeOf(x) === 'GR013')!;
    const target = (d.code as { value: string | number; target: vscode.Uri }).target;
    assert.equal(target.scheme, 'command', `code link is ${target.toString()}`);
    assert.equal(target.path, 'govreport.showRule');
    const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
    assert.deepEqual(args, ['GR013']);
    // What the Problems panel / hover do with the link: run the command with its arguments.
    const page = await vscode.commands.executeCommand<vscode.Uri | undefined>(target.path, ...args);
    assert.ok(page && page.path.endsWith('/docs/rules/GR013.md'), `page ${page?.toString()}`);
    const tab = await waitForTab(isMarkdownPreview, 20_000, 'Markdown preview tab');
    assert.match(tab.label, /GR013\.md/);
    // An unknown code opens nothing (and says so).
    assert.equal(await vscode.commands.executeCommand('govreport.showRule', 'GR999'), undefined);
    await closeAll();
  });

  test('govreport.run = onSave: typing does not re-check, saving does', async () => {
    await closeAll();
    const cfg = vscode.workspace.getConfiguration('govreport');
    await cfg.update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    // An editor that saves by itself would re-check through didSave: not what this test is about.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    // update() resolves when settings.json is written; the editor (and the server, which asks it)
    // sees the new value only once the file is read back, seconds later on a loaded machine.
    const applied = () => vscode.workspace.getConfiguration('govreport').get('run') === 'onSave' && vscode.workspace.getConfiguration('files').get('autoSave') === 'off';
    for (let i = 0; i < 100 && !applied(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(vscode.workspace.getConfiguration('govreport').get('run'), 'onSave');
    await new Promise((r) => setTimeout(r, 300));
    const file = wsUri(`onsave-scratch-${Date.now()}.txt`); // a new name per attempt: a retry must not reopen the last one's model
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(await read('sample-003.txt')));
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const first = await waitForDiagnostics(doc.uri, (x) => x.length > 0, 30_000, 'diagnostics on open');
      const gr001 = first.filter((d) => codeOf(d) === 'GR001').length;
      // What the author sees must not change while typing. (A re-check of the opened version that a
      // late event brings, the workspace scan finishing say, may still publish the same list.)
      const before = describeDiags(ours(doc.uri));
      let changed = 0;
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === doc.uri.toString()) && describeDiags(ours(doc.uri)) !== before) changed++;
      });
      try {
        const line = Array.from({ length: doc.lineCount }, (_, i) => i).find((i) => doc.lineAt(i).text.trim() === HEADING);
        assert.ok(line !== undefined, `no line ${HEADING}`);
        assert.ok(await editor.edit((b) => b.delete(doc.lineAt(line).rangeIncludingLineBreak)));
        await roundTrip(doc.uri);
        // Several debounce periods of quiet (the server re-checks 150 ms after typing in onType mode).
        await new Promise((r) => setTimeout(r, 1500));
        // The server re-checks on didSave: if something saved the document meanwhile, this attempt proves nothing.
        assert.ok(doc.isDirty, 'the document was saved by something else while the test typed');
        assert.equal(ours(doc.uri).filter((d) => codeOf(d) === 'GR001').length, gr001, `re-checked while typing: ${describeDiags(ours(doc.uri))}`);
        assert.equal(changed, 0, `diagnostics changed while typing: ${describeDiags(ours(doc.uri))}`);
      } finally { sub.dispose(); }
      assert.ok(await doc.save());
      await waitForDiagnostics(doc.uri, (x) => x.filter((d) => codeOf(d) === 'GR001').length === gr001 + 1, 30_000, 'GR001 for the deleted heading after saving');
    } finally {
      await cfg.update('run', undefined, vscode.ConfigurationTarget.Workspace);
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
      await closeAll();
      await vscode.workspace.fs.delete(file);
    }
  });

  test('修复全部 is in the quick-fix menu; applied, it writes what source.fixAll writes', async () => {
    await closeAll();
    const text = await read('sample-003.txt');
    const doc = await untitled(text);
    const ds = await waitForDiagnostics(doc.uri, (x) => x.length > 0, 30_000, 'diagnostics');
    let fixAll: vscode.CodeAction | undefined;
    for (const d of ds) {
      const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      fixAll = actions.find((a) => a.title === FIX_ALL_TITLE);
      if (fixAll) break;
    }
    assert.ok(fixAll?.edit, `no "${FIX_ALL_TITLE}" among the quick fixes of ${describeDiags(ds)}`);
    assert.ok(fixAll.kind && vscode.CodeActionKind.QuickFix.contains(fixAll.kind));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const viaQuickFix = doc.getText();
    assert.notEqual(viaQuickFix, text);

    const other = await untitled(text);
    await waitForDiagnostics(other.uri, (x) => x.length > 0, 30_000, 'diagnostics');
    const [source] = await codeActions(other.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.govreport');
    assert.ok(source?.edit, 'no source.fixAll.govreport');
    assert.ok(await vscode.workspace.applyEdit(source.edit));
    assert.equal(viaQuickFix, other.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('govreport.fixAllStopped (run by VS Code after a fix-all that did not converge) shows the server\'s notice', async () => {
    const notice = ZH ? '修复全部未收敛：已执行 8 轮安全修复后停止。' : 'Fix all did not converge: it stopped after 8 round(s).';
    assert.equal(await vscode.commands.executeCommand('govreport.fixAllStopped', notice), notice);
    assert.equal(await vscode.commands.executeCommand('govreport.fixAllStopped'), undefined, 'no message, nothing shown');
  });

  test('.govreport.jsonc written beside a report changes its diagnostics live; removed, they come back', async () => {
    await closeAll();
    const doc = await vscode.workspace.openTextDocument(wsUri('sample-001.txt'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const before = await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'GR013'), 30_000, 'GR013');
    const cfg = vscode.Uri.joinPath(workspaceRoot(), '.govreport.jsonc');
    try {
      await vscode.workspace.fs.writeFile(cfg, new TextEncoder().encode('{\n  // 已人工核对\n  "rules": { "GR013": "off" }\n}\n'));
      const off = await waitForDiagnostics(doc.uri, (x) => x.length > 0 && !x.some((d) => codeOf(d) === 'GR013'), 30_000, 'no GR013 with the config file');
      assert.equal(off.length, before.filter((d) => codeOf(d) !== 'GR013').length, describeDiags(off));
    } finally {
      await vscode.workspace.fs.delete(cfg);
    }
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'GR013'), 30_000, 'GR013 back once the config file is gone');
    await closeAll();
  });

  test('the suppression quick fix 在此行忽略 GR… silences that diagnostic', async () => {
    await closeAll();
    const doc = await untitled(await read('sample-001.txt'));
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some((d) => codeOf(d) === 'GR013'), 30_000, 'GR013');
    const d = ds.find((x) => codeOf(x) === 'GR013')!;
    const title = ZH ? '在此行忽略 GR013' : 'Ignore GR013 on this line';
    const fix = (await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === title);
    assert.ok(fix?.edit, `no "${title}"`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(d.range.start.line).text, /govreport-disable-next-line GR013/);
    const after = await waitForDiagnostics(doc.uri, (x) => x.length > 0 && !x.some((y) => codeOf(y) === 'GR013'), 30_000, 'GR013 suppressed');
    assert.ok(!after.some((y) => codeOf(y) === 'GR009'), `an unused-suppression hint: ${describeDiags(after)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
