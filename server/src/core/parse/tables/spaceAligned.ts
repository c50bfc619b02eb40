import { lk } from './spec';
/**
 * Space-aligned columns from a PDF (huaian-2024): cells separated by runs of spaces, page-number
 * lines, labels wrapped above/below their numbers line, group labels written vertically. Regions
 * start at a caption + "信息内容" header, at 表三's note or first row, or at 表四's header.
 */
import type { Cell, Row, Table } from '../../model/types';
import type { TableKey, VersionId } from '../../standard/types';
import { T4_BLOCK_COLUMNS, type T4BlockKey } from '../../standard/t4';
import type { SourceText } from '../../text/source';
import { Assembler, fk, numOfLabel, type Cand, type Frag, type Label } from './assemble';
import { emptyTable, joinTexts, labelSpanOf, makeCellAt, settleGroups, spanOfParts, specColumns, t2Version, t3Version } from './build';
import { keyList } from './spaceAlignedColumns';
import { readHeader } from './columns';
import { isDashWord, isNumberWord, isUnitWord } from './cellWords';
import { bestOf, scoreCell } from './identify';
import { isFurnitureAt, isPageLine, isWs, looksLikeSection, type LineKinds, LINE } from './locate';
import { isJsSpace } from '../../text/chars';
import { groupAfter, isGroupRow, matchRow } from './rows';
import {
  captionOf, isT2, rowSpecOf, rowSpecsOf, specOf, specsOf, T2_HEAD_KEY, T3_LAST_ROW, T3_NOTE_KEYS, T4_COLUMN_KEYS, T4_DATA_ROW,
  T4_SIG_KEYS, t4BlockOf,
} from './spec';
import type { RowSpec, ColumnSpec } from '../../standard/types';

const MAX_GAP = 8;

/**
 * A tokenised line. Its value cells' bounds are `n` pairs [start, end] at `at` in `pool` (numStart,
 * numEnd): their texts are cut only when a row is built of them. `key0`: the first fragment's label
 * key ('' without fragments), set by firstIs() on first use (the frags never change).
 */
export interface Tok { line: number; frags: Frag[]; pool: Int32Array; at: number; n: number; key0: string | null }

/** Number of value cells of a Tok. */
export const numCount = (t: Tok): number => t.n;
/** Start and end of value cell j of a Tok. */
export const numStart = (t: Tok, j: number): number => t.pool[t.at + 2 * j]!;
export const numEnd = (t: Tok, j: number): number => t.pool[t.at + 2 * j + 1]!;

/**
 * Value-cell bounds of the Toks, in shared chunks written once and never again: a number[] per line
 * (a JSArray and its store, ~90 bytes for a row of 表三) was a third of what tokenising a PDF
 * table allocated (1 MB report: ~3,700 lines, ~0.35 MB per parse). A full chunk is left to the Toks
 * that point into it (freed with them) and a new one started; a chunk's store is off the JS heap,
 * so the scavenger neither copies nor scans it.
 */
const CHUNK = 8192;
let pool = new Int32Array(CHUNK);
let poolAt = 0;

/**
 * The value cells of `t` as model cells, right-aligned under `columns`: cell j is in column
 * columns[j - off] (none for j < off, the cells beyond the columns on the left).
 */
export function cellsOfTok(src: string, t: Tok, columns: readonly string[], off: number): Cell[] {
  const nums = t.pool;
  const n = t.n;
  // At its length: a push grows an empty array to 17 slots, and a row's cells live as long as the model.
  const out = new Array<Cell>(n);
  for (let c = 0, j = t.at; c < n; c++, j += 2) {
    out[c] = makeCellAt(src, nums[j]!, nums[j + 1]!, c >= off ? columns[c - off] ?? null : null);
  }
  return out;
}

/** Does some value cell of `t` start strictly inside (start, end)? */
function numInside(t: Tok, start: number, end: number): boolean {
  for (let c = 0, j = t.at; c < t.n; c++, j += 2) if (t.pool[j]! > start && t.pool[j]! < end) return true;
  return false;
}

