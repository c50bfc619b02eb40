/**
 * The incremental parser's reuse of per-line results (SourceText.afterEdit, the headings of lines
 * an edit left alone) against parseReport: edits inside heading lines, line breaks added and
 * removed (LF, CRLF, lone CR), edits at the start and the end of the text, a line turned into a
 * heading and back, and a table appearing over heading-like lines (their table cover changes
 * far from the edit's own lines).
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { modelDifference } from '../../server/src/core/incremental/compare';
import { IncrementalParser } from '../../server/src/core/incremental/parser';
import { parseReport } from '../../server/src/core/parse/report';
import { sample } from './helpers';

function check(parser: IncrementalParser, text: string, what: string): void {
  const d = modelDifference(parser.parse(text), parseReport(text));
  assert.equal(d, null, `${what}: differs at ${d}`);
}

/** Every edit applied to `base` in turn, each one then undone, through one parser. */
function sequence(base: string, edits: readonly { at: number; del: number; ins: string }[], label: string): void {
  const parser = new IncrementalParser();
  check(parser, base, `${label}: first parse`);
  let text = base;
  for (const [n, e] of edits.entries()) {
    const at = Math.max(0, Math.min(e.at, text.length));
    const next = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
    check(parser, next, `${label}: edit ${n} ${JSON.stringify(e)}`);
    check(parser, text, `${label}: edit ${n} undone`);
    text = next; // and kept, so that later edits land on the edited text
  }
}

/** Edits at and around every heading line: inside the numbering, inside the title, breaks before and after. */
function headingEdits(text: string): { at: number; del: number; ins: string }[] {
  const model = parseReport(text);
  const out: { at: number; del: number; ins: string }[] = [];
  for (const h of model.headings.slice(0, 12)) {
    const { start, end } = h.span;
    out.push({ at: h.markerSpan.start, del: 1, ins: '' }); // the numbering broken: no heading
    out.push({ at: h.markerSpan.start, del: 0, ins: '一、' });
    out.push({ at: h.titleSpan.start + 1, del: 0, ins: '情况' });
    out.push({ at: end, del: 0, ins: '。正文接在标题后' });
    out.push({ at: start, del: 0, ins: '\n' }); // the heading moves down a line
    out.push({ at: end, del: 0, ins: '\r\n（二）新的小标题\r\n' });
    out.push({ at: start - 1, del: 1, ins: '' }); // joined to the line above: no heading any more
  }
  return out;
}

for (const name of ['huaian', '001', '003']) {
  test(`incremental headings = full: edits in and around the heading lines of ${name}`, () => {
    const text = sample(name);
    sequence(text, headingEdits(text), name);
  });
}

test('incremental headings = full with CRLF and lone CR line ends, breaks split and joined', () => {
  for (const [eol, name] of [['\r\n', 'huaian'], ['\r', '003']] as const) {
    const text = sample(name).replace(/\r?\n/g, eol);
    const edits = headingEdits(text);
    // A CRLF split into CR | LF by typing between them, and joined again.
    const crlf = text.indexOf('\r\n', text.length >> 1);
    if (crlf >= 0) edits.push({ at: crlf + 1, del: 0, ins: '三、' }, { at: crlf + 1, del: 0, ins: '\n' }, { at: crlf, del: 1, ins: '' });
    sequence(text, edits, `${name} ${JSON.stringify(eol)}`);
  }
});

test('incremental headings = full: edits at the start and the end of the text', () => {
  const text = sample('huaian');
  sequence(text, [
    { at: 0, del: 0, ins: '一、总体情况\n' }, { at: 0, del: 1, ins: '' }, { at: 0, del: 0, ins: '\n' }, { at: 0, del: 0, ins: '\r\n' },
    { at: text.length, del: 0, ins: '\n七、其他需要报告的事项' }, { at: text.length, del: 0, ins: '\n' }, { at: text.length - 1, del: 1, ins: '' },
    { at: text.length, del: 0, ins: '\r' }, { at: text.length, del: 0, ins: '（一）' },
  ], 'ends');
});

