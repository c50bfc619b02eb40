/**
 * A long text kept as pieces, each a flat string or a slice of one, so that an edited version is
 * made without copying the text. V8 copies a concatenation into one new string the first time
 * anything reads a character of it (or slices it); for the prose of a 1 MB report that is a fresh
 * ~400 KB allocation per edit, most of whose cost is page faults. Reading small ranges through
 * the pieces never makes that copy. Pure; linear in the number of pieces per call.
 */
export class Rope {
  /** pieces[k] starts at starts[k] of the whole text; no piece is empty (RopeBuilder makes them so). */
  constructor(private readonly pieces: readonly string[], private readonly starts: readonly number[], readonly length: number) {}

  static of(text: string): Rope {
    return new Rope(text ? [text] : [], text ? [0] : [], text.length);
  }

  /** Number of pieces (a caller compacts past a bound: each piece may keep a larger string alive). */
  get size(): number {
    return this.pieces.length;
  }

  /** The whole text (a concatenation V8 copies flat when it is first read). */
  text(): string {
    let t = '';
    for (const p of this.pieces) t += p;
    return t;
  }

  /** Index of the piece holding offset `at` (0 <= at < length). */
  private pieceAt(at: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The pieces of [a, b), appended to `to` (its text then continues with text.slice(a, b)). */
  appendRange(a: number, b: number, to: RopeBuilder): void {
    if (a >= b) return;
    for (let k = this.pieceAt(a); k < this.pieces.length && this.starts[k]! < b; k++) {
      const s = this.starts[k]!;
      const p = this.pieces[k]!;
      to.push(p.slice(Math.max(0, a - s), Math.min(p.length, b - s)));
    }
  }

  /** text.slice(a, b), reading only the pieces it spans. */
  slice(a: number, b: number): string {
    const out = new RopeBuilder();
    this.appendRange(Math.max(0, a), Math.min(b, this.length), out);
    return out.build().text();
  }

  /** text.indexOf(c, from) for a one-character `c`. */
  indexOf(c: string, from: number): number {
    if (from >= this.length) return -1;
    for (let k = this.pieceAt(Math.max(0, from)); k < this.pieces.length; k++) {
      const s = this.starts[k]!;
      const i = this.pieces[k]!.indexOf(c, Math.max(0, from - s));
      if (i >= 0) return s + i;
    }
    return -1;
  }

  /** text.lastIndexOf(c, from) for a one-character `c` (-1 when from < 0). */
  lastIndexOf(c: string, from: number): number {
    if (from < 0 || this.length === 0) return -1;
    for (let k = this.pieceAt(Math.min(from, this.length - 1)); k >= 0; k--) {
      const s = this.starts[k]!;
      const i = this.pieces[k]!.lastIndexOf(c, from - s);
      if (i >= 0) return s + i;
    }
    return -1;
  }

  /** Number of `c` (one character) in [a, b). */
  count(c: string, a: number, b: number): number {
    let n = 0;
    for (let i = this.indexOf(c, a); i >= 0 && i < b; i = this.indexOf(c, i + 1)) n++;
    return n;
  }
}

/** Pieces appended in order, made into a Rope. */
export class RopeBuilder {
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  private length = 0;

  push(piece: string): void {
    if (!piece) return;
    this.pieces.push(piece);
    this.starts.push(this.length);
    this.length += piece.length;
  }

  build(): Rope {
    return new Rope(this.pieces, this.starts, this.length);
  }
}