/** Words read per line at most. */
const MAX_WORDS = 400;
/**
 * Word bounds of the line being tokenised, in scratch arrays reused by every call (tokenize is
 * synchronous and never re-entered): no arrays or objects per word on every line of a PDF table.
 */
const WORD_START = new Int32Array(MAX_WORDS);
const WORD_END = new Int32Array(MAX_WORDS);
const NUM_START = new Int32Array(MAX_WORDS);
const NUM_END = new Int32Array(MAX_WORDS);
const FRAG_START = new Int32Array(MAX_WORDS);
const FRAG_END = new Int32Array(MAX_WORDS);
/** The frags of every line without label words (never written to). */
const NO_FRAGS: Frag[] = [];

/** Splits a line into label fragments (separated by ≥2 spaces, a tab or U+3000) and trailing number cells. */
export function tokenize(src: SourceText, index: number): Tok {
  const lineStart = src.lineStart(index);
  const text = src.text;
  const end = src.lineEnd(index);
  const starts = WORD_START;
  const ends = WORD_END;
  let n = 0;
  let i = lineStart;
  while (i < end && n < MAX_WORDS) {
    while (i < end && isWs(text.charCodeAt(i))) i++;
    if (i >= end) break;
    starts[n] = i;
    while (i < end && !isWs(text.charCodeAt(i))) i++;
    ends[n++] = i;
  }
  // Value cells from the end of the line, bounds kept in scratch arrays; objects made once known.
  let k = n;
  let real = 0;
  let m = 0;
  const ns = NUM_START;
  const ne = NUM_END;
  while (k > 0) {
    const s = starts[k - 1]!;
    const e = ends[k - 1]!;
    if (isNumberWord(text, s, e)) { ns[m] = s; ne[m++] = e; real++; k--; continue; }
    if (isUnitWord(text, s, e) && k >= 2 && isNumberWord(text, starts[k - 2]!, ends[k - 2]!) && s - ends[k - 2]! === 1) {
      ns[m] = starts[k - 2]!; ne[m++] = e;
      real++;
      k -= 2;
      continue;
    }
    if (isDashWord(text, s, e)) { ns[m] = s; ne[m++] = e; k--; continue; }
    break;
  }
  // Only dashes: no value cells.
  if (real === 0) { k = n; m = 0; }
  // The bounds into the pool, left to right; a line longer than a chunk gets a chunk of its own size.
  if (poolAt + 2 * m > pool.length) { pool = new Int32Array(Math.max(CHUNK, 2 * m)); poolAt = 0; }
  const nums = pool;
  const at = poolAt;
  for (let j = m - 1, o = at; j >= 0; j--, o += 2) { nums[o] = ns[j]!; nums[o + 1] = ne[j]!; }
  poolAt += 2 * m;
  // Label fragments: words joined across single ASCII spaces (bounds first, then the objects).
  let f = 0;
  let fs = -1;
  let fe = -1;
  for (let j = 0; j <= k; j++) {
    if (j < k && fs >= 0 && starts[j]! - fe === 1 && text.charCodeAt(fe) === 32) { fe = ends[j]!; continue; }
    if (fs >= 0) { FRAG_START[f] = fs; FRAG_END[f++] = fe; }
    if (j < k) { fs = starts[j]!; fe = ends[j]!; }
  }
  const frags: Frag[] = f === 0 ? NO_FRAGS : new Array<Frag>(f);
  for (let j = 0; j < f; j++) {
    const a = FRAG_START[j]!;
    const b = FRAG_END[j]!;
    frags[j] = { text: text.slice(a, b), start: a, end: b, line: index, x: a - lineStart, asm: null, label: null };
  }
  return { line: index, frags, pool: nums, at, n: m, key0: null };
}

/**
 * Lines tokenised during one spaceAlignedTables() call: regionAt, the key guess and the header and
 * body loops read the same lines again (a Tok is never changed once made). Emptied once the scan
 * has passed every line in it (readSpaceAligned): a cache over the whole text kept every Tok of a
 * 1 MB report alive, for the scavenger to copy and promote. A line asked for again is tokenised
 * again (the same Tok). An array by line from the first line cached since it was emptied (a Map
 * grew a new hash table for every region); lines before that one or far after it are not cached.
 */
