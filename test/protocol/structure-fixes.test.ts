/**
 * The structure fixes over LSP, against the bundled server (dist/server.js), on the real samples:
 * every GR001/GR004/GR010/GR020 diagnostic offers its quick fix; applying it (one at a time, in
 * document order, re-requesting the actions after each change) removes exactly that diagnostic,
 * brings no new GR0xx error, and leaves the text outside the edited range untouched.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ensureBuilt, readSample, TestClient } from './client';

const TARGETS = new Set(['GR001', 'GR004', 'GR010', 'GR020']);
const ERROR = 1;
const SYMBOL_MODULE = 2; // sections
const SYMBOL_STRUCT = 23; // tables

type Counts = Partial<Record<'GR001' | 'GR004' | 'GR010' | 'GR020', number>>;

// ---------------------------------------------------------------------------------------------
// Text helpers on LSP positions (UTF-16 code units; lines end at \r\n, \n or \r).

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { starts.push(i + 2); i++; } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** Offset of an LSP position; asserts that it lies inside the text (no clamping: a bad range is a bug). */
function offsetOf(text: string, starts: number[], p: { line: number; character: number }): number {
  assert.ok(p.line >= 0 && p.line < starts.length, `line ${p.line} outside a document of ${starts.length} lines`);
  const start = starts[p.line]!;
  const next = p.line + 1 < starts.length ? starts[p.line + 1]! : text.length;
  let end = next;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  assert.ok(p.character >= 0 && start + p.character <= end, `character ${p.character} outside line ${p.line} (length ${end - start})`);
  return start + p.character;
}

interface OffsetEdit { start: number; end: number; newText: string }

function toOffsetEdits(text: string, edits: TextEdit[]): OffsetEdit[] {
  const starts = lineStarts(text);
  const out = edits.map((e) => ({ start: offsetOf(text, starts, e.range.start), end: offsetOf(text, starts, e.range.end), newText: e.newText }));
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of out) assert.ok(e.start <= e.end, 'edit range is not reversed');
  for (let i = 1; i < out.length; i++) assert.ok(out[i - 1]!.end <= out[i]!.start, 'edits do not overlap');
  return out;
}

