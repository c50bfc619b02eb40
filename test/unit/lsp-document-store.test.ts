/**
 * The server's document store (server/src/lsp/documentStore.ts) against the library's TextDocument
 * it replaces: random edit sequences over text made of \r, \n, \r\n, astral characters, a BOM and
 * CJK, with edits that split or join \r\n pairs, reversed and out-of-range ranges, several changes
 * in one update and full replacements. After every update both must agree on the text and on
 * every position ↔ offset conversion.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DOCUMENT_STORE, StoredDocument } from '../../server/src/lsp/documentStore';

const PIECES = ['a', '年', '\r', '\n', '\r\n', '😀', '\uFEFF', ' ', '表'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 14 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), rangeLength: fc.nat(5), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);
const update = fc.array(change, { minLength: 1, maxLength: 3 });

function assertSame(mine: StoredDocument, ref: TextDocument, probes: { line: number; character: number }[]): void {
  assert.equal(mine.getText(), ref.getText());
  assert.equal(mine.version, ref.version);
  assert.equal(mine.lineCount, ref.lineCount);
  for (let o = -1; o <= ref.getText().length + 1; o++) assert.deepEqual(mine.positionAt(o), ref.positionAt(o), `positionAt(${o})`);
  for (const p of probes) {
    assert.equal(mine.offsetAt(p), ref.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
    assert.equal(mine.getText({ start: { line: p.line, character: 0 }, end: p }), ref.getText({ start: { line: p.line, character: 0 }, end: p }));
  }
  for (let line = -1; line <= ref.lineCount; line++) {
    assert.deepEqual(mine.getLineRange(line), ref.getLineRange(line), `getLineRange(${line})`);
    assert.equal(mine.getEOLCharacters(line), ref.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
}

describe('document store', () => {
  it('agrees with vscode-languageserver-textdocument on random edit sequences', () => {
    fc.assert(fc.property(text, fc.array(update, { minLength: 1, maxLength: 12 }), fc.array(position, { maxLength: 8 }), (initial, updates, probes) => {
      const mine = DOCUMENT_STORE.create('file:///a.txt', 'govreport', 1, initial);
      const ref = TextDocument.create('file:///a.txt', 'govreport', 1, initial);
      // Line starts read before the first edit, as the server does (its first edit converts a range).
      assertSame(mine, ref, probes);
      updates.forEach((changes, i) => {
        DOCUMENT_STORE.update(mine, changes, i + 2);
        TextDocument.update(ref, changes, i + 2);
        assertSame(mine, ref, probes);
      });
    }), { numRuns: 300, seed: 42 });
  });

  it('agrees when no line start was read before the edits', () => {
    fc.assert(fc.property(text, fc.array(update, { minLength: 1, maxLength: 6 }), (initial, updates) => {
      const mine = DOCUMENT_STORE.create('file:///a.txt', 'govreport', 1, initial);
      const ref = TextDocument.create('file:///a.txt', 'govreport', 1, initial);
      updates.forEach((changes, i) => {
        DOCUMENT_STORE.update(mine, changes, i + 2);
        TextDocument.update(ref, changes, i + 2);
      });
      assertSame(mine, ref, []);
    }), { numRuns: 200, seed: 7 });
  });

  it('splits and joins \\r\\n pairs at an edit', () => {
    const cases: [string, TextDocumentContentChangeEvent][] = [
      ['a\r\nb', { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'x' }], // just before the \r\n
      ['a\rb', { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\nc' }], // \r + \n joined
      ['a\r\nb', { range: { start: { line: 0, character: 1 }, end: { line: 1, character: 0 } }, text: '\r' }],
      ['a\nb', { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'x\r' }], // inserted \r before \n
      ['\uFEFF😀\r\n😀', { range: { start: { line: 0, character: 2 }, end: { line: 1, character: 1 } }, text: '' }], // half a surrogate pair
    ];
    for (const [initial, c] of cases) {
      const mine = DOCUMENT_STORE.create('u', 'govreport', 1, initial);
      const ref = TextDocument.create('u', 'govreport', 1, initial);
      assert.equal(mine.lineCount, ref.lineCount); // line starts read before the edit
      DOCUMENT_STORE.update(mine, [c], 2);
      TextDocument.update(ref, [c], 2);
      assertSame(mine, ref, [{ line: 0, character: 1 }, { line: 1, character: 0 }, { line: 1, character: 5 }]);
    }
  });

  it('rejects a change that is neither incremental nor full, as the library does', () => {
    const mine = DOCUMENT_STORE.create('u', 'govreport', 1, 'a');
    assert.throws(() => DOCUMENT_STORE.update(mine, [{ text: 'b', rangeLength: 1 } as unknown as TextDocumentContentChangeEvent], 2));
  });
});