let tokCache: (Tok | undefined)[] | null = null;
/** The line of tokCache[0]. */
let tokCacheBase = 0;
/** The highest line in tokCache. */
let tokCacheLast = -1;
/** Lines after tokCacheBase cached at most (a region is far shorter; a sparse array would turn into a dictionary). */
const TOK_CACHE_SPAN = 1024;
function tok(src: SourceText, index: number): Tok {
  if (!tokCache) return tokenize(src, index);
  if (tokCache.length === 0) tokCacheBase = index;
  const k = index - tokCacheBase;
  if (k < 0 || k >= TOK_CACHE_SPAN) return tokenize(src, index);
  let t = tokCache[k];
  if (!t) {
    tokCache[k] = t = tokenize(src, index);
    if (index > tokCacheLast) tokCacheLast = index;
  }
  return t;
}

type Region = { kind: 'T2' | 'T3' | 'T4'; key: TableKey | null; start: number; caption: number | null; header: number };

function nextContent(src: SourceText, kinds: LineKinds, furn: Uint8Array, from: number): number {
  let gap = 0;
  for (let j = from; j < kinds.length; j++) {
    if (kinds[j] === LINE.blank || isFurnitureAt(src, j, furn)) { if (++gap > MAX_GAP) return -1; continue; }
    return j;
  }
  return -1;
}

/**
 * Is key[j] a CJK ideograph and s[i] another character? labelKey keeps an ideograph as it is and
 * makes it of no other character.
 */
function differs(s: string, i: number, key: string, j: number): boolean {
  const k = key.charCodeAt(j);
  return k >= 0x4e00 && k <= 0x9fff && s.charCodeAt(i) !== k;
}
/**
 * Is the first fragment's label key `key`? Asked of every line by regionAt and startsTable. A
 * fragment starts and ends with a character labelKey keeps (never white space), so when the key
 * starts or ends with an ideograph the fragment must too: most lines are told apart by two char
 * codes, without lk's memo lookup (hashing a fresh slice: ~4 % of a 1 MB analysis went to it).
 */
export function firstIs(t: Tok, key: string): boolean {
  const s = t.frags[0]?.text;
  if (s !== undefined && (differs(s, 0, key, 0) || differs(s, s.length - 1, key, key.length - 1))) return false;
  return (t.key0 ??= s === undefined ? '' : lk(s)) === key;
}
/** A loop, not some(): no closure per call (asked for every text line). */
function hasNote(text: string): boolean {
  for (let i = 0; i < T3_NOTE_KEYS.length; i++) if (text.includes(T3_NOTE_KEYS[i]!)) return true;
  return false;
}
/**
 * Cheap test before tokenising: several columns (a run of 2+ spaces, U+3000 or a tab between words).
 * A regular expression: on prose lines its native scan is faster than a char-code loop (measured).
 */
const MULTI = /\S[ \u3000]{2,}\S|\S\u3000\S/;

function isT4Head(t: Tok): boolean {
  return t.frags.length >= 2 && firstIs(t, T4_SIG_KEYS[0]!) && t.frags.some((f) => lk(f.text) === T4_SIG_KEYS[1]);
}

function regionAt(src: SourceText, kinds: LineKinds, claimed: Uint8Array, furn: Uint8Array, i: number): Region | null {
  const text = src.lineText(i);
  if (text.length > 400) return null;
  const cap = captionOf(text);
  if (cap) {
    const j = nextContent(src, kinds, furn, i + 1);
    if (j < 0 || kinds[j] !== LINE.text || claimed[j]) return null;
    const t = tok(src, j);
    if (firstIs(t, T2_HEAD_KEY)) return { kind: 'T2', key: cap.key, start: i, caption: i, header: j };
    return null;
  }
  // No tab test: a line with a tab is never 'text' (classify makes it 'tsv' or 'cell').
  const note = hasNote(text);
  if (!note && !MULTI.test(text)) return null;
  const t = tok(src, i);
  if (firstIs(t, T2_HEAD_KEY) && t.frags.length >= 2) return { kind: 'T2', key: null, start: i, caption: null, header: i };
  if (note || (numCount(t) >= 2 && t.frags.length && matchRow('T3', t.frags[0]!.text)?.row.key === rowSpecsOf('T3')[0]!.key)) {
    // Header words above the note ("申请人情况").
    let start = i;
    for (let j = i - 1, seen = 0; j >= 0 && seen < 4; j--) {
      if (kinds[j] === LINE.blank) continue;
      const tj = src.lineText(j).trim();
      if (kinds[j] !== LINE.text || claimed[j] || tj.length > 15 || looksLikeSection(tj) || captionOf(tj) || isPageLine(tj)) break;
      start = j;
      seen++;
    }
    return { kind: 'T3', key: 'T3', start, caption: null, header: start };
  }
  if (isT4Head(t)) return { kind: 'T4', key: 'T4', start: i, caption: null, header: i };
  return null;
}

