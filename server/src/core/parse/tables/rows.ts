import { lk } from './spec';
/**
 * Row labels → row keys of the standard, via each row's label, aliases and variants (labelKey +
 * stripNumbering). "3.其他" (needsGroup) only matches under its group.
 */
import { detachString } from '../../text/memo';
import type { RowSpec, TableKey, VersionId } from '../../standard/types';
import { specsOf, splitNumbering } from './spec';

export type MatchKind = 'exact' | 'alias' | 'variant';
export interface RowMatch { row: RowSpec; match: MatchKind; version: VersionId }

interface Entry { row: RowSpec; match: MatchKind; version: VersionId }
const RANK: Record<MatchKind, number> = { exact: 0, alias: 1, variant: 2 };

const indexCache = new Map<TableKey, Map<string, Entry[]>>();
function indexOf(key: TableKey): Map<string, Entry[]> {
  let idx = indexCache.get(key);
  if (idx) return idx;
  idx = new Map();
  const add = (k: string, e: Entry) => {
    const list = idx!.get(k) ?? [];
    list.push(e);
    idx!.set(k, list);
  };
  for (const { version, spec } of specsOf(key)) {
    for (const row of spec.rows) {
      add(lk(row.label), { row, match: 'exact', version });
      for (const a of row.aliases) add(lk(a), { row, match: 'alias', version });
      for (const v of row.variants) add(lk(v), { row, match: 'variant', version });
    }
  }
  indexCache.set(key, idx);
  return idx;
}

/** A trailing parenthesised remark ("（件）", "（区分处理的…）") removed from a key. */
export function stripTrailingParen(k: string): string {
  return k.endsWith(')') ? k.replace(/\([^()]*\)$/, '') : k;
}

function pick(entries: Entry[] | undefined, version: VersionId | null, group: string | null, floor: MatchKind | null): RowMatch | null {
  if (!entries) return null;
  let best: Entry | null = null;
  let bestScore = Infinity;
  for (const e of entries) {
    if (e.row.needsGroup && e.row.group !== group) continue;
    const kind = floor && RANK[floor] > RANK[e.match] ? floor : e.match;
    const score = RANK[kind] + (version && e.version !== version ? 10 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = { ...e, match: kind };
    }
  }
  return best;
}

const memo = new Map<TableKey, Map<VersionId | null, Map<string | null, Map<string, RowMatch | null>>>>();
let memoSize = 0;

/** The memo of one (table, version, group) context; nested maps, as a joined string key costs more than the lookup. */
function memoOf(key: TableKey, version: VersionId | null, group: string | null): Map<string, RowMatch | null> {
  let byVersion = memo.get(key);
  if (!byVersion) memo.set(key, (byVersion = new Map()));
  let byGroup = byVersion.get(version);
  if (!byGroup) byVersion.set(version, (byGroup = new Map()));
  let m = byGroup.get(group);
  if (!m) byGroup.set(group, (m = new Map()));
  return m;
}

/**
 * The standard row a label names, in `version` when given (else whichever version matches best).
 * `group` is the group row the label sits under (for needsGroup rows).
 */
export function matchRow(key: TableKey, text: string, version: VersionId | null = null, group: string | null = null): RowMatch | null {
  if (text.length > 200) return null;
  let m = memoOf(key, version, group);
  let r = m.get(text);
  if (r === undefined) {
    r = matchRowUncached(key, text, version, group);
    if (++memoSize > 50000) { memo.clear(); memoSize = 0; m = memoOf(key, version, group); }
    m.set(detachString(text), r); // a copy: a slice would keep its whole document alive
  }
  return r;
}

function matchRowUncached(key: TableKey, text: string, version: VersionId | null, group: string | null): RowMatch | null {
  const k = lk(text);
  if (!k || k.length > 120) return null;
  const idx = indexOf(key);
  const { rest } = splitNumbering(k);
  const r = pick(idx.get(rest), version, group, null) ?? (rest !== k ? pick(idx.get(k), version, group, null) : null);
  if (r) return r;
  const bare = stripTrailingParen(rest);
  return bare !== rest && bare ? pick(idx.get(bare), version, group, 'alias') : null;
}

