/**
 * The standard's tables as the readers need them: every table spec of both versions, the
 * caption pattern and the signature words, all derived from core/standard (no label literals).
 */
import { FORMAT_2019, FORMAT_2021 } from '../../standard/versions';
import { T4_BLOCKS, T4_RESULTS } from '../../standard/t4';
import type { RowSpec, TableKey, TableSpec, VersionId } from '../../standard/types';
import { labelKey, stripNumbering, toHalfWidth } from '../../text/normalize';
import { parseCell } from '../../text/numbers';
import { memoByString } from '../../text/memo';
import { isZeroWidth } from '../../text/chars';

export { T4_BLOCKS, T4_RESULTS };

/** parseCell(text).kind, memoised. */
export const cellKind: (text: string) => string = memoByString((text) => parseCell(text).kind);
/** labelKey, memoised (the same cell and label texts are compared many times per parse). */
export const lk: (s: string) => string = memoByString(labelKey);

export const VERSIONS: VersionId[] = ['2019', '2021'];
export const TABLE_KEYS: TableKey[] = ['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9', 'T3', 'T4'];
const FORMATS = { 2019: FORMAT_2019, 2021: FORMAT_2021 } as const;

export interface VSpec { version: VersionId; spec: TableSpec }

const byKey = new Map<TableKey, VSpec[]>();
for (const v of VERSIONS) {
  for (const t of FORMATS[v].tables) {
    const list = byKey.get(t.key) ?? [];
    list.push({ version: v, spec: t });
    byKey.set(t.key, list);
  }
}

/** The specs of a table in every version that has it (T2.9: 2019 only). */
export function specsOf(key: TableKey): VSpec[] {
  return byKey.get(key) ?? [];
}

/** The spec of `key` in `version`, else in the other version (2021 first). */
export function specOf(key: TableKey, version: VersionId | null): TableSpec {
  const list = specsOf(key);
  return (list.find((s) => s.version === version) ?? list.find((s) => s.version === '2021') ?? list[0]!).spec;
}

export const isT2 = (key: TableKey | null): boolean => key !== null && key.startsWith('T2');

const T2_ANY = specOf('T2.1', '2021');
const T3_ANY = specOf('T3', '2021');
const T4_ANY = specOf('T4', '2021');

/** Key of the T2 label-column header ("信息内容"): the first signature word of a T2 spec. */
export const T2_HEAD_KEY = labelKey(T2_ANY.signature[0]!);

/** Signature words of 表三 that are not row labels (the note: "勾稽关系"). */
export const T3_NOTE_KEYS: string[] = T3_ANY.signature
  .map((s) => labelKey(s))
  .filter((k) => !T3_ANY.rows.some((r) => labelKey(r.label) === k));

/** Key of 表三's first row label ("本年新收…"). */
export const T3_FIRST_ROW_KEY = labelKey(T3_ANY.rows[0]!.label);
/** Key of 表三's last row ("结转下年度继续办理"). */
export const T3_LAST_ROW = T3_ANY.rows[T3_ANY.rows.length - 1]!.key;

/** 表四 signature words (行政复议, 行政诉讼, …) as keys. */
export const T4_SIG_KEYS: string[] = T4_ANY.signature.map((s) => labelKey(s));
export const T4_DATA_ROW = T4_ANY.rows[0]!.key;
export const T4_COLUMN_KEYS: string[] = T4_ANY.columns.map((c) => c.key);

/** Block of a 表四 row label ("行政复议", "行政诉讼·未经复议直接起诉", "复议后起诉"), or null. */
const BLOCK_KEYS = T4_BLOCKS.map((b) => {
  const parts = b.label.split('·').map((p) => labelKey(p));
  return { key: b.key, full: labelKey(b.label), last: parts[parts.length - 1]! };
});
export function t4BlockOf(text: string): { key: string; exact: boolean } | null {
  const k = lk(text);
  if (!k || k.length > 40) return null;
  let best: { key: string; exact: boolean; len: number } | null = null;
  for (const b of BLOCK_KEYS) {
    if (k === b.full || k === b.last) return { key: b.key, exact: true };
    if (k.includes(b.last) && (!best || b.last.length > best.len)) best = { key: b.key, exact: false, len: b.last.length };
  }
  return best && { key: best.key, exact: best.exact };
}

