/**
 * The one place that turns string offsets into LSP positions. Offsets are JavaScript string
 * indices, i.e. UTF-16 code units, which is exactly what LSP counts in `character`; so astral
 * characters take two units and full-width punctuation one, with no conversion. Lines end at
 * \r\n, \n or \r, as the LSP specification says.
 */

/** A half-open range of UTF-16 offsets into the document text. */
export interface Span { start: number; end: number }

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface LineInfo {
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** Offset just past the line break (== end on the last line). */
  next: number;
  text: string;
}

export class SourceText {
  readonly text: string;
  readonly lines: LineInfo[];
  readonly eol: '\n' | '\r\n';

  constructor(text: string) {
    this.text = text;
    this.lines = [];
    let start = 0;
    let crlf = 0;
    let lf = 0;
    const n = text.length;
    // Line breaks are found with indexOf (native, much faster than a per-character loop on
    // every keystroke); the next \n and \r are each searched again only once passed.
    let nextLf = text.indexOf('\n');
    let nextCr = text.indexOf('\r');
    while (nextLf >= 0 || nextCr >= 0) {
      const i = nextCr < 0 || (nextLf >= 0 && nextLf < nextCr) ? nextLf : nextCr;
      const next = i === nextCr && nextLf === i + 1 ? i + 2 : i + 1;
      if (next === i + 2) crlf++; else lf++;
      this.lines.push({ index: this.lines.length, start, end: i, next, text: text.slice(start, i) });
      start = next;
      if (nextLf >= 0 && nextLf < next) nextLf = text.indexOf('\n', next);
      if (nextCr >= 0 && nextCr < next) nextCr = text.indexOf('\r', next);
    }
    this.lines.push({ index: this.lines.length, start, end: n, next: n, text: text.slice(start, n) });
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  /** Index of the line holding `offset` (binary search). */
  lineIndexAt(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid]!.start <= o) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineIndexAt(offset);
    const info = this.lines[line]!;
    // An offset inside a \r\n pair is clamped to the end of the line.
    return { line, character: Math.min(Math.max(0, offset), info.end) - info.start };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lines.length) return this.text.length;
    const info = this.lines[pos.line]!;
    return Math.min(info.start + Math.max(0, pos.character), info.end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

/** Strips a leading byte-order mark (files read from disk); editors already hide it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
