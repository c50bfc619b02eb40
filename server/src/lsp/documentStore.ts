/**
 * The open documents' text, for TextDocuments ({create, update}). Same semantics as
 * vscode-languageserver-textdocument's TextDocument (UTF-16 offsets, \r\n, \r and \n line ends,
 * out-of-range positions clamped; property-tested against it), with one difference in cost:
 * an edit never reads the new text. The library checks the characters around an edit on the
 * new, just concatenated string, which makes V8 flatten it there and then: a 1 MB report is a
 * fresh 1–2 MB copy (4–6 ms on this VM, mostly page faults) inside the didChange handler, i.e.
 * before the debounce even starts. Here those characters come from the old text and the change,
 * and the new text stays a rope until its first reader (the analysis, which runs in the
 * scheduler's early start) flattens it. The copy is made once either way. (Two edits with no
 * reader in between, i.e. keystrokes faster than the early start: the second edit's slicing of
 * the still unflattened text flattens it, which costs what the library costs, no more.)
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const LF = 10;
const CR = 13;
/** An absent character (before the start or past the end): neither \r nor \n. */
const NONE = -1;

const isEol = (c: number) => c === CR || c === LF;

/** Line start offsets of `text` (+ `offset`); the first line's start (0) only if `atStart`. */
function lineOffsetsOf(text: string, atStart: boolean, offset = 0): number[] {
  const out: number[] = atStart ? [offset] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) {
      if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      out.push(offset + i + 1);
    }
  }
  return out;
}

/** The range with start ≤ end (a client may send it reversed). */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}

const isIncremental = (e: TextDocumentContentChangeEvent): e is { range: Range; rangeLength?: number; text: string } => {
  const c = e as { text?: unknown; range?: unknown; rangeLength?: unknown };
  return c !== null && typeof c === 'object' && typeof c.text === 'string' && c.range !== undefined
    && (c.rangeLength === undefined || typeof c.rangeLength === 'number');
};
const isFull = (e: TextDocumentContentChangeEvent): e is { text: string } => {
  const c = e as { text?: unknown; range?: unknown; rangeLength?: unknown };
  return c !== null && typeof c === 'object' && typeof c.text === 'string' && c.range === undefined && c.rangeLength === undefined;
};

export class StoredDocument implements TextDocument {
  private content: string;
  /** Start offset of every line; undefined until needed after a change that makes them cheaper to recount. */
  private lineOffsets: number[] | undefined;

  constructor(readonly uri: string, readonly languageId: string, private currentVersion: number, content: string) {
    this.content = content;
  }

  get version(): number {
    return this.currentVersion;
  }

  getText(range?: Range): string {
    if (!range) return this.content;
    return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get lineCount(): number {
    return this.offsets().length;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (isIncremental(change)) this.applyIncremental(wellFormed(change.range), change.text);
      else if (isFull(change)) {
        this.content = change.text;
        this.lineOffsets = undefined;
      } else throw new Error('Unknown change event received');
    }
    this.currentVersion = version;
  }

  private applyIncremental(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    const old = this.content;
    this.content = old.substring(0, start) + text + old.substring(end);
    // A \r\n made or split at either seam: recount the lines when next needed (rare; as the library does).
    if (this.crlfAtSeam(old, start, end, text)) {
      this.lineOffsets = undefined;
      return;
    }
    let offsets = this.lineOffsets;
    if (offsets === undefined) return;
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const added = lineOffsetsOf(text, false, start);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) offsets[i + startLine + 1] = added[i]!;
    } else {
      // (slice clamps a range past the last line, as the library's splice does)
      this.lineOffsets = offsets = offsets.slice(0, startLine + 1).concat(added, offsets.slice(endLine + 1));
    }
    const diff = text.length - (end - start);
    if (diff !== 0) {
      for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] = offsets[i]! + diff;
    }
  }

  /**
   * Whether the new text has \r\n across either end of the inserted text. The characters come
   * from the old text and the change, not from the new string (reading it would flatten it here),
   * except when the offsets are outside the old text: the library's line starts go wrong after an
   * edit beyond the last line, and then its answer from the new string is the one to match.
   */
  private crlfAtSeam(old: string, start: number, end: number, text: string): boolean {
    const insertedEnd = start + text.length;
    if (!(start >= 0 && start <= end && end <= old.length)) {
      const now = this.content;
      return (now.charCodeAt(start - 1) === CR && now.charCodeAt(start) === LF)
        || (now.charCodeAt(insertedEnd - 1) === CR && now.charCodeAt(insertedEnd) === LF);
    }
    const before = start > 0 ? old.charCodeAt(start - 1) : NONE;
    const after = end < old.length ? old.charCodeAt(end) : NONE;
    const first = text.length > 0 ? text.charCodeAt(0) : after;
    const last = text.length > 0 ? text.charCodeAt(text.length - 1) : before;
    return (before === CR && first === LF) || (last === CR && after === LF);
  }

  private offsets(): number[] {
    return (this.lineOffsets ??= lineOffsetsOf(this.content, true));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.content.length), 0);
    const offsets = this.offsets();
    let low = 0;
    let high = offsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (offsets[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEol(offset, offsets[line]!);
    return { line, character: offset - offsets[line]! };
  }

  offsetAt(position: Position): number {
    const offsets = this.offsets();
    if (position.line >= offsets.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineOffset = offsets[position.line]!;
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < offsets.length ? offsets[position.line + 1]! : this.content.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  getLineRange(line: number): Range {
    const offsets = this.offsets();
    if (line >= offsets.length) {
      const lastLine = offsets.length - 1;
      return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this.content.length - offsets[lastLine]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = offsets[line]!;
    const next = line + 1 < offsets.length ? offsets[line + 1]! : this.content.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const offsets = this.offsets();
    if (line >= offsets.length || line < 0) return '';
    const next = line + 1 < offsets.length ? offsets[line + 1]! : this.content.length;
    return this.content.substring(this.beforeEol(next, offsets[line]!), next);
  }

  /** `offset` moved back before a line end it points into or after (never before `lineOffset`). */
  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.content.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** TextDocuments' configuration: `new TextDocuments(DOCUMENT_STORE)`. */
export const DOCUMENT_STORE = {
  create: (uri: string, languageId: string, version: number, content: string): StoredDocument => new StoredDocument(uri, languageId, version, content),
  update: (doc: StoredDocument, changes: TextDocumentContentChangeEvent[], version: number): StoredDocument => {
    doc.update(changes, version);
    return doc;
  },
};
