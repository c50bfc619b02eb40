/**
 * buildProse for a changing document, re-scanning only the lines around an edit. The prose scan
 * (prose.ts scanLines) goes line by line with a small state (pending gap, paragraph flags, last
 * character), recorded at every line start. The new version's scan:
 *
 * - takes the old output up to a line before the edit: same text, same kind (table, heading) and
 *   so the same state and output;
 * - resumes there and stops at the first line after the edit (and after every line whose kind
 *   changed) where its state equals the old version's at the corresponding line: from there on
 *   the output is the old one moved by the edit (the same lines, kinds and state);
 * - splits sentences again from the paragraph start before the resumed line to the first
 *   paragraph end in the copied tail; the other sentences are the old ones, moved, renumbered and
 *   given the section they lie in now.
 *
 * buildProse stays the reference: test/unit/incremental.test.ts compares both (deep equality of
 * the prose, map and sentences included) on random edit sequences.
 */
import type { ReportModel } from '../model/types';
import {
  buildProseRecorded, lineKinds, MAX_PROSE_CHARS, newScanRecord, SectionWalk, splitSentences, scanLines,
  Sentence, type Prose, type ScanRecord,
} from '../prose/prose';
import { RunBuilder } from '../prose/proseMap';
import { Rope, RopeBuilder } from '../prose/rope';
import { changedRange } from './diff';

interface Version {
  model: ReportModel;
  prose: Prose;
  kinds: Uint8Array;
  rec: ScanRecord;
  /** Per sentence of `prose`, the index of the previous version's sentence it was carried over from (-1: split again). */
  origins: Int32Array | null;
  /** prose.text as pieces: read here instead of prose.text, which is then never copied flat unless a reader needs all of it. */
  rope: Rope;
  /** Whether prose.text is a concatenation of the rope's pieces (not a flat string). */
  pieced: boolean;
}

/** Pieces kept at most; past that the text is made flat once (each piece may keep an older text alive). */
const MAX_PIECES = 32;
/** A shorter prose text is made flat on each edit (two-byte strings of 32 K characters stay below V8's large-object size). */
const MIN_PIECED = 1 << 15;
/** Characters read around a sentence whose facts are extracted again (its reads stay inside; a margin for safety). */
const MARGIN = 4;

export interface ProseCacheStats {
  /** Lines the last build scanned (all of them for a full build), and whether it reused the old prose. */
  scanned: number;
  incremental: boolean;
}

function copyRecord(from: ScanRecord, a: number, b: number, to: ScanRecord, at: number, flatDelta: number): void {
  to.gap.set(from.gap.subarray(a, b), at);
  to.flags.set(from.flags.subarray(a, b), at);
  to.last.set(from.last.subarray(a, b), at);
  if (flatDelta === 0) to.flatAt.set(from.flatAt.subarray(a, b), at);
  else for (let i = a; i < b; i++) to.flatAt[at + i - a] = from.flatAt[i]! + flatDelta;
}

/** Per new sentence, the old sentence's index (-1: split again): a typed array, not a Sentence[] the facts cache looks up in a Map. */
interface Origins { at: Int32Array; n: number }

function put(o: Origins, i: number): void {
  if (o.n === o.at.length) {
    const bigger = new Int32Array(o.at.length * 2 + 64);
    bigger.set(o.at);
    o.at = bigger;
  }
  o.at[o.n++] = i;
}

