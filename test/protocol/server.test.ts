/** The language server over stdio (dist/server.js), as an editor would drive it. */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, InitializeResult, InlayHint, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ensureBuilt, readSample, sleep, TestClient } from './client';

const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

function lines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Every diagnostic is well formed and its range lies inside the document. */
function assertWellFormed(diags: Diagnostic[], text: string): void {
  const ls = lines(text);
  for (const d of diags) {
    assert.equal(typeof d.code, 'string', 'code');
    assert.match(String(d.code), /^GR\d{3}$/);
    assert.ok(d.codeDescription?.href.endsWith(`/${d.code}.md`), `codeDescription of ${d.code}: ${d.codeDescription?.href}`);
    assert.equal(d.source, 'govreport');
    assert.ok(String(d.message).length > 0);
    assert.ok(d.severity && d.severity >= 1 && d.severity <= 4);
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < ls.length, `line ${p.line} in document of ${ls.length} lines`);
      assert.ok(p.character >= 0 && p.character <= ls[p.line]!.length, `character ${p.character} on line ${p.line}`);
    }
    assert.ok(d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character));
  }
}

const codes = (diags: Diagnostic[]) => diags.map((d) => String(d.code));

/** Applies LSP text edits (non-overlapping) to a text. */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  return [...edits]
    .sort((a, b) => off(b.range.start) - off(a.range.start))
    .reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

