import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { SourceText, stripBom } from '../../server/src/core/text/source';
import { sample } from './helpers';

describe('SourceText positions (UTF-16, LSP line breaks)', () => {
  it('counts astral characters as two units and full-width ones as one', () => {
    const src = new SourceText('𠮷（一）\n第二行');
    assert.deepEqual(src.positionAt(2), { line: 0, character: 2 });
    assert.equal(src.slice({ start: 2, end: 3 }), '（');
    assert.deepEqual(src.positionAt(src.text.indexOf('第')), { line: 1, character: 0 });
  });

  it('treats \\r\\n, \\n and \\r as line breaks and round-trips offsets', () => {
    const text = 'a\r\nbb\ncc\rd';
    const src = new SourceText(text);
    assert.deepEqual(src.allLines().map((l) => l.text), ['a', 'bb', 'cc', 'd']);
    for (let o = 0; o <= text.length; o++) {
      const p = src.positionAt(o);
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // inside a CRLF pair
      assert.equal(src.offsetAt(p), o, `offset ${o}`);
    }
    assert.equal(src.eol, '\n');
    assert.equal(new SourceText('x\r\ny\r\n').eol, '\r\n');
  });

  it('line accessors agree with a split of the text, past the index\'s growth (many short lines, mixed breaks)', () => {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) parts.push(i % 7 === 0 ? '' : `行${i}`, i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r');
    const text = parts.join('') + '末行';
    const src = new SourceText(text);
    const expected = text.split(/\r\n|\n|\r/);
    assert.equal(src.lineCount, expected.length);
    let start = 0;
    for (let i = 0; i < src.lineCount; i++) {
      const line = src.line(i);
      const next = i + 1 < src.lineCount ? start + expected[i]!.length + (text.startsWith('\r\n', start + expected[i]!.length) ? 2 : 1) : text.length;
      assert.deepEqual(line, { index: i, start, end: start + expected[i]!.length, next, text: expected[i] });
      assert.equal(src.lineStart(i), line.start);
      assert.equal(src.lineEnd(i), line.end);
      assert.equal(src.lineNext(i), line.next);
      assert.equal(src.lineText(i), line.text);
      assert.equal(src.lineIndexAt(line.start), i);
      assert.equal(src.lineIndexAt(line.end), i);
      start = next;
    }
    assert.deepEqual(src.allLines(3, 5).map((l) => l.index), [3, 4]);
  });

  it('every size of the growing line index keeps the last line\'s next offset (texts of 0 to 2999 line breaks)', () => {
    for (let k = 0; k < 3000; k++) {
      const src = new SourceText('\n'.repeat(k) + 'x');
      assert.equal(src.lineCount, k + 1);
      assert.deepEqual(src.line(k), { index: k, start: k, end: k + 1, next: k + 1, text: 'x' });
      if (k > 0) assert.equal(src.lineNext(k - 1), k);
    }
  });

  it('an empty text is one empty line; a line outside the text throws instead of reading NaN offsets', () => {
    const empty = new SourceText('');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual(empty.line(0), { index: 0, start: 0, end: 0, next: 0, text: '' });
    const src = new SourceText('a\nb\n');
    assert.equal(src.lineCount, 3);
    assert.equal(src.lineText(2), '');
    for (const bad of [-1, 3, NaN]) {
      assert.throws(() => src.line(bad), RangeError);
      assert.throws(() => src.lineStart(bad), RangeError);
      assert.throws(() => src.lineText(bad), RangeError);
    }
  });

  it('strips a BOM read from disk', () => {
    assert.equal(stripBom('\ufeff一、总体情况'), '一、总体情况');
  });
});

describe('diagnostics keep exact positions', () => {
  it('astral and full-width text before a placeholder', () => {
    const text = '某县2024年政府信息公开工作年度报告\n一、总体情况\n　　𠮷𠮷“公开”XX项';
    const a = analyze(text);
    const d = a.findings.find((f) => f.code === 'GR006')!;
    assert.deepEqual(a.model.source.positionAt(d.span.start), { line: 2, character: 2 + 4 + 4 });
    assert.equal(text.slice(d.span.start, d.span.end), 'XX');
  });

  it('a CRLF copy of a sample gives the same lines and columns as the LF original', () => {
    const lf = sample('000');
    const crlf = lf.replace(/\n/g, '\r\n');
    const pos = (t: string) => {
      const a = analyze(t);
      return a.findings.map((f) => [f.code, a.model.source.positionAt(f.span.start), a.model.source.positionAt(f.span.end)]);
    };
    assert.deepEqual(pos(crlf), pos(lf));
    assert.ok(pos(lf).length > 0);
  });

  it('a BOM kept in the text (some clients) shifts only the first line, by one column', () => {
    const text = sample('000');
    const a = analyze(`\ufeff${text}`);
    const b = analyze(text);
    assert.equal(a.model.year, 2019);
    const pos = (r: ReturnType<typeof analyze>) => r.findings.map((f) => [f.code, r.model.source.positionAt(f.span.start), r.model.source.positionAt(f.span.end)] as const);
    // The same findings, each one UTF-16 unit later in the text: the BOM's column on line 0, nothing below.
    const expected = pos(b).map(([code, s, e]) => [code,
      s.line === 0 ? { line: 0, character: s.character + 1 } : s,
      e.line === 0 ? { line: 0, character: e.character + 1 } : e] as const);
    assert.deepEqual(pos(a), expected);
    assert.ok(expected.some(([, s]) => s.line > 0), 'findings below the first line');
    assert.deepEqual(a.findings.map((f) => f.span.start), b.findings.map((f) => f.span.start + 1));
  });
});
