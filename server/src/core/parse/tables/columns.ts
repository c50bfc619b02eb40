import { lk } from './spec';
/**
 * Header cells → column keys. Headers may be split over several lines (per grid column the
 * texts are joined: "结果"+"维持", "总"+"计") and carry inner spaces ("商业 企业").
 */
import { detachString } from '../../text/memo';
import type { ColumnSpec, TableKey, VersionId } from '../../standard/types';
import { stripTrailingParen } from './rows';
import { specsOf, T4_BLOCKS, t4ResultOf } from './spec';
import type { RawRow } from './types';

interface ColMatch { key: string; exact: boolean }

const keyCache = new WeakMap<ColumnSpec, string[]>();
/** Keys of a column's label and aliases (label first). */
function keysOf(c: ColumnSpec): string[] {
  let ks = keyCache.get(c);
  if (!ks) {
    ks = [c.label, ...c.aliases].map((l) => lk(l));
    keyCache.set(c, ks);
  }
  return ks;
}

function matchIn(k: string, cols: ColumnSpec[]): ColMatch | null {
  for (const c of cols) if (keysOf(c).includes(k)) return { key: c.key, exact: true };
  const bare = stripTrailingParen(k);
  let best: { key: string; len: number } | null = null;
  for (const c of cols) {
    for (const lk of keysOf(c)) {
      const lb = stripTrailingParen(lk);
      if (bare === lk || bare === lb || k.endsWith(lk) || (lb.length >= 2 && bare.endsWith(lb))) {
        if (!best || lk.length > best.len) best = { key: c.key, len: lk.length };
      }
    }
  }
  return best && { key: best.key, exact: false };
}

interface ColumnHit { found: string | null; v2019: number; v2021: number }
/** Memo by table, then exactOnly, then text (nested maps: a joined string key costs more than the lookup). */
const colMemo = new Map<TableKey, [Map<string, ColumnHit>, Map<string, ColumnHit>]>();
let colMemoSize = 0;

/** Column of one header text in the table's specs: exact matches vote for their version. */
function matchColumn(key: TableKey, text: string, votes: Record<VersionId, number>, exactOnly: boolean): string | null {
  if (colMemoSize > 20000) { colMemo.clear(); colMemoSize = 0; }
  let byMode = colMemo.get(key);
  if (!byMode) colMemo.set(key, (byMode = [new Map(), new Map()]));
  const memo = byMode[exactOnly ? 1 : 0];
  let r = memo.get(text);
  if (!r) {
    const v: Record<VersionId, number> = { 2019: 0, 2021: 0 };
    r = { found: matchColumnUncached(key, text, v, exactOnly), v2019: v[2019], v2021: v[2021] };
    colMemoSize++;
    memo.set(detachString(text), r); // a copy: a slice would keep its whole document alive
  }
  // Most texts cast no vote; skip the writes (integer-like keys make this object slow to update).
  if (r.v2019) votes[2019] += r.v2019;
  if (r.v2021) votes[2021] += r.v2021;
  return r.found;
}

function matchColumnUncached(key: TableKey, text: string, votes: Record<VersionId, number>, exactOnly: boolean): string | null {
  const k = lk(text);
  if (!k || k.length > 80) return null;
  let found: string | null = null;
  for (const { version, spec } of specsOf(key)) {
    const m = matchIn(k, spec.columns);
    if (m?.exact) {
      votes[version]++;
      found ??= m.key;
    }
  }
  if (found || exactOnly) return found;
  for (const { spec } of specsOf(key)) {
    const m = matchIn(k, spec.columns);
    if (m) return m.key;
  }
  return null;
}

export interface HeaderInfo {
  /** Column keys recognised, in order. */
  columns: string[];
  /** For grid headers: column key of each cell index. */
  colAt: (string | null)[] | null;
  votes: Record<VersionId, number>;
  /** 表四: true when the header has the fifteen columns of one data row (else five, three-row layout). */
  t4Wide: boolean;
}

const MAX_COLS = 64;

function t4Blocks(results: (string | null)[]): { keys: (string | null)[]; wide: boolean } {
  const n = results.filter((r) => r !== null).length;
  if (n <= 5) return { keys: results, wide: false };
  let j = 0;
  const keys = results.map((r) => {
    if (r === null) return null;
    const b = T4_BLOCKS[Math.floor(j++ / 5)];
    return b ? `${b.key}.${r}` : null;
  });
  return { keys, wide: true };
}

export function readHeader(key: TableKey | null, header: RawRow[], grid: boolean): HeaderInfo {
  const votes: Record<VersionId, number> = { 2019: 0, 2021: 0 };
  const info: HeaderInfo = { columns: [], colAt: null, votes, t4Wide: false };
  if (!key || header.length === 0) return info;
  if (grid) {
    // Indexed loops here and below: the CLI runs this in V8's unoptimised tiers, where each
    // for-of step and each spread allocates.
    let width = 0;
    for (let h = 0; h < header.length; h++) width = Math.max(width, header[h]!.cells.length);
    width = Math.min(MAX_COLS, width);
    const colAt: (string | null)[] = [];
    for (let i = 0; i < width; i++) {
      const texts: string[] = [];
      for (let h = 0; h < header.length; h++) {
        const t = header[h]!.cells[i]?.text;
        if (t) texts.push(t);
      }
      const joined = texts.length === 1 ? texts[0]! : texts.join('');
      if (key === 'T4') {
        colAt.push(t4ResultOf(joined));
        continue;
      }
      let m: string | null = null;
      for (let t = texts.length - 1; t >= 0 && !m; t--) m = matchColumn(key, texts[t]!, votes, true);
      if (!m && texts.length > 1) m = matchColumn(key, joined, votes, true);
      if (!m && joined) m = matchColumn(key, joined, votes, false);
      colAt.push(m);
    }
    if (key === 'T4') {
      const b = t4Blocks(colAt);
      info.t4Wide = b.wide;
      info.colAt = b.keys;
    } else info.colAt = colAt;
    const seen = new Set<string>();
    for (let i = 0; i < info.colAt.length; i++) {
      const c = info.colAt[i];
      if (c && !seen.has(c)) { seen.add(c); info.columns.push(c); }
    }
    return info;
  }
  // Not a grid (one cell per line): the recognised columns, in the order of the standard.
  const found: string[] = [];
  for (let h = 0; h < header.length; h++) for (let i = 0; i < header[h]!.cells.length && i < MAX_COLS; i++) {
    const c = header[h]!.cells[i]!;
    if (!c.text) continue;
    const m = key === 'T4' ? t4ResultOf(c.text) : matchColumn(key, c.text, votes, false);
    if (m) found.push(m);
  }
  if (key === 'T4') {
    const b = t4Blocks(found);
    info.t4Wide = b.wide;
    info.columns = b.keys.filter((k): k is string => k !== null);
    return info;
  }
  const version: VersionId = votes[2019] > votes[2021] ? '2019' : '2021';
  const spec = (specsOf(key).find((s) => s.version === version) ?? specsOf(key)[0]!).spec;
  // The spec's columns that were found, in spec order, then any others in the order found
  // (what a stable sort by spec position would give, without a comparator searching the spec).
  const seen = new Set(found);
  const inSpec = new Set<string>();
  for (const c of spec.columns) if (seen.has(c.key)) { info.columns.push(c.key); inSpec.add(c.key); }
  for (const k of seen) if (!inSpec.has(k)) info.columns.push(k);
  return info;
}
