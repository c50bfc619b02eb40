// The editor as an author lives in it (issue 17): quiet blank-cell hints, no duplicate fixes,
// generated files unchecked, GR001 placement, folds, hover, report languages, snippets, ordering.
// Runs in both display languages (run.js: en, then zh-cn); message texts are checked per locale.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, codeOf, describeDiags, openFile, ours, roundTrip, waitForDiagnostics, wsUri, openUntitled } from './helpers';

const ZH = (process.env.GOVREPORT_IT_LOCALE ?? 'en') === 'zh-cn';

async function untitled(language: string, content: string): Promise<vscode.TextEditor> {
  return openUntitled(language, content);
}

const close = () => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

suite(`editor (${ZH ? 'zh-cn' : 'en'})`, () => {
  suiteSetup(async () => { await activate(); });

  test('blank cells: one GR107 hint per table, its fill-all fix is not preferred; no duplicate quick fixes; related info short', async () => {
    const { document: doc } = await openFile('sample-001.txt');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR107') && d.some((x) => codeOf(x) === 'GR101'), 20_000, 'GR107 and GR101');
    const blank = ds.filter((d) => codeOf(d) === 'GR107');
    assert.ok(blank.length >= 1 && blank.length <= 8, `one GR107 per table, got ${blank.length}`);
    assert.equal(new Set(blank.map((d) => d.range.start.line)).size, blank.length, 'one per table');
    for (const d of blank) {
      assert.match(d.message, ZH ? /^本表 \d+ 个空格按 0 计/ : /^This table has \d+ blank cells, counted as 0/);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Hint);
    }
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, blank[0]!.range);
    const fill = actions.filter((a) => /空单元格全部填为 0|^Fill all \d+ blank cells/.test(a.title));
    assert.equal(fill.length, 1, fill.map((a) => a.title).join(' | '));
    assert.ok(!fill[0]!.isPreferred);
    // Every menu the arithmetic diagnostics open lists each title once.
    for (const d of ds.filter((x) => /^GR10[1-4]$/.test(codeOf(x)))) {
      const menu = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
      const titles = menu.filter((a) => a.kind?.value.startsWith('quickfix')).map((a) => a.title);
      assert.equal(new Set(titles).size, titles.length, `duplicate quick fixes: ${titles.join(' | ')}`);
      assert.ok((d.relatedInformation?.length ?? 0) <= 6, `${codeOf(d)} has ${d.relatedInformation?.length} related entries`);
      for (const r of d.relatedInformation ?? []) {
        if (r.location.uri.toString() !== doc.uri.toString() || (d.relatedInformation!.length < 3)) continue;
        assert.doesNotMatch(doc.getText(r.location.range).trim(), /^0?$/, `a zero term listed: ${r.message}`);
      }
    }
    // Errors are published before warnings, before hints.
    const order = ours(doc.uri).map((d) => d.severity);
    assert.deepEqual(order, order.slice().sort((a, b) => a - b), describeDiags(ours(doc.uri)));
  });

  test('hover on a wrong total leads with the sum and its status; the diagnostics under a cell are that cell\'s', async () => {
    const { document: doc } = await openFile('sample-001.txt');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR101'), 20_000, 'GR101');
    const d = ds.find((x) => codeOf(x) === 'GR101')!;
    const pos = d.range.start.translate(0, Math.max(0, Math.floor((d.range.end.character - d.range.start.character) / 2)));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    const first = md.split('\n')[0]!;
    // "应为 N" when the total is the wrong cell; "各项之和为 N" when, as the diagnostic says, it may not be.
    assert.match(first, ZH ? /^\*\*.+\*\* (应为|的各项之和为) \*\*-?\d/ : /^(\*\*.+\*\* should be|The terms of \*\*.+\*\* add up to) \*\*-?\d/, md);
    assert.match(md.split('\n')[1]!, ZH ? /^表中为 .*(相符|相差)/ : /^The table says .*(agrees|off by)/, md);
    assert.doesNotMatch(md, /空（按 0 计） \||blank \(read as 0\) \|/);
    // VS Code's hover shows the markers whose range holds the pointer: only diagnostics of this cell.
    const under = ours(doc.uri).filter((x) => x.range.contains(pos));
    for (const x of under) assert.ok(x.range.isEqual(d.range) || (x.range.start.line === d.range.start.line && x.range.intersection(d.range)), describeDiags(under));
    assert.ok(!under.some((x) => codeOf(x) === 'GR107'), describeDiags(under));
  });

  test('the generated workspace summary is never checked (Markdown or govreport)', async () => {
    const shown = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.workspaceSummary');
    const summary = shown.document;
    assert.ok(summary.getText().startsWith('<!-- govreport:generated -->\n'), summary.getText().slice(0, 60));
    await roundTrip(summary.uri);
    const asGovreport = await untitled('govreport', summary.getText());
    await roundTrip(asGovreport.document.uri);
    // A report opened after both is checked; by then they would have been.
    const { document: report } = await openFile('sample-002.txt');
    await waitForDiagnostics(report.uri, (x) => x.length > 0, 20_000, 'sample-002 checked');
    assert.deepEqual(ours(summary.uri).map(codeOf), []);
    assert.deepEqual(ours(asGovreport.document.uri).map(codeOf), []);
    await vscode.window.showTextDocument(asGovreport.document);
    await close();
    await vscode.window.showTextDocument(summary);
    await close();
  });

  test('GR001: a deleted "五、…" is put back where 五\'s text starts; folds end before the next heading', async () => {
    const base = (await vscode.workspace.openTextDocument(wsUri('huaian-2024.txt'))).getText();
    const lines = base.split('\n');
    const five = lines.findIndex((l) => /^\s*五、存在的主要问题/.test(l));
    const editor = await untitled('govreport', [...lines.slice(0, five), ...lines.slice(five + 1)].join('\n'));
    const doc = editor.document;
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR001'), 20_000, 'GR001');
    const d = ds.find((x) => codeOf(x) === 'GR001')!;
    assert.equal(d.range.start.line, five, `GR001 on 五's first line: ${describeDiags(ds)}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const fix = actions.find((a) => a.edit?.entries().some(([, es]) => es.some((e) => /^\s*五、存在的主要问题及改进情况\r?\n$/.test(e.newText))))!;
    assert.ok(fix?.edit && await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(five).text, /^\s*五、存在的主要问题及改进情况$/);
    assert.match(doc.lineAt(five + 1).text, /对照上级新要求和公众新期待/);
    await close();

    const folded = await untitled('govreport', ['某县2021年政府信息公开工作年度报告', '一、总体情况', '文字一。', '文字二。', '　　二、主动公开政府信息情况', '文字。', '三、收到和处理政府信息公开申请情况', '文字'].join('\n'));
    await roundTrip(folded.document.uri);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', folded.document.uri);
    const one = folds.find((f) => f.start === 1)!;
    assert.equal(one.end, 3, JSON.stringify(folds));
    await close();
  });

  test('report documents: no invisible-character boxes; *年度报告*.md stays Markdown and is still checked; run-in heads named by the head', async () => {
    const cfg = vscode.workspace.getConfiguration('editor', { languageId: 'govreport' });
    assert.equal(cfg.get('unicodeHighlight.invisibleCharacters'), false);
    const name = '某县2024年政府信息公开工作年度报告.md';
    const base = (await vscode.workspace.openTextDocument(wsUri('huaian-2024.txt'))).getText();
    await vscode.workspace.fs.writeFile(wsUri(name), Buffer.from(base, 'utf8'));
    const { document: md } = await openFile(name);
    assert.equal(md.languageId, 'markdown');
    await waitForDiagnostics(md.uri, (x) => x.length > 0, 20_000, 'the Markdown report is checked');
    const { document: txt } = await openFile('紫阳县2019年度政府信息公开工作年度报告.txt');
    assert.equal(txt.languageId, 'govreport');

    const runIn = await untitled('govreport', ['某县2021年政府信息公开工作年度报告', '一、总体情况', '（一）强化组织领导。成立了领导小组，召开会议3次。', '二、主动公开政府信息情况', ''].join('\n'));
    await roundTrip(runIn.document.uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', runIn.document.uri);
    const names = symbols.flatMap((s) => [s.name, ...s.children.map((c) => c.name)]);
    assert.ok(names.includes('（一）强化组织领导'), names.join(' | '));
    await close();
  });

  test('snippets come from the server: last year by default, the document\'s version only, in Markdown without Ctrl+Space', async () => {
    const year = new Date().getFullYear() - 1;
    const empty = await untitled('markdown', '年报');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', empty.document.uri, new vscode.Position(0, 2), '报');
    const skeleton = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && String(i.detail).includes('政府信息公开工作年度报告'));
    assert.ok(skeleton, list.items.map((i) => `${String(i.label)}:${i.detail}`).join(' | '));
    const body = typeof skeleton.insertText === 'string' ? skeleton.insertText : skeleton.insertText!.value;
    assert.ok(body.includes(`\${2:${year}}年政府信息公开工作年度报告`), body.slice(0, 80));
    await close();

    const base = (await vscode.workspace.openTextDocument(wsUri('huaian-2024.txt'))).getText();
    const editor = await untitled('govreport', `${base}\n表`);
    const doc = editor.document;
    await roundTrip(doc.uri);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const tables = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end, '表');
    const snippets = tables.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippets.length >= 2, tables.items.map((i) => String(i.label)).join(' | '));
    assert.ok(snippets.every((i) => String(i.detail).endsWith('（2021版格式）')), snippets.map((i) => i.detail).join(' | '));
    assert.ok(!snippets.some((i) => String(i.detail).includes('政府信息公开工作年度报告')), 'no second skeleton in a report');
    await close();
  });
});
