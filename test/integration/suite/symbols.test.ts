// The outline: sections 一…六 at the top, sub-headings and tables nested under them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activate, openFile } from './helpers';

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const syms = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
    'vscode.executeDocumentSymbolProvider', uri);
  assert.ok(Array.isArray(syms) && syms.length > 0, 'no document symbols');
  assert.ok('children' in syms[0]!, 'symbols should be hierarchical DocumentSymbols');
  return syms as vscode.DocumentSymbol[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const sectionsOf = (syms: vscode.DocumentSymbol[]) => syms.filter((s) => /^[\s\u3000]*[一二三四五六七八九十]+、/.test(s.name));
// The server's kinds: section Module, sub-heading Namespace, table Struct.
const isTable = (s: vscode.DocumentSymbol) => s.kind === vscode.SymbolKind.Struct;

function flatten(syms: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return syms.flatMap((s) => [s, ...flatten(s.children)]);
}

suite('document symbols (outline)', () => {
  suiteSetup(async () => { await activate(); });

  test('000: sections 一…六 in order, with (一)…(四) nested under 一', async () => {
    const { document: doc } = await openFile('紫阳县2019年度政府信息公开工作年度报告.txt');
    const secs = sectionsOf(await symbolsOf(doc.uri));
    assert.deepEqual(secs.map((s) => s.name.trim()[0]), NUMERALS, `sections: ${secs.map((s) => s.name).join(' | ')}`);
    assert.ok(secs.every((s) => s.kind === vscode.SymbolKind.Module), 'sections are Module symbols');
    const one = secs[0]!;
    assert.ok(one.children.every((c) => c.kind === vscode.SymbolKind.Namespace), 'sub-headings are Namespace symbols');
    const subs = one.children.map((c) => c.name.trim());
    assert.ok(subs.length >= 4 && ['（一）', '（二）', '（三）', '（四）'].every((m, i) => subs[i]?.startsWith(m)),
      `sub-headings of 一: ${subs.join(' | ')}`);
    // Ranges: each section's selection is its heading line and its range contains its children.
    for (const s of secs) {
      assert.ok(s.range.contains(s.selectionRange), `${s.name}: selectionRange outside range`);
      for (const c of s.children) assert.ok(s.range.contains(c.range), `${c.name} not inside ${s.name}`);
      assert.ok(doc.lineAt(s.selectionRange.start.line).text.includes(s.name.trim().slice(0, 4)), `${s.name}: selection not on its heading`);
    }
  });

  test('001: the statistics tables are nested under their sections', async () => {
    const { document: doc } = await openFile('sample-001.txt');
    const secs = sectionsOf(await symbolsOf(doc.uri));
    assert.deepEqual(secs.map((s) => s.name.trim()[0]), NUMERALS, `sections: ${secs.map((s) => s.name).join(' | ')}`);
    const tablesUnder = (i: number) => flatten(secs[i]!.children).filter(isTable);
    assert.ok(tablesUnder(1).length >= 1, `T2 tables under 二: ${secs[1]!.children.map((c) => c.name).join(' | ')}`);
    assert.ok(tablesUnder(2).length >= 1, `T3 under 三: ${secs[2]!.children.map((c) => c.name).join(' | ')}`);
    assert.ok(tablesUnder(3).length >= 1, `T4 under 四: ${secs[3]!.children.map((c) => c.name).join(' | ')}`);
    // T3's rows are table content, not sub-headings: nothing under 三 but its table(s) and real sub-headings.
    const t3 = tablesUnder(2)[0]!;
    assert.ok(/表三|收到和处理/.test(t3.name), `T3 named after the standard: ${t3.name}`);
    assert.ok(!flatten(secs[2]!.children).some((c) => /予以公开|不予公开|总计/.test(c.name) && !isTable(c)),
      `T3 rows must not appear as headings: ${flatten(secs[2]!.children).map((c) => c.name).join(' | ')}`);
  });
});