/** Does the line `text` (tokenised as `t`) start another table (ends the current region)? The caller's slice: not cut again. */
function startsTable(text: string, t: Tok, kind: Region['kind']): boolean {
  if (captionOf(text)) return true;
  if (firstIs(t, T2_HEAD_KEY)) return true;
  if (kind !== 'T3' && hasNote(text)) return true;
  if (kind !== 'T4' && isT4Head(t)) return true;
  return false;
}

interface RowRef { row: RowSpec; rank: number }
interface ColRef { key: string; rank: number }

const rowCandCache = new Map<TableKey, Cand<RowRef>[]>();
function rowCands(key: TableKey): Cand<RowRef>[] {
  let c = rowCandCache.get(key);
  if (c) return c;
  c = [];
  for (const row of rowSpecsOf(key)) {
    const num = row.numbering ? numOfLabel(row.numbering) : null;
    const add = (text: string, rank: number) => c!.push({ id: row.key, full: fk(lk(text)), num, rank, ref: { row, rank } });
    add(row.label, 0);
    row.aliases.forEach((a) => add(a, 1));
    row.variants.forEach((v) => add(v, 2));
  }
  rowCandCache.set(key, c);
  return c;
}

const colCandCache = new Map<TableKey, Cand<ColRef>[]>();
function colCands(key: TableKey): Cand<ColRef>[] {
  let out = colCandCache.get(key);
  if (out) return out;
  out = [];
  for (const { spec } of specsOf(key)) for (const col of spec.columns as ColumnSpec[]) {
    for (const [i, l] of [col.label, ...col.aliases].entries()) out.push({ id: col.key, full: fk(lk(l)), num: null, rank: i ? 1 : 0, ref: { key: col.key, rank: 0 } });
  }
  colCandCache.set(key, out);
  return out;
}

/** Lines scanned between two yields of spaceAlignedSteps (a few ms of a 1 MB PDF report's tables). */
const STEP_LINES = 2048;

/**
 * The space-aligned tables, read in steps (readTablesSteps: the server's idle check). The token
 * cache is module state and another read may run between two steps: it is put aside over each
 * yield and back after (a run left unfinished then holds nothing of its text in it).
 */
export function* spaceAlignedSteps(src: SourceText, kinds: LineKinds, claimed: Uint8Array, furn: Uint8Array): Generator<void, Table[], void> {
  tokCache = [];
  tokCacheLast = -1;
  try {
    return yield* readSpaceAligned(src, kinds, claimed, furn);
  } finally {
    tokCache = null;
  }
}

function* readSpaceAligned(src: SourceText, kinds: LineKinds, claimed: Uint8Array, furn: Uint8Array): Generator<void, Table[], void> {
  const out: Table[] = [];
  for (let i = 0, next = STEP_LINES; i < kinds.length; i++) {
    if (i >= next) {
      next = i + STEP_LINES;
      const cache = tokCache;
      const base = tokCacheBase;
      const last = tokCacheLast;
      tokCache = null;
      yield;
      tokCache = cache;
      tokCacheBase = base;
      tokCacheLast = last;
    }
    if (kinds[i] !== LINE.text || claimed[i]) continue;
    // The cache holds the lines of the region being read, not every line read so far.
    // Only when it holds something (this runs per line).
    if (i > tokCacheLast && tokCache !== null && tokCache.length > 0) tokCache.length = 0;
    const region = regionAt(src, kinds, claimed, furn, i);
    if (!region) continue;
    const res = region.kind === 'T4' ? readT4(src, kinds, claimed, furn, region) : readLabelled(src, kinds, claimed, furn, region);
    if (!res) continue;
    for (let j = region.start; j <= res.last; j++) claimed[j] = 1;
    out.push(res.table);
    i = res.last;
  }
  return out;
}