/** Whether a row key is a group label: per version that has the row, in some of them, in all of them. */
interface GroupFlags { byVersion: Partial<Record<VersionId, boolean>>; some: boolean; every: boolean }

/** Group flags of every row key of a table, from the specs once (asked for every row read). */
const groupCache = new Map<TableKey, Map<string, GroupFlags>>();
function groupFlagsOf(key: TableKey): Map<string, GroupFlags> {
  let g = groupCache.get(key);
  if (g) return g;
  g = new Map();
  for (const { version, spec } of specsOf(key)) {
    for (const r of spec.rows) {
      const isGroup = r.groupLabel === true;
      const flags = g.get(r.key) ?? { byVersion: {}, some: false, every: true };
      flags.byVersion[version] = isGroup;
      flags.some ||= isGroup;
      flags.every &&= isGroup;
      g.set(r.key, flags);
    }
  }
  groupCache.set(key, g);
  return g;
}

/** Group context after a row: the row itself when it is a group label (in some version), else its group. */
export function groupAfter(key: TableKey, row: RowSpec): string | null {
  if (groupFlagsOf(key).get(row.key)?.some) return row.key;
  return row.group ?? null;
}

/** True when `rowKey` is a group label in `version` (or, when null, in every version that has it). */
export function isGroupRow(key: TableKey, rowKey: string, version: VersionId | null): boolean {
  const flags = groupFlagsOf(key).get(rowKey);
  if (!flags) return false;
  return version ? flags.byVersion[version] === true : flags.every;
}

// ---------------------------------------------------------------- fuzzy labels

/** Levenshtein distance of a and b, or Infinity once it must exceed `max` (banded: O(len·max)). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur[0] = i;
    if (lo > 1) cur[lo - 1] = Infinity;
    let best = Infinity;
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(
        (j < i + max ? prev[j]! : Infinity) + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      );
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < b.length) cur[hi + 1] = Infinity;
    if (best > max) return Infinity;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! <= max ? prev[b.length]! : Infinity;
}

/** The ordinal digits of a numbering prefix ("2." → "2", "（三）" → "三"). */
const ordinalOf = (numbering: string): string => numbering.replace(/[^\d一二三四五六七八九十]/g, '');

const fuzzyMemo = new Map<string, RowMatch | null>();

/**
 * A misspelt row label ("2.其他法律行政止公开"): the one standard label (or alias) within a small
 * edit distance of it (a quarter of the longer label's length at most), numbering equal when both have one, and
 * clearly closer than any other. Matched as 'variant' (GR108 names the standard label). Used only
 * where a row label is expected and no exact match was found.
 */
export function matchRowFuzzy(key: TableKey, text: string, version: VersionId | null = null, group: string | null = null): RowMatch | null {
  if (text.length > 80) return null;
  const memoKey = `${key}\u0000${version}\u0000${group}\u0000${text}`;
  const hit = fuzzyMemo.get(memoKey);
  if (hit !== undefined) return hit;
  const { prefix, rest } = splitNumbering(lk(text));
  let out: RowMatch | null = null;
  if (rest.length >= 4 && !/\d/.test(rest)) {
    const num = ordinalOf(prefix);
    let best: { e: Entry; d: number } | null = null;
    let second = Infinity;
    for (const [k, entries] of indexOf(key)) {
      // Up to a quarter of the longer label: "其他法律行政止公开" lost 3 of 12 characters.
      const d = boundedDistance(rest, k, Math.max(1, Math.floor(Math.max(rest.length, k.length) / 4)));
      if (d === Infinity) continue;
      for (const e of entries) {
        if (e.row.needsGroup && e.row.group !== group) continue;
        if (version && e.version !== version) continue;
        if (num && e.row.numbering && ordinalOf(e.row.numbering) !== num) continue;
        if (!best || d < best.d) { if (best && best.e.row.key !== e.row.key) second = Math.min(second, best.d); best = { e, d }; }
        else if (e.row.key !== best.e.row.key) second = Math.min(second, d);
      }
    }
    if (best && best.d < second) out = { row: best.e.row, match: 'variant', version: best.e.version };
  }
  if (fuzzyMemo.size > 20000) fuzzyMemo.clear();
  fuzzyMemo.set(memoKey, out);
  return out;
}
