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

/**
 * The text and its line index. Line offsets live in typed arrays, not one object per line: a
 * 1 MB report has ~18,000 lines, and an array that large is allocated in the old generation, so
 * every young LineInfo stored in it was an old-to-new pointer the scavenger traced and then
 * promoted (it dominated the parse's GC). line(i) makes a LineInfo on demand (it dies young);
 * the hot loops read lineStart/lineEnd/lineText instead. Indices are checked: a line outside the
 * text throws (a wrong offset must not turn into NaN positions).
 */
export class SourceText {
  readonly text: string;
  readonly lineCount: number;
  readonly eol: '\n' | '\r\n';
  /** starts[i]: offset of line i's first character; starts[lineCount] = text.length (the last line's next). */
  private readonly starts: Int32Array;
  /** ends[i]: offset just past line i's last character, before its line break. */
  private readonly ends: Int32Array;

  constructor(text: string) {
    this.text = text;
    const n = text.length;
    // Grown by doubling: one pass over the text, at most twice the final size held.
    let cap = Math.min(n + 2, 64 + (n >> 5));
    let starts: Int32Array<ArrayBuffer> = new Int32Array(cap);
    let ends: Int32Array<ArrayBuffer> = new Int32Array(cap);
    let count = 0;
    let start = 0;
    let crlf = 0;
    let lf = 0;
    // Line breaks are found with indexOf (native, much faster than a per-character loop on
    // every keystroke); the next \n and \r are each searched again only once passed.
    let nextLf = text.indexOf('\n');
    let nextCr = text.indexOf('\r');
    while (nextLf >= 0 || nextCr >= 0) {
      const i = nextCr < 0 || (nextLf >= 0 && nextLf < nextCr) ? nextLf : nextCr;
      const next = i === nextCr && nextLf === i + 1 ? i + 2 : i + 1;
      if (next === i + 2) crlf++; else lf++;
      // Room for this line, the last one and the sentinel after it.
      if (count + 3 > cap) {
        cap *= 2;
        starts = grow(starts, cap);
        ends = grow(ends, cap);
      }
      starts[count] = start;
      ends[count++] = i;
      start = next;
      if (nextLf >= 0 && nextLf < next) nextLf = text.indexOf('\n', next);
      if (nextCr >= 0 && nextCr < next) nextCr = text.indexOf('\r', next);
    }
    starts[count] = start;
    ends[count++] = n;
    starts[count] = n;
    this.starts = starts;
    this.ends = ends;
    this.lineCount = count;
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  /** Line `i` as an object (made on each call: keep it local, read the fields you need). */
  line(i: number): LineInfo {
    this.check(i);
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    return { index: i, start, end, next: this.starts[i + 1]!, text: this.text.slice(start, end) };
  }

  /** Offset of line `i`'s first character. */
  lineStart(i: number): number {
    this.check(i);
    return this.starts[i]!;
  }

  /** Offset just past line `i`'s last character, before the line break. */
  lineEnd(i: number): number {
    this.check(i);
    return this.ends[i]!;
  }

  /** Offset just past line `i`'s line break (== lineEnd on the last line). */
  lineNext(i: number): number {
    this.check(i);
    return this.starts[i + 1]!;
  }

  /** The text of line `i`, without its line break (sliced on each call). */
  lineText(i: number): string {
    this.check(i);
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** Every line as an object, from `from` to before `to` (tests and rare whole-text uses; O(lines)). */
  allLines(from = 0, to = this.lineCount): LineInfo[] {
    const out: LineInfo[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.lineCount); i++) out.push(this.line(i));
    return out;
  }

  /** Index of the line holding `offset` (binary search). */
  lineIndexAt(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineIndexAt(offset);
    // An offset inside a \r\n pair is clamped to the end of the line.
    return { line, character: Math.min(Math.max(0, offset), this.ends[line]!) - this.starts[line]! };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineCount) return this.text.length;
    return Math.min(this.starts[pos.line]! + Math.max(0, pos.character), this.ends[pos.line]!);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  private check(i: number): void {
    // Written so that NaN fails too; an index past the end would otherwise read undefined and compute NaN.
    if (!(i >= 0 && i < this.lineCount)) throw new RangeError(`line ${i} outside 0..${this.lineCount - 1}`);
  }
}

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** Strips a leading byte-order mark (files read from disk); editors already hide it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