function finish(src: SourceText, region: Region, key: TableKey | null, headerLines: number[], last: number): Table {
  const t = emptyTable('spaceAligned', key, { start: src.lineStart(region.start), end: src.lineEnd(last) });
  if (region.caption !== null) {
    const line = src.line(region.caption);
    const cap = captionOf(line.text)!;
    const span = { start: line.start + cap.start, end: line.start + cap.end };
    t.caption = { text: src.text.slice(span.start, span.end), span };
  }
  // The header lines' trimmed extents, joined (from char codes: no line text or span per line).
  const text = src.text;
  let start = Infinity;
  let end = -Infinity;
  for (let k = 0; k < headerLines.length; k++) {
    const j = headerLines[k]!;
    if (j === region.caption) continue;
    const ls = src.lineStart(j);
    const le = src.lineEnd(j);
    // As trimStart()/trimEnd() measure a blank line: from its end, to its start.
    let a = ls;
    while (a < le && isJsSpace(text.charCodeAt(a))) a++;
    let b = le;
    while (b > ls && isJsSpace(text.charCodeAt(b - 1))) b--;
    if (a < start) start = a;
    if (b > end) end = b;
  }
  t.headerSpan = start === Infinity ? null : { start, end };
  return t;
}

/** T2 and 表三: labelled rows, labels assembled from fragments. */
// Loops over arrays in readLabelled and assembleRows are indexed: the CLI runs them in V8's
// unoptimised tiers, where each for-of step and each spread element allocates.
function readLabelled(src: SourceText, kinds: LineKinds, claimed: Uint8Array, furn: Uint8Array, region: Region): { table: Table; last: number } | null {
  const headerLines: number[] = [];
  const headerFrags: Frag[] = [];
  let j = region.header;
  let last = region.caption ?? region.start;
  const keyGuess: TableKey | null = region.key;
  // Header: up to the first line with numbers or a numbered row label.
  for (let gap = 0; j < kinds.length && headerLines.length < 16; j++) {
    if (kinds[j] === LINE.blank || isFurnitureAt(src, j, furn)) { if (++gap > MAX_GAP) break; continue; }
    gap = 0;
    if (kinds[j] !== LINE.text || claimed[j]) break;
    const text = src.lineText(j);
    const t = tok(src, j);
    if (numCount(t) > 0) break;
    if (region.kind === 'T3' && t.frags.some((f) => numOfRow(f.text) && matchRow('T3', f.text))) break;
    if (region.kind === 'T2' && headerLines.length > 0) break;
    if (headerLines.length > 0 && (startsTable(text, t, region.kind) || looksLikeSection(text))) break;
    headerLines.push(j);
    for (let i = 0; i < t.frags.length; i++) headerFrags.push(t.frags[i]!);
    last = j;
  }
  let key = keyGuess;
  if (!key) {
    const score = new Map<TableKey, number>();
    for (let i = 0; i < headerFrags.length; i++) scoreCell(headerFrags[i]!.text, score);
    for (let k = j, seen = 0; k < kinds.length && seen < 6; k++) {
      if (kinds[k] !== LINE.text || claimed[k]) continue;
      const text = src.lineText(k);
      if (isPageLine(text)) continue;
      seen++;
      const t = tok(src, k);
      if (startsTable(text, t, region.kind)) break;
      for (let i = 0; i < t.frags.length; i++) scoreCell(t.frags[i]!.text, score);
    }
    key = bestOf(score);
  }
  // Body.
  const toks: Tok[] = [];
  const keyForRows: TableKey = key ?? 'T2.1';
  const asm = new Assembler(rowCands(region.kind === 'T3' ? 'T3' : keyForRows));
  const anyT2 = region.kind === 'T2' && !key;
  for (let gap = 0; j < kinds.length; j++) {
    if (kinds[j] === LINE.blank || isFurnitureAt(src, j, furn)) { if (++gap > MAX_GAP) break; continue; }
    gap = 0;
    if (kinds[j] !== LINE.text || claimed[j]) break;
    const text = src.lineText(j);
    const t = tok(src, j);
    if (startsTable(text, t, region.kind)) break;
    let placed = 0;
    for (let i = 0; i < t.frags.length; i++) if (asm.feed(t.frags[i]!)) placed++;
    if (t.n === 0 && placed === 0) break;
    if (anyT2 && t.n === 0 && placed < t.frags.length) break;
    toks.push(t);
    last = j;
    if (region.kind === 'T3' && t.n) {
      const L = t.frags.length ? asm.labelOf(t.frags[t.frags.length - 1]!) : undefined;
      if (L && Assembler.complete(L).some((c) => c.id === T3_LAST_ROW)) break;
    }
  }
  if (!key && !toks.length) return null;
  const table = finish(src, region, key, headerLines, last);
  if (!key) return { table, last };

  // Columns.
  let columns: string[];
  let votes: Record<VersionId, number> = { 2019: 0, 2021: 0 };
  if (region.kind === 'T3') {
    const ca = new Assembler(colCands('T3'));
    for (let i = 0; i < headerFrags.length; i++) ca.feed(headerFrags[i]!);
    const order = specColumns('T3', null);
    const found = new Set<string>();
    for (let i = 0; i < ca.labels.length; i++) {
      const done = Assembler.complete(ca.labels[i]!);
      if (done.length) found.add(done[0]!.id);
    }
    columns = keyList(order, found);
  } else {
    // Fragments are cells (text and span), one header row of them.
    const info = readHeader(key, [{ cells: headerFrags, span: table.span, firstLine: 0, lastLine: 0 }], true);
    columns = keyList(info.columns);
    votes = info.votes;
  }
  table.columns = columns;
  if (!toks.length && !columns.length) return null;
  const pre = isT2(key) ? t2Version(key, votes, []) : null;
  table.rows = assembleRows(src.text, key, pre, asm, toks, columns);
  table.version = isT2(key) ? t2Version(key, votes, table.rows) : key === 'T3' ? t3Version(table.rows) : null;
  settleGroups(key, table.version, table.rows);
  return { table, last };
}

