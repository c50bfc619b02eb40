/**
 * The incremental analysis (core/incremental) against the full one: random edit sequences over
 * the real samples (characters, digits in table cells, tabs and pipes, line breaks, whole lines
 * and table rows deleted, duplicated or pasted elsewhere, headings typed), and after every edit
 * the incremental model equals parseReport's and the findings (ranges, messages, related
 * information, fix edits) and the outline equal analyze()'s.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, analyzeModel, type AnalyzeOptions } from '../../server/src/core/analyze';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { IncrementalDocument } from '../../server/src/core/incremental/analyzer';
import { modelDifference } from '../../server/src/core/incremental/compare';
import { changedRange } from '../../server/src/core/incremental/diff';
import { IncrementalParser, MARGIN } from '../../server/src/core/incremental/parser';
import { CELL_FIELDS, ROW_FIELDS, shiftedTable, shiftTableInPlace, TABLE_FIELDS } from '../../server/src/core/incremental/shift';
import type { Analysis } from '../../server/src/core/analyze';
import type { Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { extractFacts } from '../../server/src/core/prose/facts';
import { buildProse } from '../../server/src/core/prose/prose';
import { TABLE_RULES } from '../../server/src/core/incremental/ruleCache';
import { RULES } from '../../server/src/core/rules/registry';
import type { Rule, RuleContext } from '../../server/src/core/rules/types';
import { SAMPLES_DIR, sample, said as findingsSaid } from './helpers';

const SAMPLES = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => f.replace(/\.txt$/, ''));

/** What the checker says (helpers.ts) and the outline, as comparable text. */
function said(a: Analysis): string {
  return `${findingsSaid(a)}\n${JSON.stringify(documentSymbols(a.model))}`;
}

type Op =
  | { kind: 'type'; at: number; text: string; del: number }
  | { kind: 'cell'; table: number; at: number; text: string; del: number }
  | { kind: 'line'; line: number; action: 'delete' | 'duplicate' | 'move' | 'split'; to: number }
  | { kind: 'paste'; from: number; len: number; at: number };

const SNIPPETS = ['', '1', '0', '9', '12', '-', '无', '。', '，', ' ', '  ', '\u3000', '\t', '|', ' | ', '\n', '\r\n', '\n\n',
  '一、', '（三）', '表三', '合计', '总计', '2021', '2019年', '第二十条第（一）项', '| --- |', '# ', '、', '\uD842\uDFB7'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.constantFrom(...SNIPPETS), del: fc.nat({ max: 4 }) }),
  fc.record({ kind: fc.constant('cell' as const), table: fc.nat(), at: fc.nat(), text: fc.constantFrom(...SNIPPETS), del: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('line' as const), line: fc.nat(), action: fc.constantFrom('delete' as const, 'duplicate' as const, 'move' as const, 'split' as const), to: fc.nat() }),
  fc.record({ kind: fc.constant('paste' as const), from: fc.nat(), len: fc.nat({ max: 400 }), at: fc.nat() }),
);

/** Applies `o` to `text` (positions taken modulo the current length, tables of the current model). */
function apply(text: string, o: Op, tables: readonly { span: { start: number; end: number } }[]): string {
  const splice = (at: number, del: number, ins: string) => text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
  switch (o.kind) {
    case 'type': return splice(o.at % (text.length + 1), o.del, o.text);
    case 'cell': {
      if (!tables.length) return splice(o.at % (text.length + 1), o.del, o.text);
      const t = tables[o.table % tables.length]!;
      return splice(t.span.start + (o.at % (t.span.end - t.span.start + 1)), o.del, o.text);
    }
    case 'line': {
      const lines = text.split('\n');
      const i = o.line % lines.length;
      const j = o.to % lines.length;
      if (o.action === 'delete') lines.splice(i, 1);
      else if (o.action === 'duplicate') lines.splice(i, 0, lines[i]!);
      else if (o.action === 'move') lines.splice(j, 0, ...lines.splice(i, 1));
      else lines[i] = lines[i]!.replace(/\s{2,}|\t/, '\n');
      return lines.join('\n');
    }
    case 'paste': {
      const from = o.from % (text.length + 1);
      return splice(o.at % (text.length + 1), 0, text.slice(from, from + o.len));
    }
  }
}