/** Applies non-overlapping LSP text edits (all against the same original text). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  return toOffsetEdits(text, edits).reverse().reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

const lines = (text: string) => text.split(/\r\n|\n|\r/);
const msg = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const key = (d: Diagnostic) => `${d.code}\u0000${msg(d)}`;
const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
const targetsOf = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => TARGETS.has(String(d.code))).sort(byPosition);
const errors = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.severity === ERROR);
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${msg(d)}`).join('\n  ');

function countCodes(ds: Diagnostic[]): Counts {
  const out: Record<string, number> = {};
  for (const d of ds) out[String(d.code)] = (out[String(d.code)] ?? 0) + 1;
  return out;
}

/** The only edits of a workspace edit, asserting that it touches nothing but `uri` at `version`. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string, version: number): TextEdit[] {
  assert.ok(edit, 'the code action carries an edit');
  const out: TextEdit[] = [];
  if (edit.documentChanges) {
    for (const dc of edit.documentChanges) {
      assert.ok('textDocument' in dc && 'edits' in dc, `only text edits, no file operations: ${JSON.stringify(dc).slice(0, 200)}`);
      assert.equal(dc.textDocument.uri, uri, 'the edit touches only this document');
      if (dc.textDocument.version !== null) assert.equal(dc.textDocument.version, version, 'computed for the current version');
      out.push(...(dc.edits as TextEdit[]));
    }
  }
  if (edit.changes) {
    assert.deepEqual(Object.keys(edit.changes), [uri], 'the edit touches only this document');
    out.push(...edit.changes[uri]!);
  }
  assert.ok(edit.changeAnnotations === undefined || Object.keys(edit.changeAnnotations).length === 0);
  assert.ok(out.length > 0, 'the fix edits something');
  return out;
}

function symbolsNamed(syms: DocumentSymbol[], prefix: string): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const walk = (ss: DocumentSymbol[]) => {
    for (const s of ss) {
      if (s.kind === SYMBOL_MODULE && s.name.replace(/\s+/g, '').startsWith(prefix)) out.push(s);
      walk(s.children ?? []);
    }
  };
  walk(syms);
  return out;
}

function tablesUnder(s: DocumentSymbol): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const walk = (ss: DocumentSymbol[]) => { for (const c of ss) { if (c.kind === SYMBOL_STRUCT) out.push(c); walk(c.children ?? []); } };
  walk(s.children ?? []);
  return out;
}

// ---------------------------------------------------------------------------------------------

interface Applied {
  diagnostic: Diagnostic;
  action: CodeAction;
  edits: OffsetEdit[];
  before: string;
  after: string;
}

interface Run { text: string; version: number; applied: Applied[]; initial: PublishDiagnosticsParams; final: PublishDiagnosticsParams }

describe('structure fixes over LSP (GR001 / GR004 / GR010 / GR020)', () => {
  let client: TestClient;

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize({ locale: 'zh-cn' });
  });

  after(async () => {
    await client.stop();
  });

  /**
   * Opens `text`, checks the target diagnostics against `expected`, then applies their preferred
   * quick fixes one at a time, in document order, checking each step.
   */
  async function fixAll(uri: string, text: string, expected: Counts, languageId = 'plaintext'): Promise<Run> {
    let from = client.publishes.length;
    client.open(uri, text, languageId, 1);
    const initial = await client.waitForDiagnostics(uri, (p) => p.version === 1, 5000, from);
    const targets = targetsOf(initial);
    assert.deepEqual(countCodes(targets), expected, `target diagnostics of ${uri}:\n  ${summary(targets)}`);

    let version = 1;
    let current = initial;
    const applied: Applied[] = [];
    for (const original of targets) {
      // The same diagnostic (code and message) in the current version: positions may have moved.
      const d = targetsOf(current).find((x) => key(x) === key(original));
      assert.ok(d, `still reported after the previous fixes: ${original.code} ${msg(original)}`);

      const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', {
        textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
      });
      assert.ok(Array.isArray(actions), `${d.code}: code actions answered`);
      const mine = actions.filter((a) => a.kind === 'quickfix' && a.diagnostics?.some((x) => key(x) === key(d)));
      assert.ok(mine.length > 0, `${d.code} ${msg(d)}: offers a quick fix (got ${actions.map((a) => `${a.kind} ${a.title}`).join('; ') || 'none'})`);
      const action = mine.find((a) => a.isPreferred) ?? mine[0]!;
      const lspEdits = editsFor(action.edit, uri, version);
      const edits = toOffsetEdits(text, lspEdits);
      const next = applyTextEdits(text, lspEdits);
      assert.notEqual(next, text, `${d.code}: the fix changes the text`);

      // Nothing outside the edited range changes (byte for byte: same UTF-16 string).
      const start = edits[0]!.start;
      const end = edits[edits.length - 1]!.end;
      const tail = text.length - end;
      assert.equal(next.slice(0, start), text.slice(0, start), `${d.code}: text before the edit is unchanged`);
      assert.equal(next.slice(next.length - tail), text.slice(end), `${d.code}: text after the edit is unchanged`);

      // The client side: send the edits as incremental changes, last first, so each range is still valid.
      version++;
      from = client.publishes.length;
      client.change(uri, version, [...lspEdits].sort((a, b) => byPosition({ range: b.range } as Diagnostic, { range: a.range } as Diagnostic)).map((e) => ({ range: e.range, text: e.newText })));
      const p = await client.waitForDiagnostics(uri, (x) => x.version === version, 5000, from);

      // That diagnostic is gone; no other target diagnostic appeared; no new GR0xx error.
      assert.ok(!p.diagnostics.some((x) => key(x) === key(d)), `${d.code} ${msg(d)}: gone after its fix; now:\n  ${summary(targetsOf(p))}`);
      const beforeTargets = targetsOf(current).map(key);
      for (const t of targetsOf(p)) assert.ok(beforeTargets.includes(key(t)), `no new ${t.code} after fixing ${d.code}: ${msg(t)}`);
      assert.equal(targetsOf(p).length, targetsOf(current).length - 1, 'exactly one target diagnostic fewer');
      // No new error at all (GR0xx as required; and a blank template or a migrated table must not
      // bring table errors either).
      const known = errors(current).map(key);
      for (const e of errors(p)) {
        const i = known.indexOf(key(e));
        assert.ok(i >= 0, `no new ${/^GR0/.test(String(e.code)) ? 'GR0xx' : 'table/text'} error after fixing ${d.code} (${msg(d)}): ${e.code} ${msg(e)} at ${e.range.start.line}:${e.range.start.character}`);
        known.splice(i, 1);
      }

      applied.push({ diagnostic: d, action, edits, before: text, after: next });
      text = next;
      current = p;
    }
    assert.deepEqual(targetsOf(current), [], 'no GR001/GR004/GR010/GR020 left');
    return { text, version, applied, initial, final: current };
  }

  async function symbols(uri: string): Promise<DocumentSymbol[]> {
    const syms = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(syms));
    return syms;
  }

  /** Sections 二、三、四 each exist once and hold at least one table. */
  async function assertSectionsHoldTables(uri: string): Promise<void> {
    const syms = await symbols(uri);
    for (const ordinal of ['二、', '三、', '四、']) {
      const secs = symbolsNamed(syms, ordinal);
      assert.equal(secs.length, 1, `one section ${ordinal} in the outline`);
      assert.ok(tablesUnder(secs[0]!).length > 0, `section ${secs[0]!.name} holds a table`);
    }
  }

  /** The inserted text of a pure insertion, and its position. */
  function insertion(a: Applied): OffsetEdit {
    assert.equal(a.edits.length, 1, `${a.diagnostic.code}: one edit`);
    const e = a.edits[0]!;
    assert.equal(e.start, e.end, `${a.diagnostic.code}: an insertion, nothing replaced`);
    return e;
  }

  it('000 (2019, bare headings 二三四): GR010 ×3, each inserts its tables after its own heading', async () => {
    const s = readSample('000');
    const uri = 'file:///reports/structure-fixes/000.txt';
    const run = await fixAll(uri, s.text, { GR010: 3 });
    assert.deepEqual(run.applied.map((a) => msg(a.diagnostic).slice(1, 3)), ['二、', '三、', '四、']);
    for (const a of run.applied) {
      const e = insertion(a);
      // Right after the heading line of its section, LF like the file.
      const headingLine = a.diagnostic.range.start.line;
      // At the start of the line after the heading (or at the very end when the heading is the last line).
      const atLine = lines(a.before.slice(0, e.start)).length - 1;
      assert.equal(atLine, e.start === a.before.length ? headingLine : headingLine + 1, `${msg(a.diagnostic)}: inserted after its heading (line ${headingLine})`);
      assert.match(a.before.slice(0, e.start), /[\r\n]$/, 'at a line start');
      assert.ok(!e.newText.includes('\r'), 'LF document: LF inserted');
      assert.match(e.newText, /\|/, 'a Markdown table');
    }
    // A 2019 report gets the 2019 templates.
    assert.ok(run.applied[0]!.edits[0]!.newText.includes('本年新制作数量'), '2019 T2.1 columns');
    await assertSectionsHoldTables(uri);
    client.close(uri);
  });

  it('000 converted to CRLF: the same fixes insert CRLF only', async () => {
    const s = readSample('000');
    const crlf = s.text.replace(/\r?\n/g, '\r\n');
    const uri = 'file:///reports/structure-fixes/000-crlf.txt';
    const run = await fixAll(uri, crlf, { GR010: 3 });
    for (const a of run.applied) {
      const e = insertion(a);
      assert.ok(e.newText.includes('\r\n'), 'inserts line breaks');
      assert.doesNotMatch(e.newText, /(?<!\r)\n|\r(?!\n)/, `${msg(a.diagnostic)}: only CRLF in the inserted text`);
    }
    assert.doesNotMatch(run.text, /(?<!\r)\n|\r(?!\n)/, 'the whole document stays CRLF');
    await assertSectionsHoldTables(uri);
    client.close(uri);
  });

  it('002 (2019, text only in 二三四, half-width "(一)"): GR010 ×3', async () => {
    const s = readSample('002');
    const uri = 'file:///reports/structure-fixes/002.txt';
    const run = await fixAll(uri, s.text, { GR010: 3 });
    assert.deepEqual(run.applied.map((a) => msg(a.diagnostic).slice(1, 3)), ['二、', '三、', '四、']);
    for (const a of run.applied) insertion(a);
    // The document writes "(一)": the templates follow.
    const t2 = run.applied[0]!.edits[0]!.newText;
    assert.ok(t2.includes('第二十条第(一)项') && !t2.includes('（一）'), `half-width brackets in:\n${t2.slice(0, 200)}`);
    await assertSectionsHoldTables(uri);
    client.close(uri);
  });

  it('003 (headings 三 and 四 missing before their tables): GR001 ×2, inserted directly before the orphaned tables, which then belong to them', async () => {
    const s = readSample('003');
    const uri = 'file:///reports/structure-fixes/003.txt';
    const run = await fixAll(uri, s.text, { GR001: 2 });
    assert.deepEqual(run.applied.map((a) => /“(.)、/.exec(msg(a.diagnostic))?.[1]), ['三', '四']);
    for (const a of run.applied) {
      const e = insertion(a);
      // At the start of the line the diagnostic points at: the first line of the orphaned table.
      const beforeLines = lines(a.before);
      const line = a.diagnostic.range.start.line;
      assert.equal(lines(a.before.slice(0, e.start)).length - 1, line, 'inserted on the table\'s first line');
      assert.ok(e.start === 0 || /[\r\n]$/.test(a.before.slice(0, e.start)), 'at a line start');
      // The standard heading, indented like the document's other headings (full-width spaces).
      assert.equal(e.newText.trim(), msg(a.diagnostic).includes('三、') ? '三、收到和处理政府信息公开申请情况' : '四、政府信息公开行政复议、行政诉讼情况');
      assert.match(e.newText, /^\u3000\u3000[三四]、/, 'indented like the other headings');
      assert.match(e.newText, /\n$/, 'ends with a line break');
      // The table line follows the new heading unchanged.
      assert.equal(lines(a.after)[line + lines(e.newText).length - 1], beforeLines[line]);
    }
    // Each new section holds its table, starting on the line right after the inserted heading.
    const syms = await symbols(uri);
    for (const [ordinal, tableTitle] of [['三、', '表三'], ['四、', '表四']] as const) {
      const secs = symbolsNamed(syms, ordinal);
      assert.equal(secs.length, 1, `section ${ordinal} in the outline`);
      const sec = secs[0]!;
      const tables = tablesUnder(sec);
      assert.deepEqual(tables.map((t) => t.name.slice(0, 2)), [tableTitle], `${sec.name} holds ${tableTitle} (children: ${(sec.children ?? []).map((c) => `${c.kind}:${c.name}`).join(', ')})`);
      assert.equal(tables[0]!.range.start.line, sec.range.start.line + 1, `${tableTitle} directly follows its heading`);
    }
    // And section 二 no longer swallows T3/T4.
    const two = symbolsNamed(syms, '二、')[0]!;
    const r3 = symbolsNamed(syms, '三、')[0]!.range.start.line;
    assert.ok(tablesUnder(two).every((t) => t.range.end.line < r3), 'section 二 ends before 三');
    client.close(uri);
  });

  it('004 (legacy structure): GR005 only, no GR001/GR004/GR010/GR020 and no such quick fixes', async () => {
    const s = readSample('004');
    const uri = 'file:///reports/structure-fixes/004.txt';
    const run = await fixAll(uri, s.text, {});
    assert.ok(run.initial.diagnostics.some((d) => d.code === 'GR005'), 'GR005 reported');
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines(s.text).length - 1, character: 0 } };
    const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['quickfix'] } });
    for (const a of actions ?? []) assert.ok(!a.diagnostics?.some((d) => TARGETS.has(String(d.code))), `no structure fix offered: ${a.title}`);
    client.close(uri);
  });

  it('huaian-2024 (clean 2021 report): none of these diagnostics, sections hold their tables', async () => {
    const s = readSample('huaian');
    const uri = 'file:///reports/structure-fixes/huaian-2024.txt';
    await fixAll(uri, s.text, {});
    await assertSectionsHoldTables(uri);
    client.close(uri);
  });

  it('GR004 on 000 with a variant title: replaced by the standard title, only the title changes', async () => {
    const s = readSample('000');
    const text = s.text.replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施');
    assert.notEqual(text, s.text);
    const uri = 'file:///reports/structure-fixes/000-gr004.txt';
    const run = await fixAll(uri, text, { GR004: 1, GR010: 3 });
    const a = run.applied.find((x) => x.diagnostic.code === 'GR004')!;
    assert.equal(a.edits.length, 1);
    const e = a.edits[0]!;
    assert.equal(a.before.slice(e.start, e.end), '存在的主要问题及整改措施', 'replaces exactly the title');
    assert.equal(e.newText, '存在的主要问题及改进情况');
    assert.equal(a.action.isPreferred, true);
    // After every fix the document is the original sample with the three templates: 五 is back to normal.
    assert.ok(run.text.includes(' 五、存在的主要问题及改进情况'));
    client.close(uri);
  });

  // A 2023 report (version 2021) whose section 二 has the 2019 layout of 第二十条第（六）项.
  const HEAD = ['# 北山县人民政府2023年政府信息公开工作年度报告', '', '本报告统计期限为2023年1月1日至2023年12月31日。', '',
    '## 一、总体情况', '', '2023年，北山县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。', '',
    '## 二、主动公开政府信息情况', '', '第二十条第（六）项', ''];
  const TAIL = ['', '## 三、收到和处理政府信息公开申请情况', '', '本年度未收到政府信息公开申请。', '',
    '## 四、政府信息公开行政复议、行政诉讼情况', '', '本年度未发生政府信息公开行政复议、行政诉讼。', '',
    '## 五、存在的主要问题及整改措施', '', '存在的问题是公开深度不够。2024年，我们将进一步加强公开工作。', '',
    '## 六、其他需要报告的事项', '', '本年度未收取信息处理费。', '', '北山县人民政府办公室', '2024年1月20日', ''];

  function assertMigratedT26(a: Applied): void {
    const e = a.edits[0]!;
    assert.equal(a.edits.length, 1);
    const out = lines(e.newText);
    const header = out.find((l) => l.includes('本年处理决定数量'));
    assert.ok(header, `2021 header in:\n${e.newText}`);
    assert.ok(!e.newText.includes('上一年项目数量') && !e.newText.includes('本年增/减'), '2019 columns gone');
    const cells = (label: string) => {
      const l = out.find((x) => x.replace(/^\|?\s*/, '').startsWith(label));
      assert.ok(l, `row ${label} in:\n${e.newText}`);
      return l.split(/\||\t/).map((c) => c.trim()).filter((c) => c !== '');
    };
    assert.deepEqual(cells('行政处罚'), ['行政处罚', '219'], '219 carried into 本年处理决定数量');
    assert.deepEqual(cells('行政强制'), ['行政强制', '7']);
    // The caption is not duplicated.
    const full = a.after;
    assert.equal(full.split('第二十条第（六）项').length - 1, 1, `one caption:\n${full.slice(0, 600)}`);
  }

  it('GR020 (Markdown 2019 T2.6 in a 2023 report): rewritten in the 2021 layout with 219 carried over; with GR004 and GR010 ×2', async () => {
    const text = [...HEAD,
      '| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |',
      '| :--- | ---: | ---: | ---: |',
      '| 行政处罚 | 12 | 0 | 219 |',
      '| 行政强制 | 3 | 1 | 7 |',
      ...TAIL].join('\n');
    const uri = 'file:///reports/structure-fixes/北山县2023年政府信息公开工作年度报告.md';
    const run = await fixAll(uri, text, { GR020: 1, GR010: 2, GR004: 1 }, 'markdown');
    assert.equal(run.applied[0]!.diagnostic.code, 'GR020');
    assertMigratedT26(run.applied[0]!);
    assert.ok(!run.final.diagnostics.some((d) => d.code === 'GR020'));
    await assertSectionsHoldTables(uri);
    client.close(uri);
  });

  it('GR020 (tab-separated 2019 T2.6, plaintext): rewritten, nothing else changes', async () => {
    const text = [...HEAD.map((l) => l.replace(/^#+ /, '')),
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政处罚\t12\t0\t219',
      '行政强制\t3\t1\t7',
      ...TAIL.map((l) => l.replace(/^#+ /, ''))].join('\n');
    const uri = 'file:///reports/structure-fixes/北山县2023-tsv.txt';
    const run = await fixAll(uri, text, { GR020: 1, GR010: 2, GR004: 1 });
    assert.equal(run.applied[0]!.diagnostic.code, 'GR020');
    assertMigratedT26(run.applied[0]!);
    client.close(uri);
  });
});
