/**
 * The prose's offset map (flat prose index → source offset) as runs: a run is a stretch of flat
 * characters copied contiguously from the source, a few per line. A per-character Int32Array was
 * ~2 MB for 1 MB of report, made afresh on every edit (page faults, and external memory that
 * piled up between full GCs in the server); the runs are a few hundred KB at most.
 *
 * Runs are maximal (no run continues the one before it), so two maps that read the same hold the
 * same runs: deep equality still compares the incremental build with the full one.
 */
export class ProseMap {
  /** Flat start of each run, increasing; the first is 0 when there is any. */
  readonly flat: Int32Array;
  /** Source offset of each run's first character. */
  readonly src: Int32Array;
  /** Flat length (at(length) is `end`). */
  readonly length: number;
  /** Source offset after the prose: the source text's length. */
  readonly end: number;
  /** Index i reads flat i + origin (a view for a slice of the prose text, proseCache.ts local). */
  readonly origin: number;
  /** The run of the last lookup: in-order reads (sentences, facts) find theirs there or in the next. */
  #hint = 0;

  constructor(flat: Int32Array, src: Int32Array, length: number, end: number, origin = 0) {
    this.flat = flat;
    this.src = src;
    this.length = length;
    this.end = end;
    this.origin = origin;
  }

  /** The same map read from flat `origin` on (index 0 is flat `origin`). */
  view(origin: number): ProseMap {
    return new ProseMap(this.flat, this.src, this.length, this.end, this.origin + origin);
  }

  /** Index of the run holding flat j (0 <= j < length). */
  run(j: number): number {
    const flat = this.flat;
    const n = flat.length;
    let k = this.#hint;
    if (k < n && flat[k]! <= j && (k + 1 === n || j < flat[k + 1]!)) return k;
    k++;
    if (k < n && flat[k]! <= j && (k + 1 === n || j < flat[k + 1]!)) { this.#hint = k; return k; }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (flat[mid]! <= j) lo = mid; else hi = mid - 1;
    }
    this.#hint = lo;
    return lo;
  }

  /** Source offset of flat index i; `end` at the prose's length; undefined outside [0, length]. */
  at(i: number): number | undefined {
    const j = i + this.origin;
    if (i < 0 || j > this.length) return undefined;
    if (j === this.length) return this.end;
    const k = this.run(j);
    return this.src[k]! + (j - this.flat[k]!);
  }

  /**
   * The map on flat [a, b] relative to a and at(a): per run over [a, b) its flat and source start,
   * then b and at(b). Two stretches read the same relative map exactly when these arrays are equal
   * (runs are maximal). 0 <= a < b <= length.
   */
  relative(a: number, b: number): Int32Array {
    const ja = a + this.origin;
    const jb = b + this.origin;
    const k0 = this.run(ja);
    let k1 = k0 + 1;
    while (k1 < this.flat.length && this.flat[k1]! < jb) k1++;
    const out = new Int32Array(2 * (k1 - k0) + 2);
    const base = this.src[k0]! + (ja - this.flat[k0]!);
    for (let k = k0, o = 0; k < k1; k++, o += 2) {
      const f = Math.max(this.flat[k]!, ja);
      out[o] = f - ja;
      out[o + 1] = this.src[k]! + (f - this.flat[k]!) - base;
    }
    out[out.length - 2] = b - a;
    out[out.length - 1] = this.at(b)! - base;
    return out;
  }

  /** Whether relative(a, b) equals `rel`, without making it. */
  sameRelative(rel: Int32Array, a: number, b: number): boolean {
    const ja = a + this.origin;
    const jb = b + this.origin;
    const flat = this.flat;
    const k0 = this.run(ja);
    const base = this.src[k0]! + (ja - flat[k0]!);
    let o = 0;
    let k = k0;
    for (; k < flat.length && (k === k0 || flat[k]! < jb); k++, o += 2) {
      if (o + 3 >= rel.length) return false;
      const f = Math.max(flat[k]!, ja);
      if (rel[o] !== f - ja || rel[o + 1] !== this.src[k]! + (f - flat[k]!) - base) return false;
    }
    return o === rel.length - 2 && rel[o] === b - a && rel[o + 1] === this.at(b)! - base;
  }
}

/**
 * Runs appended in flat order; a run that continues the last one (the next flat character is the
 * next source character) extends it. Its arrays are reused between builds (scratch) and copied
 * out at their exact length.
 */
export class RunBuilder {
  flat: Int32Array;
  src: Int32Array;
  n = 0;

  constructor(capacity = 256) {
    this.flat = new Int32Array(capacity);
    this.src = new Int32Array(capacity);
  }

  /** Flat `f` onwards maps to source `s` onwards (f is past every run so far). */
  push(f: number, s: number): void {
    const n = this.n;
    if (n > 0 && s - this.src[n - 1]! === f - this.flat[n - 1]!) return;
    if (n === this.flat.length) this.grow(n + 1);
    this.flat[n] = f;
    this.src[n] = s;
    this.n = n + 1;
  }

  /** The runs of `m` over its flat [a, b), moved to flat `at` and source + `delta`. */
  pushFrom(m: ProseMap, a: number, b: number, at: number, delta: number): void {
    if (a >= b) return;
    const k0 = m.run(a);
    this.push(at, m.src[k0]! + (a - m.flat[k0]!) + delta);
    let k1 = k0 + 1;
    while (k1 < m.flat.length && m.flat[k1]! < b) k1++;
    if (k1 === k0 + 1) return;
    // The other runs are maximal already: copied natively, then moved in place.
    const n = this.n;
    const count = k1 - k0 - 1;
    if (n + count > this.flat.length) this.grow(n + count);
    const flat = this.flat;
    const src = this.src;
    flat.set(m.flat.subarray(k0 + 1, k1), n);
    src.set(m.src.subarray(k0 + 1, k1), n);
    const df = at - a;
    if (df !== 0) for (let k = n; k < n + count; k++) flat[k] = flat[k]! + df;
    if (delta !== 0) for (let k = n; k < n + count; k++) src[k] = src[k]! + delta;
    this.n = n + count;
  }

  private grow(need: number): void {
    const size = Math.max(need, this.flat.length * 2);
    const flat = new Int32Array(size);
    const src = new Int32Array(size);
    flat.set(this.flat.subarray(0, this.n));
    src.set(this.src.subarray(0, this.n));
    this.flat = flat;
    this.src = src;
  }

  /** The runs as a map of flat `length` ending at source `end` (copied: the builder may be reused). */
  build(length: number, end: number): ProseMap {
    return new ProseMap(this.flat.slice(0, this.n), this.src.slice(0, this.n), length, end);
  }
}
