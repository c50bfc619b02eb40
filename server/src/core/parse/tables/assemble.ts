import { lk } from './spec';
/**
 * Labels wrapped over several lines (PDF text): fragments are joined in reading order while the
 * joined text stays a prefix of some standard label; a fragment that starts with numbering opens
 * a new label. This also rebuilds labels written vertically, one character per line.
 */
import { numberingOf, splitNumbering, type Numbering } from './spec';
import { labelKey } from '../../text/normalize';
import { memoByString } from '../../text/memo';

/**
 * A label fragment. `asm` and `label`: the Assembler that last took it and its label there (labelOf),
 * kept on the fragment instead of a Map per Assembler; null until fed.
 */
export interface Frag { text: string; start: number; end: number; line: number; x: number; asm: object | null; label: object | null }

export interface Cand<T> { id: string; full: string; num: Numbering | null; rank: number; ref: T }

export interface Label<T> {
  /** Position in its Assembler's `labels` (readers keep per-label data in arrays by it). */
  index: number;
  frags: Frag[];
  acc: string;
  cands: Cand<T>[];
  firstLine: number;
  lastLine: number;
  /**
   * Assembler.complete() for the acc and cands it was computed on (asked many times once the rows
   * are read): three fields on the label, not a record per computation.
   */
  doneAcc: string | null;
  doneCands: Cand<T>[] | null;
  doneList: Cand<T>[] | null;
}

/** Comparison form: label key without the punctuation that wraps differently ("、", "，", "."). */
export const fk = (k: string): string => k.replace(/[,.:;]/g, '');

export function numOfLabel(numbering: string): Numbering | null {
  return numberingOf(lk(numbering));
}

const OPEN = 8;

/** What feed() reads from a fragment's label key: its numbering and the comparison form of the rest. */
interface FragKey { num: Numbering | null; r: string }
/**
 * The FragKey of a fragment's text, null when its label key is empty or over 120 characters (fed
 * nowhere). By the text itself: one memo lookup per fragment fed (lk, then a memo by the key, were two).
 */
const fragKeyOf = memoByString((text): FragKey | null => {
  const k = labelKey(text);
  if (!k || k.length > 120) return null;
  const { prefix, rest } = splitNumbering(k);
  const num = numberingOf(prefix);
  return { num, r: fk(num ? rest : k) };
});

/**
 * Candidates by numbering (level, then ordinal) and by first character (its code: r[0] would copy a
 * CJK character), in their original order. `opened`: per list of byNumber/byFirst, the candidates
 * that start with a fragment's text, by that text: every table of a report opens its labels with
 * the same few fragments, and a label's candidate list is never written to once made (feed narrows
 * into a new array), so labels can share one.
 */
interface CandIndex<T> { byNumber: Map<number, Map<number, Cand<T>[]>>; byFirst: Map<number, Cand<T>[]>; opened: Map<Cand<T>[], Map<string, Cand<T>[]>> }

/** Fragment texts remembered per candidate list at most (then forgotten at once: bounded memory). */
const OPENED_LIMIT = 512;

/**
 * The candidates of `list` that start with `r`, shared. `r` comes from fragKeyOf, whose memo keeps a
 * detached copy: a key here never holds a slice of an old document alive.
 */
function startingWith<T>(idx: CandIndex<T>, list: Cand<T>[], r: string): Cand<T>[] {
  let byText = idx.opened.get(list);
  if (!byText) idx.opened.set(list, (byText = new Map()));
  let out = byText.get(r);
  if (out === undefined) {
    out = list.filter((c) => c.full.startsWith(r));
    if (byText.size >= OPENED_LIMIT) byText.clear();
    byText.set(r, out);
  }
  return out;
}

const indexCache = new WeakMap<Cand<unknown>[], CandIndex<unknown>>();

/** The index of a candidate list (built once per list: the lists are cached per table). */
function candIndex<T>(cands: Cand<T>[]): CandIndex<T> {
  const hit = indexCache.get(cands) as CandIndex<T> | undefined;
  if (hit) return hit;
  const idx: CandIndex<T> = { byNumber: new Map(), byFirst: new Map(), opened: new Map() };
  const push = <K>(m: Map<K, Cand<T>[]>, k: K, c: Cand<T>) => {
    const list = m.get(k);
    if (list) list.push(c); else m.set(k, [c]);
  };
  for (const c of cands) {
    if (c.num) {
      let byOrdinal = idx.byNumber.get(c.num.level);
      if (!byOrdinal) idx.byNumber.set(c.num.level, (byOrdinal = new Map()));
      push(byOrdinal, c.num.ordinal, c);
    }
    if (c.full) push(idx.byFirst, c.full.charCodeAt(0), c);
  }
  indexCache.set(cands, idx as CandIndex<unknown>);
  return idx;
}