const RESULT_KEYS = T4_RESULTS.map((r) => ({ key: r.key, k: labelKey(r.label) })).sort((a, b) => b.k.length - a.k.length);
/** Result column of a 表四 header text ("结果 维持", "总/计" joined, "行政复议结果维持"). */
export function t4ResultOf(text: string): string | null {
  const k = lk(text);
  if (!k || k.length > 60) return null;
  // Indexed: for-of allocates per step in the CLI's unoptimised tiers (this runs per header cell).
  for (let i = 0; i < RESULT_KEYS.length; i++) if (k === RESULT_KEYS[i]!.k) return RESULT_KEYS[i]!.key;
  for (let i = 0; i < RESULT_KEYS.length; i++) if (k.endsWith(RESULT_KEYS[i]!.k)) return RESULT_KEYS[i]!.key;
  return null;
}
export const T4_RESULT_ORDER: string[] = T4_RESULTS.map((r) => r.key);

// ---------------------------------------------------------------- caption "第二十条第（X）项"

/** The article words of the T2 caption, from the spec title ("第二十条第（一）项 …"). */
const T2_TITLE = T2_ANY.title;
const ARTICLE = T2_TITLE.slice(0, T2_TITLE.indexOf(T2_ANY.item!)).replace(/第$/, '');
const CAPTION_RE = new RegExp(`^[#>*\\s\\u3000]*${ARTICLE}\\s*第\\s*[（(]\\s*([一二三四五六七八九十]{1,3})\\s*[）)]\\s*项`);

/** Table of each caption item, by its numeral ("一" → T2.1); the first table in TABLE_KEYS order wins. */
const TABLE_OF_ITEM = new Map<string, TableKey>();
for (const key of TABLE_KEYS) {
  const item = specsOf(key)[0]?.spec.item;
  const numeral = item ? /^\(([^()]*)\)$/.exec(toHalfWidth(item))?.[1] : undefined;
  if (numeral !== undefined && !TABLE_OF_ITEM.has(numeral)) TABLE_OF_ITEM.set(numeral, key);
}

/**
 * Zero-width spaces and BOMs, which web copies scatter inside words ("第二\u200b十条"). Two
 * indexOf calls, not a regex: asked for every short line, and a regex call costs more than both.
 */
const hasZeroWidth = (text: string) => text.indexOf('\u200b') >= 0 || text.indexOf('\ufeff') >= 0;

/**
 * One character of the article words: a line without it is no caption, with or without zero-width
 * characters (removing them leaves the others), so most lines cost one indexOf instead of three.
 */
const ARTICLE_LAST = ARTICLE.slice(-1);

/** If `text` (a line or a cell) is a T2 caption, the T2 table it introduces and the caption's extent. */
export function captionOf(text: string): { key: TableKey; start: number; end: number } | null {
  if (text.length > 80 || text.indexOf(ARTICLE_LAST) < 0) return null;
  if (hasZeroWidth(text)) return captionSkippingZeroWidth(text);
  if (text.indexOf(ARTICLE) < 0) return null;
  const m = CAPTION_RE.exec(text);
  if (!m) return null;
  const key = TABLE_OF_ITEM.get(m[1]!);
  if (!key) return null;
  const start = m[0].length - m[0].trimStart().length;
  return { key, start, end: m[0].length };
}