function numOfRow(text: string): boolean {
  return /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/.test(text);
}

function groupOnly(key: TableKey, L: Label<RowRef>): boolean {
  const done = Assembler.complete(L);
  const list = done.length ? done : L.cands;
  // A loop, not every(): no closure per call (asked for every label of every row).
  for (let i = 0; i < list.length; i++) if (!isGroupRow(key, list[i]!.id, null)) return false;
  return list.length > 0;
}

/** The Tok of line `line` in `toks` (in increasing line order, one per line), by binary search: no Map per table. */
function tokAtLine(toks: Tok[], line: number): Tok | undefined {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = toks[mid]!.line;
    if (l === line) return toks[mid];
    if (l < line) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}

/** Do two consecutive fragments of a label lie more than one line apart? */
function hasLineGap(frags: readonly Frag[]): boolean {
  for (let i = 1; i < frags.length; i++) if (frags[i]!.line - frags[i - 1]!.line > 1) return true;
  return false;
}

/** Does a fragment of `t` that is not one of `own` start strictly inside (start, end)? */
function otherFragInside(t: Tok, own: readonly Frag[], start: number, end: number): boolean {
  for (let i = 0; i < t.frags.length; i++) {
    const f = t.frags[i]!;
    if (f.start > start && f.start < end && !own.includes(f)) return true;
  }
  return false;
}

