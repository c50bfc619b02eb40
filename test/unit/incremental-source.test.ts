/**
 * SourceText.afterEdit (the incremental parser's line index) against new SourceText on random
 * texts and edits: line breaks of every kind (\n, \r\n, lone \r) inserted, removed, split
 * (\r | \n) and joined, at the start and end of the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceText } from '../../server/src/core/text/source';
import { changedRange } from '../../server/src/core/incremental/diff';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const PIECES = ['\n', '\r\n', '\r', 'a', '一、', '文字', ' ', '\n\n', '\r\r\n', '\n\r'];

function randomText(r: () => number, len: number): string {
  let out = '';
  for (let i = 0; i < len; i++) out += PIECES[Math.floor(r() * PIECES.length)]!;
  return out;
}

function same(a: SourceText, b: SourceText, what: string): void {
  assert.equal(a.lineCount, b.lineCount, `${what}: line count`);
  assert.equal(a.eol, b.eol, `${what}: eol`);
  for (let i = 0; i < a.lineCount; i++) {
    assert.equal(a.lineStart(i), b.lineStart(i), `${what}: start of line ${i}`);
    assert.equal(a.lineEnd(i), b.lineEnd(i), `${what}: end of line ${i}`);
    assert.equal(a.lineNext(i), b.lineNext(i), `${what}: next of line ${i}`);
  }
}

test('SourceText.afterEdit equals a fresh SourceText over random edit sequences', () => {
  const r = rng(7);
  for (let run = 0; run < 300; run++) {
    let text = randomText(r, Math.floor(r() * 30));
    let src = new SourceText(text);
    for (let step = 0; step < 12; step++) {
      const kind = r();
      const a = kind < 0.15 ? 0 : kind < 0.3 ? text.length : Math.floor(r() * (text.length + 1));
      const b = Math.min(text.length, a + Math.floor(r() * 6));
      const insert = r() < 0.3 ? '' : randomText(r, 1 + Math.floor(r() * 4));
      const next = text.slice(0, a) + insert + text.slice(b);
      const change = changedRange(text, next);
      const inc = change
        ? SourceText.afterEdit(src, next, change.start, change.oldEnd, change.newEnd)
        : SourceText.afterEdit(src, next, 0, 0, 0);
      same(inc, new SourceText(next), `run ${run} step ${step} ${JSON.stringify(text)} -> ${JSON.stringify(next)}`);
      text = next;
      src = inc; // chained: the next edit starts from the incremental index
    }
  }
});

test('SourceText.afterEdit with a range that does not fit the texts falls back to a scan', () => {
  const prev = new SourceText('a\nb\nc');
  same(SourceText.afterEdit(prev, 'a\r\nbb\nc', 5, 1, 9), new SourceText('a\r\nbb\nc'), 'bad range');
  // An unaligned (but length-consistent) range is the caller's contract; the raw edit is given here.
  same(SourceText.afterEdit(prev, 'a\nX\nc', 2, 3, 3), new SourceText('a\nX\nc'), 'replace');
});