/** captionOf read without the zero-width characters; the extent mapped back onto `text`. */
function captionSkippingZeroWidth(text: string): { key: TableKey; start: number; end: number } | null {
  const kept: number[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    if (isZeroWidth(text.charCodeAt(i))) continue;
    kept.push(i);
    plain += text[i];
  }
  const c = plain ? captionOf(plain) : null;
  return c && c.end > c.start ? { key: c.key, start: kept[c.start]!, end: kept[c.end - 1]! + 1 } : null;
}

// ---------------------------------------------------------------- numbering

export interface Numbering { level: 1 | 2 | 3; ordinal: number }
const CN = '一二三四五六七八九十';
function cnValue(s: string): number {
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + CN.indexOf(s[1]!) + 1;
  if (s.length === 2 && s[1] === '十') return (CN.indexOf(s[0]!) + 1) * 10;
  if (s.length === 3 && s[1] === '十') return (CN.indexOf(s[0]!) + 1) * 10 + CN.indexOf(s[2]!) + 1;
  return CN.indexOf(s) + 1;
}
/** Numbering of a label key's prefix (as left by stripNumbering): "一," / "(一)" / "1." / "(1)". */
export function numberingOf(prefix: string): Numbering | null {
  if (!prefix) return null;
  let m = /^([一二三四五六七八九十]+)[,.]$/.exec(prefix);
  if (m) return { level: 1, ordinal: cnValue(m[1]!) };
  m = /^\(([一二三四五六七八九十]+)\)$/.exec(prefix);
  if (m) return { level: 2, ordinal: cnValue(m[1]!) };
  m = /^\(?(\d+)[).,]?$/.exec(prefix);
  if (m) return { level: 3, ordinal: Number(m[1]) };
  return null;
}

/** Splits a label key into its numbering prefix and the rest. */
export function splitNumbering(key: string): { prefix: string; rest: string } {
  const rest = stripNumbering(key);
  return { prefix: key.slice(0, key.length - rest.length), rest };
}

/** Length of the numbering (and the spaces after it) at the start of raw label text. */
const RAW_NUMBERING = /^[\s\u3000]*(?:[一二三四五六七八九十]+[\s\u3000]*[、,，.．]|[（(][\s\u3000]*[一二三四五六七八九十\d]+[\s\u3000]*[）)]|[\d０-９]+[\s\u3000]*[.．、,，]?(?=[^\d０-９]))[\s\u3000]*/;
export function rawNumberingLength(text: string): number {
  const m = RAW_NUMBERING.exec(text);
  return m ? m[0].length : 0;
}

const rowSpecsCache = new Map<TableKey, RowSpec[]>();
/** All row specs of a table in both versions (deduplicated by key; `rows` of the later version first). */
export function rowSpecsOf(key: TableKey): RowSpec[] {
  const hit = rowSpecsCache.get(key);
  if (hit) return hit;
  const out: RowSpec[] = [];
  rowSpecsCache.set(key, out);
  const seen = new Set<string>();
  for (const { spec } of [...specsOf(key)].reverse()) {
    for (const r of spec.rows) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      out.push(r);
    }
  }
  return out;
}

const rowIndexByKey = new Map<TableKey, Map<string, number>>();
function rowIndex(key: TableKey): Map<string, number> {
  let m = rowIndexByKey.get(key);
  if (!m) {
    m = new Map();
    rowSpecsOf(key).forEach((r, i) => m!.set(r.key, i));
    rowIndexByKey.set(key, m);
  }
  return m;
}

/** Position of `rowKey` in `rowSpecsOf(key)` (-1 when absent), by lookup. */
export function rowRankOf(key: TableKey, rowKey: string): number {
  return rowIndex(key).get(rowKey) ?? -1;
}

/** The row spec of `rowKey` in `rowSpecsOf(key)`, by lookup. */
export function rowSpecOf(key: TableKey, rowKey: string): RowSpec | undefined {
  const i = rowIndex(key).get(rowKey);
  return i === undefined ? undefined : rowSpecsOf(key)[i];
}