test('incremental headings = full: a line turned into a heading and back, and a table appearing over heading-like lines', () => {
  const text = sample('huaian');
  const parser = new IncrementalParser();
  check(parser, text, 'first parse');
  // A plain paragraph line: its start typed into a heading numbering, then removed.
  const model = parseReport(text);
  const lineStarts = [...text.matchAll(/\n(?=[^\n一二三四五六七八九十（(#\d\s|])/g)].map((m) => m.index! + 1);
  for (const at of lineStarts.slice(0, 8)) {
    for (const ins of ['一、', '（三）', '3. ', '## 二、']) {
      check(parser, text.slice(0, at) + ins + text.slice(at), `heading typed at ${at}: ${ins}`);
      check(parser, text, `heading removed at ${at}: ${ins}`);
    }
  }
  // A table caption typed above numbered lines that look like headings: the lines below become
  // table lines (no headings) without being edited themselves, and back.
  const rows = '一、本年新收政府信息公开申请数量 12\n二、上年结转政府信息公开申请数量 3\n三、本年度办理结果 4\n四、结转下年度继续办理 0\n';
  const at = model.sections.at(-1)!.span.start;
  const withRows = text.slice(0, at) + rows + '\n' + text.slice(at);
  check(parser, withRows, 'rows pasted');
  const caption = '表三 收到和处理政府信息公开申请情况\n';
  check(parser, withRows.slice(0, at) + caption + withRows.slice(at), 'caption typed above the rows');
  check(parser, withRows, 'caption removed');
  check(parser, text, 'rows removed');
});

test('incremental headings = full: a table\'s first lines deleted and restored (lines below change table cover, not text)', () => {
  for (const name of ['huaian', '001', '003', '004_pingtan', '017']) {
    const text = sample(name);
    const model = parseReport(text);
    const s = model.source;
    const parser = new IncrementalParser();
    check(parser, text, `${name}: first parse`);
    for (const t of model.tables) {
      const first = s.lineIndexAt(t.caption?.span.start ?? t.span.start);
      for (let k = Math.max(0, first - 1); k <= Math.min(s.lineCount - 1, first + 3); k++) {
        check(parser, text.slice(0, s.lineStart(k)) + text.slice(s.lineNext(k)), `${name} ${t.key}: line ${k + 1} deleted`);
        check(parser, text, `${name} ${t.key}: line ${k + 1} restored`);
      }
    }
  }
});

test('incremental table runs = full: a run line typed, edited, covered by a table read above it, and removed', () => {
  const text = sample('huaian');
  const run = '本年新收政府信息公开申请数量 12 3 4 5 6 7 8 9 10 11 12 13 14 15 16';
  const wrapped = '第二十条第（一）项 规章 1 2 3 4 5 6 7 8 9 10 11 12 13 14';
  const model = parseReport(text);
  const parser = new IncrementalParser();
  check(parser, text, 'first parse');
  // After the last section's heading (prose), next to each table, and at both ends of the text.
  const places = [model.sections.at(-1)!.span.start, ...model.tables.flatMap((t) => [t.span.start, t.span.end]), 0, text.length];
  for (const at of places) {
    const line = at === text.length ? `\n${run}` : `${run}\n`;
    const withRun = text.slice(0, at) + line + text.slice(at);
    check(parser, withRun, `run typed at ${at}`);
    // Edits far from the run (it is found again on its own line, moved).
    check(parser, `\n${withRun}`, `a line break typed at the start, run at ${at}`);
    check(parser, `${withRun}\n（一）`, `a line typed at the end, run at ${at}`);
    check(parser, withRun, `run typed at ${at}, far edits undone`);
    const digit = withRun.indexOf(' 12 3', at);
    check(parser, withRun.slice(0, digit) + withRun.slice(digit + 3), `run shortened at ${at}`);
    check(parser, withRun.slice(0, at) + wrapped + '\n' + withRun.slice(at), `another run above it at ${at}`);
    check(parser, text, `run removed at ${at}`);
  }
});
