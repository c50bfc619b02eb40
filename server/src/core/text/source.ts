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
  /** Line breaks by kind (a lone \r counts as lf): eol, and what afterEdit keeps up to date. */
  private readonly crlf: number;
  private readonly lf: number;

  /** `index`: the line index of `text` already built (afterEdit), else the text is scanned. */
  constructor(text: string, index?: LineIndex) {
    this.text = text;
    if (index) {
      this.starts = index.starts;
      this.ends = index.ends;
      this.lineCount = index.count;
      this.crlf = index.crlf;
      this.lf = index.lf;
      this.eol = index.crlf > index.lf ? '\r\n' : '\n';
      return;
    }
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
    this.crlf = crlf;
    this.lf = lf;
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  /**
   * The SourceText of `text`, which is `prev.text` with [start, oldEnd) replaced by what now
   * lies at [start, newEnd): equal to new SourceText(text), but only the lines from the one
   * before the change to the first line break after it are scanned; the other line offsets are
   * copied (moved by the length change). A line start before `start - 1` keeps its line break
   * (its characters are unchanged and so is the one after it, which decides \r against \r\n);
   * a line start after `newEnd` is an old line start moved, for the same reason.
   */
  static afterEdit(prev: SourceText, text: string, start: number, oldEnd: number, newEnd: number): SourceText {
    const delta = newEnd - oldEnd;
    if (!(start >= 0 && start <= oldEnd && start <= newEnd && oldEnd <= prev.text.length && text.length - prev.text.length === delta)) {
      return new SourceText(text);
    }
    const n = text.length;
    const oldCount = prev.lineCount;
    const r = prev.lineIndexAt(Math.max(0, start - 1));
    // New lines from line r on, until a line start past newEnd (or the end of the text).
    const newStarts: number[] = [];
    const newEnds: number[] = [];
    let crlf = prev.crlf;
    let lf = prev.lf;
    let pos = prev.starts[r]!;
    let resume = -1; // the old line the copied tail starts with
    for (;;) {
      let i = pos;
      let c = 0;
      for (; i < n; i++) {
        c = text.charCodeAt(i);
        if (c === 10 || c === 13) break;
      }
      newStarts.push(pos);
      newEnds.push(i);
      if (i >= n) break;
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (next === i + 2) crlf++; else lf++;
      pos = next;
      if (pos > newEnd) {
        resume = prev.lineIndexAt(pos - delta);
        break;
      }
    }
    // The old line breaks replaced: those of lines r .. resume - 1 (all lines to the end when no tail is kept).
    const lastReplaced = resume < 0 ? oldCount - 1 : resume;
    for (let k = r; k < lastReplaced; k++) {
      if (prev.starts[k + 1]! - prev.ends[k]! === 2) crlf--; else lf--;
    }
    if (resume >= 0 && prev.starts[resume] !== pos - delta) return new SourceText(text); // cannot happen; never guess
    const tail = resume < 0 ? 0 : oldCount - resume;
    const count = r + newStarts.length + tail;
    const starts = new Int32Array(count + 1);
    const ends = new Int32Array(count);
    starts.set(prev.starts.subarray(0, r));
    ends.set(prev.ends.subarray(0, r));
    for (let k = 0; k < newStarts.length; k++) {
      starts[r + k] = newStarts[k]!;
      ends[r + k] = newEnds[k]!;
    }
    const from = r + newStarts.length;
    const ps = prev.starts;
    const pe = prev.ends;
    for (let k = 0; k < tail; k++) {
      starts[from + k] = ps[resume + k]! + delta;
      ends[from + k] = pe[resume + k]! + delta;
    }
    starts[count] = n;
    return new SourceText(text, { starts, ends, count, crlf, lf });
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

/** A prepared line index (SourceText.afterEdit). */
interface LineIndex {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  crlf: number;
  lf: number;
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