function assembleRows(source: string, key: TableKey, version: VersionId | null, asm: Assembler<RowRef>, toks: Tok[], columns: string[]): Row[] {
  const N = isT2(key) && !version && columns.length ? columns.length : specOf(key, version).columns.length;
  const seq = columns.length === N ? columns : specColumns(key, version);
  // The numbers line given to each label, by the label's index (an array, not a Map keyed by labels).
  const assigned: (Tok | undefined)[] = [];
  for (let i = 0; i < asm.labels.length; i++) assigned.push(undefined);
  const unknown: Tok[] = [];
  const anchors = toks.filter((t) => t.n > 0);
  // Anchors given a label, by their index in `anchors` (a flag array, not a Set of Toks).
  const taken = new Uint8Array(anchors.length);
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    // Rightmost fragment first (a line's fragments are in increasing x).
    for (let i = a.frags.length - 1; i >= 0; i--) {
      const L = asm.labelOf(a.frags[i]!);
      if (L && assigned[L.index] === undefined && !groupOnly(key, L)) { assigned[L.index] = a; taken[k] = 1; break; }
    }
  }
  // Anchors without a label on their own line: a wrapped label around them (labels are in line order).
  const labels = asm.labels;
  const NEAR = 16;
  let hi = 0;
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if (taken[k] === 1) continue;
    while (hi < labels.length && labels[hi]!.firstLine <= a.line) hi++;
    let pick: Label<RowRef> | undefined;
    for (let i = hi - 1; i >= 0 && i >= hi - NEAR; i--) {
      const L = labels[i]!;
      if (assigned[L.index] !== undefined || groupOnly(key, L)) continue;
      if (L.firstLine <= a.line && a.line <= L.lastLine) { pick = L; break; }
    }
    if (!pick && a.frags.length === 0) {
      let best = 3;
      for (let i = Math.max(0, hi - NEAR); i < labels.length && i < hi + NEAR; i++) {
        const L = labels[i]!;
        if (assigned[L.index] !== undefined || groupOnly(key, L) || !Assembler.complete(L).length) continue;
        const d = Math.min(Math.abs(L.firstLine - a.line), Math.abs(L.lastLine - a.line));
        if (d < best) { best = d; pick = L; }
      }
    }
    if (pick) { assigned[pick.index] = a; taken[k] = 1; } else unknown.push(a);
  }

  // Rows in reading order: a label (with its numbers line, if any) or numbers without a label.
  // Plain records, built into rows after sorting (no closure per row).
  type Item = { line: number; x: number; L: Label<RowRef> | null; a: Tok | undefined };
  const items: Item[] = [];
  const cellsOf = (a: Tok): Cell[] => {
    const n = numCount(a);
    const off = n > seq.length ? n - seq.length : 0;
    return cellsOfTok(source, a, seq, off);
  };
  for (let k = 0; k < labels.length; k++) {
    const L = labels[k]!;
    const a = assigned[L.index];
    if (!a && !Assembler.complete(L).length) continue;
    items.push({ line: L.firstLine, x: L.frags[0]!.x, L, a });
  }
  for (let k = 0; k < unknown.length; k++) items.push({ line: unknown[k]!.line, x: 0, L: null, a: unknown[k] });
  // Label and row bounds in locals (labelSpanOf and spanOfParts made two Span objects per row).
  const labelledRow = (L: Label<RowRef>, a: Tok | undefined, group: string | null): Row => {
    const frags = L.frags;
    const text = joinTexts(frags);
    const m = matchRow(key, text, version, group);
    const cells = a ? cellsOf(a) : [];
    // As labelSpanOf: from the first fragment with text to the last one.
    let first = 0;
    while (first < frags.length && frags[first]!.text === '') first++;
    let ls = -1;
    let le = -1;
    if (first < frags.length) {
      let last = frags.length - 1;
      while (frags[last]!.text === '') last--;
      ls = frags[first]!.start;
      le = frags[last]!.end;
    }
    if (ls >= 0 && frags.length > 1 && hasLineGap(frags)) ls = -1;
    if (ls >= 0 && frags.length > 1) {
      if (L.lastLine - L.firstLine > 20) ls = -1;
      for (let ln = L.firstLine; ln <= L.lastLine && ls >= 0; ln++) {
        const t = tokAtLine(toks, ln);
        if (t && (numInside(t, ls, le) || otherFragInside(t, frags, ls, le))) ls = -1;
      }
    }
    const group0 = m ? isGroupRow(key, m.row.key, null) : groupOnly(key, L);
    let start = Infinity;
    let end = -Infinity;
    for (let i = 0; i < frags.length; i++) {
      if (frags[i]!.start < start) start = frags[i]!.start;
      if (frags[i]!.end > end) end = frags[i]!.end;
    }
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.start < start) start = cells[i]!.start;
      if (cells[i]!.end > end) end = cells[i]!.end;
    }
    return {
      key: m?.row.key ?? null, label: text, labelStart: ls, labelEnd: ls >= 0 ? le : -1,
      match: m?.match ?? null, start, end,
      cells, expectedCells: group0 && !cells.length ? 0 : N,
    };
  };
  const unlabelledRow = (a: Tok): Row => {
    const cells = cellsOf(a);
    const span = spanOfParts(a.frags, cells);
    const ls = labelSpanOf(a.frags);
    return {
      key: null, label: joinTexts(a.frags), labelStart: ls ? ls.start : -1, labelEnd: ls ? ls.end : -1, match: null,
      start: span.start, end: span.end, cells, expectedCells: N,
    };
  };
  sortByPlace(items);
  const rows: Row[] = [];
  let group: string | null = null;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const r = it.L ? labelledRow(it.L, it.a, group) : unlabelledRow(it.a!);
    rows.push(r);
    if (r.key) {
      const spec = rowSpecOf(key, r.key);
      if (spec) group = groupAfter(key, spec);
    }
  }
  return rows;
}