describe('language server over stdio', () => {
  let client: TestClient;
  let init: InitializeResult;
  const s000 = readSample('000');
  const huaian = readSample('huaian');
  const uri000 = 'file:///reports/000_a3bf536ec8a0a8f8.txt';
  const untitled = 'untitled:Untitled-1';

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    init = await client.initialize({ locale: 'zh-CN', docsBase: 'file:///ext/docs/rules' });
  });

  after(async () => {
    await client.stop();
  });

  it('initializes with incremental sync and the features', () => {
    const caps = init.capabilities;
    assert.equal(typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync, 2);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.hoverProvider && caps.inlayHintProvider && caps.completionProvider);
    assert.ok(caps.documentFormattingProvider && caps.documentRangeFormattingProvider);
    assert.equal(init.serverInfo?.name, 'govreport');
  });

  it('publishes diagnostics for sample 000 (file URI, plaintext) with codes, links and valid ranges', async () => {
    client.open(uri000, s000.text, 'plaintext', 1);
    const p = await client.waitForDiagnostics(uri000);
    assert.equal(p.version, 1);
    assert.ok(p.diagnostics.length > 0, 'some diagnostics');
    assertWellFormed(p.diagnostics, s000.text);
    // docsBase from initializationOptions, with one slash added.
    assert.ok(p.diagnostics.every((d) => d.codeDescription!.href === `file:///ext/docs/rules/${d.code}.md`));
    // Sections 二三四 are bare headings: no tables (GR010), once per section.
    const gr010 = p.diagnostics.filter((d) => d.code === 'GR010');
    assert.equal(gr010.length, 3, `GR010 ×3, got ${codes(p.diagnostics).join(' ')}`);
    assert.deepEqual(gr010.map((d) => d.range.start.line), [8, 9, 10]);
    // zh-CN locale → Chinese messages.
    assert.match(String(gr010[0]!.message), /[\u4e00-\u9fff]/);
  });

  it('analyses an untitled plaintext document like a saved one', async () => {
    client.open(untitled, huaian.text, 'plaintext', 1);
    const p = await client.waitForDiagnostics(untitled);
    assert.equal(p.version, 1);
    assertWellFormed(p.diagnostics, huaian.text);
    assert.ok(!codes(p.diagnostics).includes('GR001'), `no section missing: ${codes(p.diagnostics).join(' ')}`);
  });

  it('answers documentSymbol with the six sections in order', async () => {
    for (const uri of [untitled, uri000]) {
      const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(syms) && syms.length >= 6);
      const names = syms.map((s) => s.name.replace(/\s+/g, ''));
      let at = -1;
      for (const want of SECTIONS) {
        const i = names.findIndex((n, k) => k > at && n.startsWith(want.slice(0, 4)));
        assert.ok(i > at, `${want} after position ${at} in ${names.join(' | ')}`);
        at = i;
      }
      for (const s of syms) {
        // selectionRange inside range, children too.
        const inside = (sym: DocumentSymbol): void => {
          const r = sym.range;
          const sel = sym.selectionRange;
          assert.ok(sel.start.line > r.start.line || (sel.start.line === r.start.line && sel.start.character >= r.start.character), `${sym.name} selection start`);
          assert.ok(sel.end.line < r.end.line || (sel.end.line === r.end.line && sel.end.character <= r.end.character), `${sym.name} selection end`);
          sym.children?.forEach(inside);
        };
        inside(s);
      }
    }
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: untitled } });
    assert.deepEqual(syms.slice(-6).map((s) => s.name.replace(/\s+/g, '')), SECTIONS);
  });

  it('answers foldingRange', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: untitled } });
    assert.ok(Array.isArray(ranges) && ranges.length > 0);
    const n = lines(huaian.text).length;
    for (const r of ranges) assert.ok(r.startLine < r.endLine && r.endLine < n);
  });

  it('follows an incremental edit: deleting a section heading brings GR001', async () => {
    const ls = lines(huaian.text);
    const line = ls.findIndex((l) => l.includes('五、存在的主要问题及改进情况'));
    assert.ok(line > 0);
    const from = client.publishes.length;
    client.change(untitled, 2, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    const p = await client.waitForDiagnostics(untitled, (x) => x.version === 2, 5000, from);
    assert.ok(codes(p.diagnostics).includes('GR001'), codes(p.diagnostics).join(' '));
    const edited = [...ls.slice(0, line), ...ls.slice(line + 1)].join('\n');
    assertWellFormed(p.diagnostics, edited);
    // Undo: the heading comes back and GR001 goes.
    const from2 = client.publishes.length;
    client.change(untitled, 3, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ls[line] + '\n' }]);
    const q = await client.waitForDiagnostics(untitled, (x) => x.version === 3, 5000, from2);
    assert.ok(!codes(q.diagnostics).includes('GR001'));
  });

  it('fast typing: 30 changes in a row publish only for the final version, never a stale one after it', async () => {
    const uri = 'file:///reports/typing-000.txt';
    client.open(uri, s000.text, 'plaintext', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const from = client.publishes.length;
    const last = lines(s000.text).length - 1;
    let version = 1;
    for (let i = 0; i < 30; i++) {
      version++;
      client.change(uri, version, [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '字' }]);
      await sleep(i % 3 === 0 ? 15 : 1);
    }
    const final = await client.waitForDiagnostics(uri, (p) => p.version === version, 5000, from);
    await sleep(500); // anything still in flight would arrive now
    const after = client.publishes.slice(from).filter((p) => p.uri === uri);
    assert.equal(after[after.length - 1], final, 'the last publish is for the final version');
    assert.ok(after.every((p) => p.version !== undefined && p.version <= version));
    // Debounced: far fewer runs than changes (the changes came faster than the 150 ms delay).
    assert.ok(after.length <= 3, `${after.length} publishes for 30 changes`);
    // Versions only ever increase.
    for (let i = 1; i < after.length; i++) assert.ok(after[i]!.version! > after[i - 1]!.version!);
    assert.equal(final.diagnostics.filter((d) => d.code === 'GR010').length, 3);
    client.close(uri);
  });

  it('a Markdown document that is not a report gets no diagnostics, symbols or folding', async () => {
    const uri = 'file:///notes/readme.md';
    client.open(uri, '# 会议记录\n\n一、议题\n\n讨论了下周的安排。\n', 'markdown', 1);
    await sleep(600);
    assert.equal(client.publishesFor(uri).filter((p) => p.diagnostics.length > 0).length, 0);
    const syms = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(syms === null || syms.length === 0);
    const folds = await client.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds === null || folds.length === 0);
  });

  it('a Markdown document that is a report is analysed', async () => {
    const uri = 'untitled:Untitled-2';
    client.open(uri, s000.text, 'markdown', 1);
    const p = await client.waitForDiagnostics(uri);
    assert.ok(codes(p.diagnostics).includes('GR010'));
  });

  it('applies per-rule settings from workspace/configuration and refreshes on didChangeConfiguration', async () => {
    const from = client.publishes.length;
    client.settings = { rules: { GR010: 'off', GR023: 'error' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitForDiagnostics(uri000, () => true, 5000, from);
    assert.ok(!codes(p.diagnostics).includes('GR010'), codes(p.diagnostics).join(' '));
    for (const d of p.diagnostics.filter((x) => x.code === 'GR023')) assert.equal(d.severity, 1);
    const from2 = client.publishes.length;
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const q = await client.waitForDiagnostics(uri000, () => true, 5000, from2);
    assert.ok(codes(q.diagnostics).includes('GR010'));
  });

  it('offers quick fixes as versioned edits, and source.fixAll', async () => {
    const p = await client.waitForDiagnostics(uri000, (x) => codes(x.diagnostics).includes('GR010'));
    const d = p.diagnostics.find((x) => x.code === 'GR010')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri000 }, range: d.range, context: { diagnostics: [d] },
    });
    assert.ok(Array.isArray(actions));
    for (const a of actions) {
      assert.ok(a.title);
      const edit = a.edit as WorkspaceEdit;
      assert.ok(edit.documentChanges?.length === 1);
      const tde = edit.documentChanges[0] as { textDocument: { uri: string; version: number } };
      assert.deepEqual(tde.textDocument, { uri: uri000, version: 1 });
    }
    assert.ok(actions.length >= 1, 'GR010 offers to insert the table template');
    assert.ok(actions.every((a) => a.kind === 'quickfix' || a.kind === 'refactor.rewrite'));
    assert.ok(actions[0]!.diagnostics?.some((x) => x.code === 'GR010'));
  });

  it('source.fixAll applies every safe fix as one versioned edit, and nothing else', async () => {
    const uri = 'file:///reports/fixall.txt';
    const text = s000.text.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施');
    client.open(uri, text, 'plaintext', 1);
    const p = await client.waitForDiagnostics(uri, (x) => codes(x.diagnostics).includes('GR004'));
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.length, 1);
    const a = fixAll[0]!;
    assert.equal(a.kind, 'source.fixAll.govreport');
    const change = a.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    for (let i = 1; i < change.edits.length; i++) {
      const prev = change.edits[i - 1]!.range.end;
      const cur = change.edits[i]!.range.start;
      assert.ok(prev.line < cur.line || (prev.line === cur.line && prev.character <= cur.character), 'sorted, no overlap');
    }
    const fixed = applyLspEdits(text, change.edits);
    assert.ok(fixed.includes('五、存在的主要问题及改进情况'));
    // Unsafe fixes (GR010's table template) are not part of fix-all.
    assert.equal(fixed.split('\n').length, text.split('\n').length);
    // Quick fixes without `only` do not include fix-all; with a changed document the version moves on.
    const gr004 = p.diagnostics.find((d) => d.code === 'GR004')!;
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: gr004.range, context: { diagnostics: [gr004] } });
    assert.ok(quick.some((q) => q.kind === 'quickfix'));
    assert.ok(!quick.some((q) => q.kind === 'source.fixAll.govreport'));
    client.change(uri, 2, [{ text: fixed }]);
    const after = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.govreport'] },
    });
    assert.deepEqual(after, [], 'nothing left to fix');
    client.close(uri);
  });

  it('hover, inlay hints, completion and formatting on a Markdown report with a pipe table', async () => {
    const uri = 'file:///reports/某某县2024年政府信息公开工作年度报告.md';
    const text = [
      '# 某某县人民政府2024年政府信息公开工作年度报告', '', '## 一、总体情况', '', '本年度工作正常开展。', '',
      '## 四、政府信息公开行政复议、行政诉讼情况', '',
      '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '|---|---:|---:|---:|---:|---:|',
      '| 行政复议 | 1 | 2 | 0 | 0 | 5 |',
      '| 行政诉讼·未经复议直接起诉 | 0 | 0 | 0 | 0 | 0 |',
      '| 行政诉讼·复议后起诉 | 0 | 0 | 0 | 0 | 0 |',
      '', '',
    ].join('\n');
    client.open(uri, text, 'markdown', 1);
    await client.waitForDiagnostics(uri);
    const ls = lines(text);
    const row = ls.findIndex((l) => l.startsWith('| 行政复议'));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: row, character: ls[row]!.lastIndexOf('5') } });
    if (hover) {
      assert.equal((hover.contents as { kind: string }).kind, 'markdown');
      assert.ok(hover.range && hover.range.start.line === row);
    }
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: ls.length - 1, character: 0 } } });
    assert.ok(Array.isArray(hints));
    for (const h of hints) assert.ok(h.position.line < ls.length && typeof h.label === 'string');
    // At the end: the headings still missing (二 三 五 六) are offered.
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: ls.length - 1, character: 0 } });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.some((l) => l.includes('六、其他需要报告的事项')), labels.join(' | '));
    // Formatting aligns the pipe table; formatting the result again changes nothing.
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
    const formatted = applyLspEdits(text, edits);
    client.change(uri, 2, [{ text: formatted }]);
    const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(again, []);
    const ranged = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: row, character: 0 }, end: { line: row, character: 1 } }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(ranged, []);
    client.close(uri);
  });

  it('hover and inlay hints can be switched off in settings', async () => {
    const uri = untitled;
    client.settings = { hover: { enabled: false }, inlayHints: { enabled: false } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 300, character: 0 } } });
    assert.deepEqual(hints, []);
    const ls = lines(huaian.text);
    for (let line = 0; line < ls.length; line += 7) {
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } }), null);
    }
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('survives requests for unknown documents and malformed params', async () => {
    assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nope.txt' } }), null);
    assert.equal(await client.request('textDocument/foldingRange', { textDocument: { uri: 'file:///nope.txt' } }), null);
    await client.request('textDocument/codeAction', { textDocument: { uri: uri000 }, range: { start: { line: 9999, character: 5 }, end: { line: -1, character: -3 } }, context: { diagnostics: [] } });
    // Still alive:
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri000 } });
    assert.ok(syms.length >= 6);
  });

  it('never crashes on odd input: binary text, out-of-range edits, unknown documents', async () => {
    const uri = 'untitled:Untitled-odd';
    const odd = '\u0000\ufeff政府信息公开工作年度报告\r\n一、\uD800\r二、｜\t\t|||\n' + '𠀀'.repeat(50) + '\n（' + '一'.repeat(5000);
    client.open(uri, odd, 'govreport', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    client.change(uri, 2, [{ range: { start: { line: 999, character: 999 }, end: { line: 1000, character: 0 } }, text: '三、\n' }]);
    client.change(uri, 3, [{ range: { start: { line: 1, character: 2 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    client.change('file:///never-opened.txt', 5, [{ text: 'abc' }]);
    client.close('file:///never-opened.txt');
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 3);
    for (const d of p.diagnostics) assert.match(String(d.code), /^GR\d{3}$/);
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
      await client.request(method, { textDocument: { uri } });
    }
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 10 } });
    await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    client.close(uri);
    assert.equal(client.proc.exitCode, null, 'server still running');
  });

  it('clears diagnostics on close', async () => {
    const from = client.publishes.length;
    client.close(uri000);
    const p = await client.waitForDiagnostics(uri000, () => true, 3000, from);
    assert.deepEqual(p.diagnostics, []);
  });
});