function checkSequence(start: string, ops: readonly Op[], withFindings: boolean): void {
  const doc = new IncrementalDocument();
  let text = start;
  let model = doc.model(text);
  for (const o of ops) {
    text = apply(text, o, model.tables);
    model = doc.model(text);
    const full = parseReport(text);
    const d = modelDifference(model, full);
    assert.equal(d, null, `models differ at ${d} after ${JSON.stringify(o)}`);
    assert.deepStrictEqual(doc.facts.extract(model), extractFacts(full), `prose facts differ after ${JSON.stringify(o)}`);
    if (withFindings) {
      const inc = doc.analyze(text, { locale: 'zh-cn' });
      assert.equal(said(inc), said(analyze(text, { locale: 'zh-cn' })), `findings differ after ${JSON.stringify(o)}`);
    }
  }
}

for (const name of SAMPLES) {
  test(`incremental = full on random edits of ${name}`, () => {
    const text = sample(name);
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), (ops) => checkSequence(text, ops, true)), { numRuns: 5, seed: 13 });
  });
}

test('incremental = full on a long report (samples joined) with edits far apart and in tables', () => {
  const text = SAMPLES.map((n) => sample(n)).join('\n\n');
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => checkSequence(text, ops, false)), { numRuns: 10, seed: 7 });
});

test('incremental = full with CRLF and lone CR line ends (a break split or joined by an edit)', () => {
  const crlf = sample('huaian').replace(/\r?\n/g, '\r\n');
  const cr = sample('003').replace(/\r?\n/g, '\r');
  for (const [text, seed] of [[crlf, 3], [cr, 5]] as const) {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 15 }), (ops) => checkSequence(text, ops, false)), { numRuns: 6, seed });
  }
});