/** Where a row starts: its line, then its x on that line. */
interface Placed { line: number; x: number }
const byPlace = (p: Placed, q: Placed): number => p.line - q.line || p.x - q.x;

/**
 * items.sort(byPlace), stable as sort() is. The labels come in reading order already, and the
 * unlabelled numbers lines after them are few: a short list is sorted by insertion (no call of
 * the comparator through sort(), no copy of the list), a long one by sort() (linear time bound).
 */
function sortByPlace<T extends Placed>(items: T[]): void {
  const n = items.length;
  if (n > 64) { items.sort(byPlace); return; }
  for (let i = 1; i < n; i++) {
    const it = items[i]!;
    let j = i;
    while (j > 0 && byPlace(items[j - 1]!, it) > 0) { items[j] = items[j - 1]!; j--; }
    items[j] = it;
  }
}

/** 表四: header lines, then one line of fifteen numbers (or three lines of five). */
function readT4(src: SourceText, kinds: LineKinds, claimed: Uint8Array, furn: Uint8Array, region: Region): { table: Table; last: number } {
  const headerLines: number[] = [];
  const rows: Row[] = [];
  let last = region.start;
  let j = region.start;
  let inBody = false;
  for (let gap = 0; j < kinds.length; j++) {
    if (kinds[j] === LINE.blank || isFurnitureAt(src, j, furn)) { if (++gap > MAX_GAP) break; continue; }
    gap = 0;
    if (kinds[j] !== LINE.text || claimed[j]) break;
    const text = src.lineText(j);
    const t = tok(src, j);
    const nc = numCount(t);
    if (nc >= 5) {
      inBody = true;
      const label = joinTexts(t.frags);
      const block = label ? t4BlockOf(label) : null;
      const wide = !block || nc > 5;
      const keys = wide ? T4_COLUMN_KEYS : T4_BLOCK_COLUMNS.get(block.key as T4BlockKey)!.all;
      const off = nc > keys.length ? nc - keys.length : 0;
      const cells = cellsOfTok(src.text, t, keys, off);
      const span = spanOfParts(t.frags, cells);
      const ls = labelSpanOf(t.frags);
      rows.push({
        key: T4_DATA_ROW, label, labelStart: ls ? ls.start : -1, labelEnd: ls ? ls.end : -1,
        match: block ? (block.exact ? 'exact' : 'alias') : null,
        start: span.start, end: span.end, cells, expectedCells: wide ? 15 : 5,
      });
      last = j;
      if (wide) break;
      continue;
    }
    if (inBody || headerLines.length >= 20) break;
    if (headerLines.length > 0 && (startsTable(text, t, 'T4') || looksLikeSection(text) || t.frags.some((f) => f.text.length > 24))) break;
    headerLines.push(j);
    last = j;
  }
  const table = finish(src, region, 'T4', headerLines, last);
  table.columns = T4_COLUMN_KEYS;
  table.rows = rows;
  return { table, last };
}
