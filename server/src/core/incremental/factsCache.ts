/**
 * Prose facts of a changing document, re-extracted only for the sentences that changed. The
 * prose (flat text, sentences) is rebuilt around the edit (proseCache.ts); the facts of a sentence are taken
 * from the previous version when the sentence reads the same:
 *
 * - same flat text and same section (what sentenceFacts reads besides the text), and
 * - the same offset map inside it relative to its start (so every source span of its facts is
 *   the old one moved by one delta; a sentence whose lines were re-wrapped is re-extracted).
 *
 * A sentence the prose cache carried over from the previous version (proseCache.ts originsOf:
 * same text, same map relative to its start) takes its old sentence's entry when its section is
 * the same, found by index, without building its key, comparing its map again or a Map lookup.
 *
 * Facts that read the previous sentence (a 其中 opening the sentence takes the total from the
 * one before) are never cached. The cache holds only the current version's sentences.
 * extractFacts stays the reference: test/unit/incremental.test.ts compares both.
 */
import type { ReportModel } from '../model/types';
import type { ClaimFact } from '../prose/claims';
import {
  sentenceFacts, sentenceTokens, type BreakdownFact, type CountFact, type Facts, type Figure, type RateFact, type SentenceFactsOut,
} from '../prose/facts';
import type { Prose, Sentence } from '../prose/prose';
import { shareBreakdowns } from '../prose/shareFacts';
import type { Span } from '../text/source';
import { ProseCache } from './proseCache';

interface Entry {
  /** The sentence's section and text, as the key of the entry. */
  key: string;
  section: Sentence['section'];
  /** prose.map.relative(start, end). */
  rel: Int32Array;
  /** prose.map.at(start) when the facts were extracted. */
  base: number;
  out: SentenceFactsOut;
}

export interface FactsCacheStats {
  /** Sentences of the last extraction, and how many of them were taken from the cache. */
  sentences: number;
  reused: number;
  /** Entries kept by key after it (bounded: see MAX_ENTRIES_PER_SENTENCE). */
  entries: number;
}

const sh = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
const fig = (f: Figure, d: number): Figure => ({ value: f.value, scale: f.scale, span: sh(f.span, d), text: f.text });

/**
 * Whether the entry's facts are the ones `sen` would get: not moved (d = 0) and already pointing
 * at `sen` (a sentence before the edit, which the prose cache keeps as the same object). Then
 * the fact objects themselves are reused (read-only, like every fact), not copied.
 */
function asIs(e: Entry, sen: Sentence, d: number): boolean {
  if (d !== 0) return false;
  const { counts, breakdowns, rates, claims } = e.out;
  for (let i = 0; i < counts.length; i++) if (counts[i]!.sentence !== sen) return false;
  for (let i = 0; i < breakdowns.length; i++) if (breakdowns[i]!.sentence !== sen || breakdowns[i]!.totalSentence !== sen) return false;
  for (let i = 0; i < rates.length; i++) if (rates[i]!.sentence !== sen) return false;
  for (let i = 0; i < claims.length; i++) if (claims[i]!.sentence !== sen) return false;
  return true;
}

/** The cached facts of a sentence, moved by `d` and pointing at `sen`, appended to `to`. */
function reuse(e: Entry, sen: Sentence, d: number, to: SentenceFactsOut): void {
  if (asIs(e, sen, d)) {
    const { counts, breakdowns, rates, claims } = e.out;
    for (let i = 0; i < counts.length; i++) to.counts.push(counts[i]!);
    for (let i = 0; i < breakdowns.length; i++) to.breakdowns.push(breakdowns[i]!);
    for (let i = 0; i < rates.length; i++) to.rates.push(rates[i]!);
    for (let i = 0; i < claims.length; i++) to.claims.push(claims[i]!);
    return;
  }
  for (const c of e.out.counts) {
    const n: CountFact = { kind: c.kind, value: c.value, numberSpan: sh(c.numberSpan, d), numberText: c.numberText, sentence: sen, partial: c.partial };
    if (c.detail) n.detail = c.detail;
    to.counts.push(n);
  }
  for (const b of e.out.breakdowns) {
    const n: BreakdownFact = {
      total: fig(b.total, d), parts: b.parts.map((p) => fig(p, d)), unit: b.unit, markerSpan: sh(b.markerSpan, d),
      sentence: sen, totalSentence: sen, span: sh(b.span, d),
      shares: b.shares.map((s) => ({ part: fig(s.part, d), percent: fig(s.percent, d) })),
    };
    to.breakdowns.push(n);
  }
  for (const r of e.out.rates) {
    const n: RateFact = {
      kind: r.kind, percent: fig(r.percent, d), numerator: r.numerator && fig(r.numerator, d),
      denominator: r.denominator && fig(r.denominator, d), sentence: sen,
    };
    to.rates.push(n);
  }
  for (const c of e.out.claims) {
    const n: ClaimFact = { kind: c.kind, span: sh(c.span, d), text: c.text, scope: { review: c.scope.review, litigation: c.scope.litigation }, sentence: sen };
    to.claims.push(n);
  }
}

