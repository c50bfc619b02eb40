/**
 * Which headings open sections, and which standard section each one is. Level-1 candidates are
 * accepted when their title matches a standard, alias or legacy title, or when they continue
 * the 一、二、三… sequence with a short title. Lines that merely look like headings because they
 * are T3 row labels ("四、结转下年度继续办理") never open a section.
 */
import type { Heading, Section, SectionMatch } from '../model/types';
import { FORMAT_2019, FORMAT_2021, LEGACY } from '../standard/versions';
import type { SectionKey } from '../standard/types';
import { labelKey } from '../text/normalize';
import { memoByString } from '../text/memo';

export interface SectionTitleMatch { key: SectionKey | null; match: SectionMatch | null; legacy: boolean }

const STANDARD = FORMAT_2021.sections.map((s) => ({
  key: s.key,
  title: labelKey(s.title),
  aliases: s.aliases.map(labelKey),
}));

/** Titles only legacy (pre-2019) reports use: neither a standard title nor one of its aliases. */
const LEGACY_ONLY = LEGACY.sectionTitles.map(labelKey)
  .filter((t) => !STANDARD.some((s) => s.title === t || s.aliases.includes(t)));

/** T3 row labels numbered like sections (一、本年新收… 四、结转下年度继续办理), from the data. */
const T3_SECTION_LIKE_ROWS = [...FORMAT_2019.tables, ...FORMAT_2021.tables]
  .filter((t) => t.key === 'T3')
  .flatMap((t) => t.rows.filter((r) => r.numbering.endsWith('、')).map((r) => labelKey(r.label)));

/** Memoised: asked for every level-1 heading on every parse, and titles repeat. */
export const isTableRowTitle: (title: string) => boolean = memoByString((title) => {
  const k = labelKey(title);
  return T3_SECTION_LIKE_ROWS.some((r) => k.startsWith(r));
}, 5000);

/**
 * Levenshtein distance if it is at most `max`, else max + 1. The length difference alone rules out
 * most titles (numbered paragraphs are far longer than any standard title), and a row whose
 * smallest entry exceeds `max` ends the computation: cost O(max · length) at worst, usually O(1).
 */
function distanceWithin(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return Math.min(prev[n]!, max + 1);
}

/** Every standard title and alias with its tolerance, for the fuzzy match. */
const FUZZY = STANDARD.flatMap((s) => [s.title, ...s.aliases].map((text) => ({
  key: s.key, text, max: Math.max(1, Math.floor(text.length / 5)),
})));

/** Character → indices in FUZZY of the candidates holding it. */
const FUZZY_BY_CHAR = new Map<string, number[]>();
FUZZY.forEach((c, i) => {
  for (const ch of new Set(c.text)) {
    const list = FUZZY_BY_CHAR.get(ch) ?? [];
    list.push(i);
    FUZZY_BY_CHAR.set(ch, list);
  }
});

/** The standard section a heading title names (memoised: the fuzzy match is costly and titles repeat). */
export const matchSectionTitle: (title: string) => SectionTitleMatch = memoByString((title) => matchSectionTitleUncached(title), 5000);

function matchSectionTitleUncached(title: string): SectionTitleMatch {
  const k = labelKey(title).replace(/[。.]$/, '');
  if (!k) return { key: null, match: null, legacy: false };
  for (const s of STANDARD) if (k === s.title) return { key: s.key, match: 'exact', legacy: false };
  for (const s of STANDARD) if (s.aliases.includes(k)) return { key: s.key, match: 'alias', legacy: false };
  const legacy = LEGACY_ONLY.some((t) => k === t || (k.startsWith(t) && t.length >= 4));
  if (legacy) return { key: null, match: null, legacy: true };
  // Misspelt or slightly reworded: close to exactly one standard title or alias.
  let best: { key: SectionKey; d: number } | null = null;
  // Edit distance ≥ longer length − characters in common. `hits` over-counts what each candidate
  // shares with k (k's characters found in it, with k's multiplicity), so the bound stays sound;
  // one pass over k settles most titles without any distance computed.
  const hits = new Int32Array(FUZZY.length);
  for (let i = 0; i < k.length; i++) for (const c of FUZZY_BY_CHAR.get(k[i]!) ?? []) hits[c] = hits[c]! + 1;
  for (let ci = 0; ci < FUZZY.length; ci++) {
    const c = FUZZY[ci]!;
    if (Math.max(k.length, c.text.length) - Math.min(hits[ci]!, c.text.length) > c.max) continue;
    const d = distanceWithin(k, c.text, c.max);
    if (d <= c.max && (!best || d < best.d)) best = { key: c.key, d };
  }
  if (best) return { key: best.key, match: 'fuzzy', legacy: false };
  return { key: null, match: null, legacy: false };
}

/** Short enough to be a title rather than a numbered paragraph. */
const SHORT_TITLE = 30;

/**
 * Picks the section headings among level-1 candidates. Both lists are in document order and hold
 * no heading from a table region (parseReport reads no headings on table lines: row labels are
 * not headings).
 */
export function buildSections(candidates: Heading[], all: Heading[], textLength: number): Section[] {
  const chosen: { h: Heading; m: SectionTitleMatch }[] = [];
  let lastOrdinal = 0;
  for (let k = 0; k < candidates.length; k++) { // indexed: for-of allocates in the CLI's unoptimised tiers
    const h = candidates[k]!;
    if (h.level !== 1 || !h.title || isTableRowTitle(h.title)) continue;
    const m = matchSectionTitle(h.title);
    const known = m.key !== null || m.legacy;
    const inSequence = h.ordinal === lastOrdinal + 1 || (lastOrdinal === 0 && h.ordinal <= 2);
    if (!known && !(inSequence && h.title.length <= SHORT_TITLE)) continue;
    chosen.push({ h, m });
    lastOrdinal = h.ordinal;
  }
  // Sub-headings by one walk over `all` (sections and headings are both in document order):
  // filtering all headings per section is quadratic on long reports. Pushed, not mapped: map()'s
  // result is packed from the builtin and holey when the optimising compiler inlines it, so the
  // model's arrays would get their hidden class from the tier that built them, and the rules
  // optimised on one deoptimise on the other.
  let from = 0;
  const sections: Section[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const { h, m } = chosen[i]!;
    const end = i + 1 < chosen.length ? chosen[i + 1]!.h.span.start : textLength;
    while (from < all.length && all[from]!.span.start <= h.span.start) from++;
    const subHeadings: Heading[] = [];
    for (let j = from; j < all.length && all[j]!.span.start < end; j++) {
      const s = all[j]!;
      if (s.level > 1) subHeadings.push(s);
    }
    sections.push({ key: m.key, heading: h, match: m.match, span: { start: h.span.start, end }, subHeadings, tables: [] });
  }
  return sections;
}

export function countLegacyHeadings(sections: Section[]): number {
  return sections.filter((s) => matchSectionTitle(s.heading.title).legacy).length;
}