const NONE: never[] = [];

export class Assembler<T> {
  readonly labels: Label<T>[] = [];
  private readonly index: CandIndex<T>;
  constructor(cands: Cand<T>[]) {
    this.index = candIndex(cands);
  }

  /** Adds a fragment; returns the label it joined or opened (null when it fits none). */
  feed(f: Frag): Label<T> | null {
    const fragKey = fragKeyOf(f.text);
    if (fragKey === null) return null;
    const { num, r } = fragKey;
    if (!num) {
      for (let i = this.labels.length - 1; i >= 0 && i >= this.labels.length - OPEN; i--) {
        const L = this.labels[i]!;
        // Every candidate of L starts with L.acc, so "starts with acc + r" is "has r at acc.length":
        // the joined text and the narrowed list are built only for the label that takes the
        // fragment (most open labels do not, and this runs for every fragment of a PDF table).
        const at = L.acc.length;
        const cands = L.cands;
        let first = 0;
        while (first < cands.length && !cands[first]!.full.startsWith(r, at)) first++;
        if (first === cands.length) continue;
        // The list is kept while every candidate still matches, narrowed into a new array only when
        // some candidate drops out: a list is never written to once a label holds it (labels share them).
        let keep = first;
        if (first === 0) while (keep < cands.length && cands[keep]!.full.startsWith(r, at)) keep++;
        let cs = cands;
        if (keep < cands.length) {
          cs = first === 0 ? cands.slice(0, keep) : [cands[first]!];
          for (let j = Math.max(keep, first + 1); j < cands.length; j++) if (cands[j]!.full.startsWith(r, at)) cs.push(cands[j]!);
        }
        L.acc += r;
        L.cands = cs;
        L.frags.push(f);
        L.lastLine = Math.max(L.lastLine, f.line);
        f.asm = this;
        f.label = L;
        return L;
      }
      if (r.length < 2) return null;
      const first = this.index.byFirst.get(r.charCodeAt(0));
      return first ? this.open(f, r, startingWith(this.index, first, r)) : null;
    }
    const numbered = this.index.byNumber.get(num.level)?.get(num.ordinal);
    return numbered ? this.open(f, r, startingWith(this.index, numbered, r)) : null;
  }

  private open(f: Frag, acc: string, cands: Cand<T>[]): Label<T> | null {
    if (!cands.length) return null;
    const L: Label<T> = { index: this.labels.length, frags: [f], acc, cands, firstLine: f.line, lastLine: f.line, doneAcc: null, doneCands: null, doneList: null };
    this.labels.push(L);
    f.asm = this;
    f.label = L;
    return L;
  }

  labelOf(f: Frag): Label<T> | undefined {
    // A fragment of a cached line may have been fed to an earlier Assembler: only this one's counts.
    return f.asm === this ? (f.label as Label<T>) : undefined;
  }

  /** The candidates the label spells out completely, best first. */
  static complete<T>(L: Label<T>): Cand<T>[] {
    if (L.doneList !== null && L.doneAcc === L.acc && L.doneCands === L.cands) return L.doneList;
    const cands = L.cands;
    const acc = L.acc;
    let n = 0;
    for (let i = 0; i < cands.length; i++) if (cands[i]!.full === acc) n++;
    // Most labels spell out no candidate (a shared empty list, never written to) or one; the list
    // is made at its length (a push grows an empty array to 17 slots).
    const list: Cand<T>[] = n === 0 ? NONE : new Array<Cand<T>>(n);
    for (let i = 0, len = 0; i < cands.length && len < n; i++) {
      const c = cands[i]!;
      if (c.full !== acc) continue;
      // Insertion by rank after every equal rank: stable, as sort() is, which copies its array first.
      let at = len++;
      while (at > 0 && list[at - 1]!.rank > c.rank) { list[at] = list[at - 1]!; at--; }
      list[at] = c;
    }
    L.doneAcc = acc;
    L.doneCands = cands;
    L.doneList = list;
    return list;
  }
}