/** Facts extracted on a local prose (proseCache.ts local) made to point at the real sentences. */
function relink(out: SentenceFactsOut, local: readonly Sentence[], sen: Sentence, prev: Sentence | undefined): void {
  const real = (s: Sentence) => (s === local[local.length - 1] ? sen : s === local[0] && prev ? prev : s);
  for (const c of out.counts) c.sentence = real(c.sentence);
  for (const b of out.breakdowns) { b.sentence = real(b.sentence); b.totalSentence = real(b.totalSentence); }
  for (const r of out.rates) r.sentence = real(r.sentence);
  for (const c of out.claims) c.sentence = real(c.sentence);
}

/** The key map is cut back to the current sentences' entries when it grows past this many per sentence. */
const MAX_ENTRIES_PER_SENTENCE = 2;

export class FactsCache {
  /**
   * Entries by key: the last extraction's and older ones, until the map is cut back. An older
   * entry is as good as a current one (the facts depend on the key and the map checked by
   * sameRel only); keeping them spares re-making a map of every sentence on every edit.
   */
  #entries = new Map<string, Entry>();
  /** The entry each sentence of the last extraction used, by the sentence's index (undefined: none). */
  #bySentence: (Entry | undefined)[] = [];
  /** The sentences of the last extraction (`origins` index them). */
  #sentences: readonly Sentence[] = [];
  readonly stats: FactsCacheStats = { sentences: 0, reused: 0, entries: 0 };
  /** The prose of the models seen, rebuilt only around each edit. */
  readonly prose = new ProseCache();

  /** extractFacts(model), reusing the facts of the sentences the previous call saw unchanged. */
  extract(model: ReportModel): Facts {
    const prose: Prose = this.prose.build(model);
    const facts: Facts = { prose, counts: [], claims: [], breakdowns: [], rates: [] };
    const { map, sentences } = prose;
    const entries = this.#entries;
    const oldBySentence = this.#bySentence;
    const oldSentences = this.#sentences;
    const bySentence: (Entry | undefined)[] = [];
    const origins = this.prose.originsOf(prose);
    let reused = 0;
    for (let si = 0; si < sentences.length; si++) {
      const sen = sentences[si]!;
      const origin = origins ? origins[si]! : -1;
      const carried = origin >= 0 ? oldBySentence[origin] : undefined;
      if (carried && carried.section === sen.section) {
        const d = sen.spanStart - carried.base;
        if (d !== 0 && oldSentences[origin] === sen) {
          // The same sentence object as before (ahead of the edit: it stays so while edits come
          // after it): its moved facts get an entry of its own, reused as they are from now on.
          const out: SentenceFactsOut = { counts: [], claims: [], breakdowns: [], rates: [] };
          reuse(carried, sen, d, out);
          const own: Entry = { key: carried.key, section: carried.section, rel: carried.rel, base: sen.spanStart, out };
          reuse(own, sen, 0, facts);
          bySentence.push(own);
        } else {
          reuse(carried, sen, d, facts);
          bySentence.push(carried);
        }
        reused++;
        continue;
      }
      const key = `${sen.section ?? ''}\u0000${sen.text}`;
      const e = entries.get(key);
      if (e && map.sameRelative(e.rel, sen.start, sen.end)) {
        reuse(e, sen, sen.spanStart - e.base, facts);
        bySentence.push(e);
        reused++;
        continue;
      }
      const out: SentenceFactsOut = { counts: [], claims: [], breakdowns: [], rates: [] };
      // An edited document's prose text is pieces: read around the sentence only (proseCache.ts local).
      const local = this.prose.local(prose, si);
      const p = local ? local.prose : prose;
      const li = local ? local.index : si;
      const prev = () => sentenceTokens(p, p.sentences[li - 1]!);
      const dependsOnPrev = sentenceFacts(p, li, sentenceTokens(p, p.sentences[li]!), prev, out);
      if (local) relink(out, local.prose.sentences, sen, sentences[si - 1]);
      facts.counts.push(...out.counts);
      facts.claims.push(...out.claims);
      facts.breakdowns.push(...out.breakdowns);
      facts.rates.push(...out.rates);
      if (dependsOnPrev) { bySentence.push(undefined); continue; }
      const entry: Entry = { key, section: sen.section, rel: map.relative(sen.start, sen.end), base: sen.spanStart, out };
      entries.set(key, entry);
      bySentence.push(entry);
    }
    facts.breakdowns.push(...shareBreakdowns(prose));
    // Bounded memory: the entries of sentences gone are dropped once they outnumber the current ones.
    if (entries.size > MAX_ENTRIES_PER_SENTENCE * sentences.length + 256) {
      entries.clear();
      for (const e of bySentence) if (e) entries.set(e.key, e);
    }
    this.#bySentence = bySentence;
    this.#sentences = sentences;
    this.stats.sentences = sentences.length;
    this.stats.reused = reused;
    this.stats.entries = entries.size;
    return facts;
  }

  clear(): void {
    this.#entries = new Map();
    this.#bySentence = [];
    this.#sentences = [];
    this.prose.clear();
  }
}