/** Index of the first sentence starting at or after flat offset `at` (sentences are in order). */
function firstFrom(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * A scan record for `lines` lines on the buffers of `spare` (the record of the version before the
 * previous one, which nothing reads any more) when they hold enough entries and not many more
 * (bounded memory), else a new one. Four fresh typed arrays per edit (~370 KB for a 1 MB report's
 * 23 K lines) were zeroed, page-faulted and counted as external memory, pulling in GCs; a reused
 * record needs no clearing: every scan writes each entry it leaves behind (scanLines records every
 * line it passes, rebuild copies the head and the tail around it), and reads only entry 0 before
 * writing, reset here.
 */
function recordFor(lines: number, spare: ScanRecord | null): ScanRecord {
  const n = lines + 1;
  const capacity = spare ? spare.flags.buffer.byteLength : 0;
  if (!spare || capacity < n || capacity > n + (n >> 2) + 1024) return newScanRecord(lines);
  const rec: ScanRecord = {
    flatAt: new Int32Array(spare.flatAt.buffer, 0, n), gap: new Int32Array(spare.gap.buffer, 0, n),
    flags: new Uint8Array(spare.flags.buffer, 0, n), last: new Int32Array(spare.last.buffer, 0, n),
  };
  rec.flatAt[0] = 0;
  rec.gap[0] = 0;
  rec.flags[0] = 0;
  rec.last[0] = -1;
  return rec;
}

/** A larger run builder is not kept between edits (bounded memory). */
const MAX_RUNS_KEPT = 1 << 18;

export class ProseCache {
  #prev: Version | null = null;
  /** The scan record of the version before #prev, whose buffers the next build writes (recordFor). */
  #spare: ScanRecord | null = null;
  /** The new map's runs are put together here, then copied out at their exact length. */
  #runs = new RunBuilder();
  readonly stats: ProseCacheStats = { scanned: 0, incremental: false };

  /** buildProse(model), reusing the previous version's prose where the edit left it unchanged. */
  build(model: ReportModel): Prose {
    if (this.#prev?.model === model) return this.#prev.prose;
    const kinds = lineKinds(model);
    const rec = recordFor(model.source.lineCount, this.#spare);
    const prev = this.#prev;
    // A build that throws leaves nothing half-updated (and no spare that could be in use).
    this.#prev = null;
    this.#spare = null;
    const origins: Origins = { at: new Int32Array(prev ? prev.prose.sentences.length + 64 : 0), n: 0 };
    const built = prev && this.rebuild(prev, model, kinds, rec, origins);
    let prose: Prose;
    let rope: Rope;
    if (built) ({ prose, rope } = built);
    else {
      prose = buildProseRecorded(model, kinds, rec);
      rope = Rope.of(prose.text);
      this.stats.scanned = model.source.lineCount;
      this.stats.incremental = false;
    }
    const aligned = this.stats.incremental && origins.n === prose.sentences.length;
    this.#prev = { model, prose, kinds, rec, origins: aligned ? origins.at.subarray(0, origins.n) : null, rope, pieced: !!built && rope.size > 1 };
    this.#spare = prev ? prev.rec : null;
    return prose;
  }

  /** The scan record of the last build, if it is of `prose` (for the tests: it must equal a fresh scan's). */
  recordOf(prose: Prose): ScanRecord | null {
    return this.#prev?.prose === prose ? this.#prev.rec : null;
  }

  /**
   * For the prose of the last build: per sentence, the index in the previous version's sentences
   * of the sentence it is, moved (same text, same offset map relative to its start; its section
   * may differ), or -1 for a sentence split again. Null for another prose or a build from scratch.
   */
  originsOf(prose: Prose): Int32Array | null {
    return this.#prev?.prose === prose ? this.#prev.origins : null;
  }

  /**
   * For the prose of the last build when its text is pieced: a prose holding sentence `si` (and the
   * one before it) that reads the same as `prose` around them, for extracting their facts without
   * copying prose.text flat; its sentences are copies moved to the slice's offsets (index = the
   * sentence's). Null when prose.text is flat anyway.
   */
  local(prose: Prose, si: number): { prose: Prose; index: number } | null {
    const v = this.#prev;
    if (!v || v.prose !== prose || !v.pieced) return null;
    const sen = prose.sentences[si]!;
    const prev = si > 0 ? prose.sentences[si - 1]! : undefined;
    const a = Math.max(0, (prev ?? sen).start - MARGIN);
    const b = Math.min(v.rope.length, sen.end + MARGIN);
    const moved = (s: Sentence) => new Sentence(s.start - a, s.end - a, s.spanStart, s.spanEnd, s.text, s.section, s.paragraph);
    const sentences = prev ? [moved(prev), moved(sen)] : [moved(sen)];
    return { prose: { text: v.rope.slice(a, b), map: prose.map.view(a), sentences }, index: sentences.length - 1 };
  }

  clear(): void {
    this.#prev = null;
    this.#spare = null;
  }

  private rebuild(prev: Version, model: ReportModel, kinds: Uint8Array, rec: ScanRecord, origins: Origins): { prose: Prose; rope: Rope } | null {
    const oldSrc = prev.model.source;
    const src = model.source;
    // The scan stops reading after MAX_PROSE_CHARS: with a text that long the state is not all in the record.
    if (oldSrc.text.length > MAX_PROSE_CHARS || src.text.length > MAX_PROSE_CHARS) return null;
    const oldLines = oldSrc.lineCount;
    const lines = src.lineCount;
    const ld = lines - oldLines;
    const delta = src.text.length - oldSrc.text.length;
    const change = changedRange(oldSrc.text, src.text);
    // Lines before `la`: same text (one line of margin: a "\r\n" joined or split at the edit), same kind.
    let la = Math.min(oldLines, lines, change ? Math.max(0, oldSrc.lineIndexAt(change.start) - 1) : oldLines);
    for (let i = 0; i < la; i++) if (kinds[i] !== prev.kinds[i]) { la = i; break; }
    // Old lines from `lb` on are the new lines moved by ld lines and delta offsets; the scan may
    // stop at one only after the last line whose kind changed.
    let lb = change ? oldSrc.lineIndexAt(change.oldEnd) + 2 : 0;
    if (lb < oldLines && lb + ld >= 0 && lb + ld < lines && src.lineStart(lb + ld) === oldSrc.lineStart(lb) + delta) {
      for (let i = oldLines - 1; i >= lb; i--) if (kinds[i + ld] !== prev.kinds[i]) { lb = i + 1; break; }
    } else lb = oldLines; // no tail to take over
    const o = prev.rec;
    copyRecord(o, 0, la + 1, rec, 0, 0);
    const out = scanLines(src, kinds, rec, la, (j) => {
      const oj = j - ld;
      return oj >= lb && oj < oldLines && rec.gap[j] === o.gap[oj] && rec.flags[j] === o.flags[oj] && rec.last[j] === o.last[oj];
    });
    const j = out.end;
    const tail = j < lines; // stopped where the old output continues
    const oj = j - ld;
    const pa = rec.flatAt[la]!;
    const flatDelta = tail ? rec.flatAt[j]! - o.flatAt[oj]! : 0;
    if (tail) copyRecord(o, oj, oldLines + 1, rec, j, flatDelta);
    const old = prev.prose;
    const oldRope = prev.rope;
    const oldLength = oldRope.length;
    const oldTail = tail ? o.flatAt[oj]! : oldLength;
    const pieces = new RopeBuilder();
    oldRope.appendRange(0, pa, pieces);
    pieces.push(out.text);
    if (tail) oldRope.appendRange(oldTail, oldLength, pieces);
    let rope = pieces.build();
    // A short text is cheap to copy (no fresh pages): made flat, it is read directly.
    if (rope.size > MAX_PIECES || (rope.size > 1 && rope.length < MIN_PIECED)) {
      const flat = rope.text();
      flat.charCodeAt(0); // made flat here, once (V8 does it on the first read)
      rope = Rope.of(flat);
    }
    const length = rope.length;
    // The old map's runs before the re-scan, the re-scan's, the old tail's moved (runs that meet are joined).
    const runs = this.#runs;
    runs.n = 0;
    runs.pushFrom(old.map, 0, pa, 0, 0);
    const scanned = out.runs;
    for (let k = 0; k < scanned.n; k++) runs.push(scanned.flat[k]! + pa, scanned.src[k]!);
    const outLength = out.text.length;
    if (tail) runs.pushFrom(old.map, oldTail, oldLength, pa + outLength, delta);
    const prose: Prose = { text: rope.text(), map: runs.build(length, src.text.length), sentences: [] };
    if (runs.flat.length > MAX_RUNS_KEPT) this.#runs = new RunBuilder();
    this.sentences(old, oldRope, prose, rope, model, pa, tail ? rec.flatAt[j]! : Infinity, flatDelta, delta, origins);
    this.stats.scanned = j - la;
    this.stats.incremental = true;
    return { prose, rope };
  }

  /**
   * prose.sentences: the old ones before the paragraph holding flat offset `pa`, split again from
   * there to the first paragraph end at or after `pj` (where the copied tail starts), the old ones
   * after it moved by flatDelta / delta.
   */
  private sentences(
    old: Prose, oldRope: Rope, prose: Prose, rope: Rope, model: ReportModel, pa: number, pj: number, flatDelta: number, delta: number, origins: Origins,
  ): void {
    const walk = new SectionWalk(model.sections);
    const out = prose.sentences;
    const cutA = pa === 0 ? 0 : oldRope.lastIndexOf('\n', pa - 1) + 1;
    const headEnd = firstFrom(old.sentences, cutA);
    for (let i = 0; i < headEnd; i++) {
      const s = old.sentences[i]!;
      const section = walk.at(s.spanStart);
      out.push(section === s.section ? s : new Sentence(s.start, s.end, s.spanStart, s.spanEnd, s.text, section, s.paragraph));
      put(origins, i);
    }
    const lastHead = old.sentences[headEnd - 1];
    const paraA = lastHead ? lastHead.paragraph + oldRope.count('\n', lastHead.end, cutA) : oldRope.count('\n', 0, cutA);
    // The split reads from cutA to the first paragraph end at or after pj: that stretch only, sliced from the pieces.
    const windowEnd = pj === Infinity ? -1 : rope.indexOf('\n', pj);
    const window = { at: cutA, text: rope.slice(cutA, windowEnd < 0 ? rope.length : windowEnd + 1) };
    const stop = splitSentences(prose, walk, cutA, paraA, pj, window);
    while (origins.n < out.length) put(origins, -1);
    if (!stop) return;
    // The old text after the paragraph end at stop.next - 1 is the new text there, moved.
    const from = firstFrom(old.sentences, stop.next - flatDelta);
    const first = old.sentences[from];
    if (!first) return;
    const pd = stop.paragraph - (first.paragraph - oldRope.count('\n', stop.next - flatDelta, first.start));
    const same = flatDelta === 0 && delta === 0 && pd === 0;
    for (let i = from; i < old.sentences.length; i++) {
      const s = old.sentences[i]!;
      const start = s.spanStart + delta;
      const section = walk.at(start);
      out.push(same && section === s.section ? s : new Sentence(s.start + flatDelta, s.end + flatDelta, start, s.spanEnd + delta, s.text, section, s.paragraph + pd));
      put(origins, i);
    }
  }
}