test('incremental = full for edits on every line from 12 above to 12 below each table (captions, notes, detached rows, gaps)', () => {
  const inserts = ['\n', '表三 收到和处理政府信息公开申请情况\n', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n', '四、结转下年度继续办理 0 0 0 0 0 0 0\n'];
  for (const name of ['huaian']) {
    const text = sample(name);
    const base = parseReport(text);
    const parser = new IncrementalParser();
    parser.parse(text);
    const lines = text.split('\n');
    const starts: number[] = [];
    for (let i = 0, o = 0; i < lines.length; o += lines[i]!.length + 1, i++) starts.push(o);
    for (const t of base.tables) {
      const first = base.source.lineIndexAt(t.span.start);
      const last = base.source.lineIndexAt(t.span.end);
      for (let k = -12; k <= 12; k++) {
        for (const line of k <= 0 ? [first + k] : [last + k]) {
          if (line < 0 || line >= lines.length) continue;
          const at = starts[line]!;
          const edits = [...inserts.map((ins) => text.slice(0, at) + ins + text.slice(at)), text.slice(0, at) + text.slice(at + lines[line]!.length + 1)];
          for (const edited of edits) {
            const d = modelDifference(parser.parse(edited), parseReport(edited));
            assert.equal(d, null, `${name}: edit at line ${line + 1} (table lines ${first + 1}-${last + 1}) differs at ${d}`);
            // And back: the edit undone.
            const d2 = modelDifference(parser.parse(text), base);
            assert.equal(d2, null, `${name}: undoing the edit at line ${line + 1} differs at ${d2}`);
          }
        }
      }
    }
  }
});

test('an edit far from every table re-reads a window, not the document', () => {
  const base = sample('huaian');
  const text = `${base}\n\n${base}`;
  const parser = new IncrementalParser();
  parser.parse(text);
  const at = text.indexOf('\n', 5);
  const edited = text.slice(0, at) + '。' + text.slice(at);
  const model = parser.parse(edited);
  assert.equal(parser.stats.full, 1);
  assert.equal(parser.stats.incremental, 1);
  assert.ok(parser.stats.lastWindowLines < model.source.lineCount / 4, `window ${parser.stats.lastWindowLines} of ${model.source.lineCount} lines`);
  assert.ok(parser.stats.lastWindowLines >= MARGIN);
  assert.equal(modelDifference(model, parseReport(edited)), null);
});

test('tables before an edit keep their identity, tables after it move with the text', () => {
  const base = sample('huaian');
  const text = `${base}\n\n${base}`;
  const parser = new IncrementalParser();
  const before = parser.parse(text);
  const at = text.length - 3;
  const after = parser.parse(text.slice(0, at) + '，' + text.slice(at));
  assert.ok(before.tables.length > 2);
  assert.equal(after.tables[0], before.tables[0]);
  const early = parser.parse('前言。\n' + after.source.text);
  assert.notEqual(early.tables[0], after.tables[0]);
  assert.equal(early.tables[0]!.span.start, after.tables[0]!.span.start + 4);
});

test('the parser remembers only the last parse\'s moved tables (a chain over versions would keep every version alive)', () => {
  const base = sample('huaian');
  const text = `${base}\n\n${base}`;
  const parser = new IncrementalParser();
  parser.parse(text);
  const v1 = parser.parse('前言。\n' + text);
  assert.ok(v1.tables.length > 2 && parser.movedFrom.size > 0);
  const v2 = parser.parse('前言。\n\n' + text);
  assert.ok(v1.tables.every((t) => !parser.movedFrom.has(t)), 'a table of the version before still maps to its own predecessor');
  assert.ok(v2.tables.every((t) => parser.movedFrom.get(t) === undefined || v1.tables.includes(parser.movedFrom.get(t)!)));
});

test('changedRange: prefix and suffix, CRLF and astral characters, equal texts', () => {
  assert.equal(changedRange('abc', 'abc'), null);
  assert.deepEqual(changedRange('a\r\nb', 'a\nb'), { start: 1, oldEnd: 2, newEnd: 1 });
  assert.deepEqual(changedRange('x\uD842\uDFB7y', 'x\uD842\uDFB8y'), { start: 2, oldEnd: 3, newEnd: 3 });
  const long = 'x'.repeat(10000);
  assert.deepEqual(changedRange(long + 'a' + long, long + 'bb' + long), { start: 10000, oldEnd: 10001, newEnd: 10002 });
  assert.deepEqual(changedRange('aaaa', 'aa'), { start: 2, oldEnd: 4, newEnd: 2 });
});

test('tables, rows and cells have only the fields the table shifter copies (a new field must be added to shift.ts)', () => {
  const tableFields = new Set(TABLE_FIELDS);
  const rowFields = new Set(ROW_FIELDS);
  const cellFields = new Set(CELL_FIELDS);
  let tables = 0;
  for (const name of SAMPLES) {
    for (const t of parseReport(sample(name)).tables) {
      tables++;
      for (const k of Object.keys(t)) assert.ok(tableFields.has(k), `Table.${k}`);
      for (const r of t.rows) {
        for (const k of Object.keys(r)) assert.ok(rowFields.has(k), `Row.${k}`);
        for (const c of r.cells) for (const k of Object.keys(c)) assert.ok(cellFields.has(k), `Cell.${k}`);
      }
    }
  }
  assert.ok(tables > 10);
});

test('a shifted table equals the table read at the new offset', () => {
  const text = sample('huaian');
  const a = parseReport(text);
  const b = parseReport('前言\n' + text);
  assert.equal(a.tables.length, b.tables.length);
  a.tables.forEach((t, i) => assert.deepEqual(shiftedTable(t, 3), b.tables[i]));
});

test('the generic shift and the in-place shift move cells too (their span is start/end on the cell)', () => {
  const text = sample('huaian');
  const a = parseReport(text);
  const b = parseReport('前言\n' + text);
  a.tables.forEach((t, i) => {
    // An unknown field sends shiftedTable down the generic walk.
    const odd = shiftedTable({ ...t, extra: 1 } as Table, 3) as Table & { extra?: number };
    assert.equal(odd.extra, 1);
    delete odd.extra;
    assert.deepEqual(odd, b.tables[i]);
    shiftTableInPlace(t, 3);
    assert.deepEqual(t, b.tables[i]);
  });
});

// Prose facts reused per sentence (incremental/factsCache.ts): each edit below leaves a sentence's
// text as it was but changes something else its facts read; a cache keyed on too little fails here.
function factsAfterEdit(before: string, after: string): { reused: number; sentences: number } {
  const doc = new IncrementalDocument();
  doc.analyze(before);
  const model = doc.model(after);
  const facts = doc.facts.extract(model);
  const stats = { ...doc.facts.stats };
  assert.deepStrictEqual(facts, extractFacts(parseReport(after)));
  assert.equal(said(doc.analyze(after)), said(analyze(after)));
  return stats;
}

const REPORT = (body: string) => `某某县人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${body}\n`;

test('facts cache: a sentence moved into another section is read again (行政复议 counts only in 五)', () => {
  const sen = '本年度发生行政复议5件，均获维持。';
  const before = REPORT(`全年工作有序开展。\n\n五、政府信息公开行政复议、行政诉讼情况\n\n${sen}`);
  const after = before.replace('五、政府信息公开行政复议、行政诉讼情况\n\n', '');
  const facts = (t: string) => extractFacts(parseReport(t)).counts.filter((c) => c.kind === 'review').length;
  assert.equal(facts(before), 1); // the edit changes what the sentence says: the test can tell
  assert.equal(facts(after), 0);
  const s = factsAfterEdit(before, after);
  assert.ok(s.reused > 0 && s.reused < s.sentences, JSON.stringify(s));
});

test('facts cache: a sentence re-wrapped over two lines (same flat text, other offsets) is read again', () => {
  const before = REPORT('全年工作有序开展。2024年，共受理政府信息公开申请3119件，答复3050件。');
  const after = before.replace('申请3119件', '申请\n3119件');
  assert.equal(extractFacts(parseReport(after)).prose.sentences[1]?.text, extractFacts(parseReport(before)).prose.sentences[1]?.text);
  factsAfterEdit(before, after);
  // Text typed before the sentence moves it by one delta: reused, spans moved.
  const s = factsAfterEdit(before, before.replace('全年工作', '全年各项工作'));
  assert.equal(s.reused, s.sentences - 1);
});

test('facts cache: an entry kept from two versions back is reused only where it still reads the same', () => {
  // The entry of "申请3119件" is made in version 1, unused in 2 (the figure changed) and found by key in 3;
  // in 4 the same text sits in another section and under another line wrapping: read again each time.
  const v1 = REPORT('全年工作有序开展。2024年，共受理政府信息公开申请3119件，答复3050件。\n\n五、政府信息公开行政复议、行政诉讼情况\n\n行政复议5件。');
  const v2 = v1.replace('3119件', '3120件');
  const v4 = v1.replace('行政复议5件。', '行政复议5件。2024年，共受理政府信息公开申请3119件，答复3050件。').replace('申请3119件，答复3050件。\n', '申请\n3119件，答复3050件。\n');
  const doc = new IncrementalDocument();
  for (const [i, t] of [v1, v2, v1, v4, v2, v1].entries()) {
    const facts = doc.facts.extract(doc.model(t));
    assert.deepStrictEqual(facts, extractFacts(parseReport(t)), `version ${i}`);
    assert.equal(said(doc.analyze(t)), said(analyze(t)), `version ${i}`);
  }
});

test('facts cache: the entries kept by key stay bounded over many edits', () => {
  const base = REPORT('全年工作有序开展。2024年，共受理政府信息公开申请3119件，答复3050件。');
  const doc = new IncrementalDocument();
  let t = base;
  for (let i = 0; i < 400; i++) {
    t = base.replace('3119件', `${3119 + i}件`);
    doc.facts.extract(doc.model(t));
  }
  const s = doc.facts.stats;
  assert.ok(s.entries <= 2 * s.sentences + 256, JSON.stringify(s));
  assert.deepStrictEqual(doc.facts.extract(doc.model(t)), extractFacts(parseReport(t)));
});

// Prose rebuilt around the edit (incremental/proseCache.ts): each edit below changes the scan's
// state, a line's kind, a section or the paragraph numbering after the edited line; a tail taken
// over too early (or not renumbered) fails here.
function proseAfterEdits(texts: string[]): { scanned: number; incremental: boolean; lines: number } {
  const doc = new IncrementalDocument();
  for (const t of texts) {
    const model = doc.model(t);
    assert.deepStrictEqual(doc.facts.extract(model).prose, buildProse(parseReport(t)), `prose differs for ${JSON.stringify(t.slice(0, 80))}`);
  }
  return { ...doc.facts.prose.stats, lines: doc.model(texts[texts.length - 1]!).source.lineCount };
}

test('prose cache: an edit in a long report re-scans a few lines and equals buildProse', () => {
  const base = sample('huaian');
  const text = `${base}\n\n${base}\n\n${base}`;
  const at = text.indexOf('\n', 5);
  const s = proseAfterEdits([text, text.slice(0, at) + '。' + text.slice(at), text]);
  assert.ok(s.incremental && s.scanned < 20, JSON.stringify(s));
});

test('prose cache: edits that change the scan state, a line kind, the sections or the paragraphs after them', () => {
  const before = REPORT('全年工作有序开展\n继续推进公开\n\n二、主动公开政府信息情况\n\n本年新制发规范性文件5件。\n说明如下。\n\n三、收到和处理政府信息公开申请情况\n\n收到申请10件。');
  const edits = [
    before.replace('有序开展\n', '有序开展。\n\n'), // a terminal and a gap: the next line starts a paragraph
    before.replace('继续推进公开', '一、继续推进公开'), // a line becomes a heading: sections and paragraphs after it change
    before.replace('二、主动公开政府信息情况', '主动公开政府信息情况'), // a heading becomes prose: section 二 is gone
    before.replace('5件。\n说明', '5件。\n\n\n\n\n\n说明'), // a long gap: a paragraph break
    before.replace('\n\n三、', '\n项目\t数量\n三、'), // a table-like line
    before.replace('全年工作', 'abc\n123'), // words and digits wrapped over lines
  ];
  for (const after of edits) {
    assert.notEqual(after, before);
    proseAfterEdits([before, after, before]);
  }
});

test('prose cache: a long prose kept in pieces (edits in many places, past the compaction) equals buildProse and extractFacts', () => {
  // Long enough that the edited text is kept as pieces (proseCache.ts MIN_PIECED) and facts are read around each sentence.
  const base = sample('huaian');
  const text = Array.from({ length: 24 }, () => base).join('\n\n');
  assert.ok(buildProse(parseReport(text)).text.length > 1 << 15);
  const doc = new IncrementalDocument();
  doc.facts.extract(doc.model(text));
  // Each edit far from the last adds pieces; past 32 of them the text is made flat again.
  let t = text;
  for (let i = 0; i < 90; i++) {
    const spots = [...t.matchAll(/件。/g)].map((m) => m.index!);
    const at = spots[(i * 37) % spots.length]!;
    t = t.slice(0, at) + (i % 3 === 0 ? '。其中' : '2') + t.slice(at);
    if (i % 8 !== 0 && i < 80) { doc.facts.extract(doc.model(t)); continue; }
    const full = parseReport(t);
    const facts = doc.facts.extract(doc.model(t));
    assert.equal(facts.prose.text, buildProse(full).text, `edit ${i}`);
    assert.deepStrictEqual(facts, extractFacts(full), `edit ${i}`);
  }
});

test('facts cache: 其中 opening a sentence takes its total from the previous sentence, which changed', () => {
  const before = REPORT('全年共收到政府信息公开申请10件。其中，予以公开3件，不予公开7件。');
  const after = before.replace('申请10件', '申请12件');
  const totals = (t: string) => extractFacts(parseReport(t)).breakdowns.map((b) => b.total.text);
  assert.deepEqual(totals(before), ['10件']);
  assert.deepEqual(totals(after), ['12件']);
  factsAfterEdit(before, after);
  // The previous sentence split off into its own paragraph: no total any more.
  factsAfterEdit(before, before.replace('10件。', '10件。\n\n'));
});

test('a table kept by identity is judged against the new table list (a second 表三 pasted below makes the first a fragment: no arithmetic)', () => {
  const base = sample('huaian');
  const t3 = parseReport(base).tables.find((t) => t.key === 'T3')!;
  // The first 表三 with one wrong figure (GR101/GR103 on it), then a copy of it pasted far below.
  const wrong = base.slice(t3.span.start, t3.span.end).replace(/\d+/, (d) => String(Number(d) + 1));
  const text = base.slice(0, t3.span.start) + wrong + base.slice(t3.span.end);
  const pasted = `${text}\n${'\n'.repeat(2 * MARGIN)}${wrong}\n`;
  const codes = (a: Analysis) => a.findings.filter((f) => f.span.start < t3.span.end).map((f) => f.code);
  assert.ok(codes(analyze(text)).includes('GR101'));
  assert.ok(!codes(analyze(pasted)).includes('GR101'));
  const doc = new IncrementalDocument();
  doc.analyze(text);
  const inc = doc.analyze(pasted);
  assert.equal(doc.parser.stats.lastIncremental, true); // the first 表三 object was kept
  assert.equal(said(inc), said(analyze(pasted)));
});

test('incremental = full when the locale changes between runs and when the title year changes the checked version', () => {
  const text = sample('huaian');
  const older = text.replace('2024', '2020'); // title year: the 2019 format is checked
  assert.notEqual(analyze(older).model.checkedVersion, analyze(text).model.checkedVersion);
  const doc = new IncrementalDocument();
  for (const [t, locale] of [[text, 'zh-cn'], [text, 'en'], [older, 'en'], [older, 'zh-cn'], [text, 'zh-cn']] as const) {
    assert.equal(said(doc.analyze(t, { locale })), said(analyze(t, { locale })), `${locale} ${t === older ? 'older' : 'text'}`);
  }
});

// Table rules' reports reused across versions (incremental/ruleCache.ts). Each edit below changes
// something a cached table rule reads, or something near it: a cache keyed on too little fails here.
function rulesAfterEdit(before: string, after: string, options: AnalyzeOptions = {}): { reused: number; ran: number } {
  const doc = new IncrementalDocument();
  assert.equal(said(doc.analyze(before, options)), said(analyze(before, options)));
  assert.equal(said(doc.analyze(after, options)), said(analyze(after, options)), 'findings after the edit');
  return { ...doc.rules.stats };
}

test('rule cache: an edit in the prose far from every table replays the table rules, moved by the edit', () => {
  const base = sample('huaian');
  const at = base.indexOf('\n', 5);
  const s = rulesAfterEdit(base, base.slice(0, at) + '全年工作有序开展。\n' + base.slice(at));
  assert.equal(s.ran, 0);
  assert.ok(s.reused >= 10, JSON.stringify(s));
  // Typed and deleted again (the bench's edit): still equal, still reused.
  const doc = new IncrementalDocument();
  for (const t of [base, base.slice(0, at) + '。' + base.slice(at), base]) assert.equal(said(doc.analyze(t)), said(analyze(t)));
  assert.equal(doc.rules.stats.ran, 0);
});

test('rule cache: a figure changed in a table runs the table rules again', () => {
  const base = sample('huaian');
  const t3 = parseReport(base).tables.find((t) => t.key === 'T3')!;
  const cell = t3.rows.flatMap((r) => r.cells).find((c) => c.value.kind === 'number')!;
  const after = base.slice(0, cell.start) + '9' + base.slice(cell.start);
  assert.notEqual(said(analyze(after)), said(analyze(base))); // the edit changes what is said
  const s = rulesAfterEdit(base, after);
  assert.equal(s.reused, 0);
});

test('rule cache: the line just above a pasted table filled in (GR112 rewrite keeps a blank line) runs the rules again', () => {
  const text = REPORT('全年工作有序开展。\n\n表三\n\n项目\t数量\n一、本年新收政府信息公开申请数量\t5\n\n后记。');
  const tables = parseReport(text).tables;
  assert.equal(tables.length, 1);
  const src = parseReport(text).source;
  const line = src.lineIndexAt(tables[0]!.span.start) - 1;
  const at = src.lineStart(line);
  const after = text.slice(0, at) + '说明：' + text.slice(at);
  assert.notEqual(said(analyze(after)), said(analyze(text))); // the rewrite now adds a line break: the test can tell
  const s = rulesAfterEdit(text, after);
  assert.equal(s.reused, 0);
});

test('rule cache: other options, another checked version or a cancelled run never replay', () => {
  const base = sample('huaian');
  const at = base.indexOf('\n', 5);
  const typed = base.slice(0, at) + '。' + base.slice(at);
  const doc = new IncrementalDocument();
  doc.analyze(base, { locale: 'zh-cn' });
  assert.equal(said(doc.analyze(typed, { locale: 'en' })), said(analyze(typed, { locale: 'en' })));
  assert.equal(doc.rules.stats.reused, 0);
  assert.equal(said(doc.analyze(typed, { locale: 'en', version: '2019' })), said(analyze(typed, { locale: 'en', version: '2019' })));
  assert.equal(doc.rules.stats.reused, 0);
  // A cancelled run keeps nothing: the next one compares with the last finished run.
  let n = 0;
  const cancelled = doc.analyze(base, { locale: 'en', version: '2019', isCancelled: () => ++n > 3 });
  assert.equal(cancelled.cancelled, true);
  assert.equal(said(doc.analyze(base, { locale: 'en', version: '2019' })), said(analyze(base, { locale: 'en', version: '2019' })));
  assert.ok(doc.rules.stats.reused > 0);
});

test('rule cache: the table rules read only what TABLE_RULES says (tables, their text, locale, version fields)', () => {
  const allowedCtx = new Set(['model', 'locale', 't', 'report', 'tables', 'format', 'options']);
  const allowedModel = new Set(['source', 'tables', 'tableSpans', 'year', 'version', 'usedVersion', 'expectedVersion', 'checkedVersion']);
  const reads = new Map<string, Set<string>>();
  const rules = RULES.filter((r) => TABLE_RULES.has(r.code)).map((r): Rule => ({
    ...r,
    check(ctx: RuleContext) {
      const seen = reads.get(r.code) ?? reads.set(r.code, new Set()).get(r.code)!;
      const model = new Proxy(ctx.model, { get(t, k, rcv) { seen.add(`model.${String(k)}`); return Reflect.get(t, k, rcv); } });
      const traced = new Proxy(ctx, {
        get(t, k) {
          seen.add(`ctx.${String(k)}`);
          return k === 'model' ? model : Reflect.get(t, k);
        },
      });
      r.check(traced);
    },
  }));
  assert.equal(rules.length, TABLE_RULES.size, 'every code of TABLE_RULES is a rule');
  for (const name of SAMPLES) analyzeModel(parseReport(sample(name)), { locale: 'zh-cn' }, rules);
  for (const [code, seen] of reads) {
    for (const k of seen) {
      const [where, key] = k.split('.') as [string, string];
      assert.ok(where === 'ctx' ? allowedCtx.has(key) : allowedModel.has(key), `${code} reads ${k}: not an input the rule cache keys on`);
    }
  }
});
