// The sample reports, opened in the editor, get the diagnostics a reviewer expects, at the right ranges.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import {
  activate, assertOnLine, openAndWaitForPublish, codeOf, codes, describeDiags, lineStartingWith, openFile, waitForAnyDiagnostics,
  waitForDiagnostics,
} from './helpers';

const STRUCTURE = /^GR0\d\d$/;

/** First line whose text satisfies `pred`. */
function lineWhere(doc: vscode.TextDocument, pred: (text: string) => boolean): number {
  for (let i = 0; i < doc.lineCount; i++) if (pred(doc.lineAt(i).text)) return i;
  throw new Error('no such line');
}

/** First line whose text contains `needle`. */
function lineContaining(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`no line contains ${needle}`);
}

suite('diagnostics on the sample reports', () => {
  suiteSetup(async () => { await activate(); });

  for (const name of ['紫阳县2019年度政府信息公开工作年度报告.txt', 'sample-000.md']) {
    test(`000 (${name}): GR010 on the bare headings 二、三、四 and nowhere else`, async () => {
      const { document: doc } = await openFile(name);
      const ds = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => codeOf(x) === 'GR010').length >= 3,
        30_000, 'three GR010');
      for (const h of ['二、', '三、', '四、']) {
        const d = assertOnLine(doc, ds, 'GR010', lineStartingWith(doc, h));
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error, `GR010 on ${h} should be an error`);
      }
      const gr010 = ds.filter((x) => codeOf(x) === 'GR010');
      assert.equal(gr010.length, 3, `exactly three GR010: ${describeDiags(gr010)}`);
      assert.ok(ds.every((d) => d.message.trim().length > 0), 'every diagnostic has a message');
    });
  }

  test('003: GR001 for the missing headings 三 and 四, on their orphaned tables', async () => {
    const { document: doc } = await openFile('sample-003.txt');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => codeOf(x) === 'GR001').length >= 2,
      30_000, 'two GR001');
    const gr001 = ds.filter((x) => codeOf(x) === 'GR001');
    assert.equal(gr001.length, 2, `exactly two GR001 (三 and 四): ${describeDiags(gr001)}`);
    // Each sits on the first line of the table that lost its heading: 表三's note, 表四's header.
    const [gr3, gr4] = [...gr001].sort((a, b) => a.range.start.line - b.range.start.line);
    assertOnLine(doc, [gr3!], 'GR001', lineContaining(doc, '本列数据的勾稽关系'));
    assertOnLine(doc, [gr4!], 'GR001', lineWhere(doc, (t) => t.trim() === '行政复议'));
    // The two findings name different sections (message text depends on the UI language: check the numerals).
    const named = gr001.map((d) => (/[三四]/.exec(d.message) ?? /\b(3|4|three|four)\b/i.exec(d.message))?.[0] ?? '?');
    assert.notEqual(named[0], named[1], `the two GR001 messages should name 三 and 四: ${gr001.map((d) => d.message).join(' | ')}`);
    assert.ok(!ds.some((d) => codeOf(d) === 'GR010' && d.range.start.line > lineStartingWith(doc, '二、')),
      `003 has its T3/T4 tables: no GR010 for 三/四 expected; got ${describeDiags(ds)}`);
  });

  test('004: GR005 (legacy structure in a 2019 report) on the title', async () => {
    const { document: doc } = await openFile('sample-004.txt');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'GR005'), 30_000, 'GR005');
    const d = ds.find((x) => codeOf(x) === 'GR005')!;
    assert.equal(d.range.start.line, lineStartingWith(doc, '永顺县'), `GR005 should start on the title: ${describeDiags([d])}`);
  });

  test('huaian-2024 (a clean 2021-format report): no error-severity structure diagnostic', async () => {
    // A clean report may have no diagnostic at all: wait for the first publication, empty or not.
    const { doc } = await openAndWaitForPublish('huaian-2024.txt');
    const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => STRUCTURE.test(codeOf(d)));
    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map(codeOf), [], `structure errors on huaian-2024: ${describeDiags(errors)}`);
  });

  test('every sample lights up with GR diagnostics that carry a source and a message', async () => {
    for (const name of ['sample-001.txt', 'sample-002.txt']) {
      const { document: doc } = await openFile(name);
      const ds = await waitForAnyDiagnostics(doc.uri);
      for (const d of ds) {
        assert.ok(d.message.trim(), `${name}: empty message for ${codeOf(d)}`);
        assert.ok(d.source, `${name}: no source on ${codeOf(d)}`);
        assert.ok(d.range.start.line < doc.lineCount, `${name}: ${codeOf(d)} beyond the document`);
      }
      assert.ok(codes(ds).length > 0);
    }
  });
});
