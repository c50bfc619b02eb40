import { lk } from './spec';
/**
 * Line classification and table boundaries: which lines can hold which table shape, where one
 * table ends and the next begins (caption, 表三 note or first row, 表四 header, "信息内容").
 */
import type { TableKey } from '../../standard/types';
import { firstNonSpace, isJsSpace, isSpaceOrZeroWidth, mayOpenPageNumber } from '../../text/chars';
import type { LineInfo, SourceText } from '../../text/source';
import { matchRow } from './rows';
import { captionOf, isT2, T2_HEAD_KEY, T3_FIRST_ROW_KEY, T3_NOTE_KEYS, T4_SIG_KEYS, splitNumbering } from './spec';
import { cellText } from './cellText';
import type { Piece, RawCell, RawRow } from './types';
import { memoByString } from '../../text/memo';
import { isDirectiveLine } from '../../suppress/directives';

/** Lines longer than this are never part of a table (keeps pathological input cheap). */
export const MAX_LINE = 10000;

/**
 * What a line can hold, as a code: a document's line kinds are a Uint8Array (LineKinds), not an
 * array of strings (one slot per line: over ~16 K lines that array is a large object, 1.4–2.5 ms
 * each on the shared host). skip: page furniture between the rows of one table (page number,
 * running header, a rule).
 */
// A const enum: esbuild writes each use as its number (an object's fields were loads in every loop).
export const enum LINE { blank = 1, pipe, tsv, cell, text, long, skip }
export type LineKind = LINE;
/** LineKind of each line, by index. */
export type LineKinds = Uint8Array;

const CELL_LINE = /^[ \u3000]*\t[^\t]*$/;

export function classify(text: string): LineKind {
  if (text.length > MAX_LINE) return LINE.long;
  // A suppression comment alone on its line (indented like its neighbours, tabs included) is
  // passed over like page furniture.
  if (text.length < 300 && text.indexOf('govreport-') >= 0 && isDirectiveLine(text)) return LINE.skip;
  if (text.indexOf('\t') >= 0) return CELL_LINE.test(text) ? LINE.cell : LINE.tsv;
  // The first non-blank character, by char code (trim() would copy every indented line).
  const first = firstNonSpace(text);
  if (first < 0) return LINE.blank;
  if (text.charCodeAt(first) === 124 /* | */) return LINE.pipe;
  return LINE.text;
}

/** "-4-", "- 4 -", "—4—", "第 4 页": page numbers of text extracted from a PDF. */
const PAGE = /^[\s\u3000]*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|[-—–－]{3,})[\s\u3000]*$/;
export function isPageLine(text: string): boolean {
  if (text.length >= 200) return false;
  // PAGE needs a dash or 第 first: most lines are rejected by that character alone (asked for every table line).
  const i = firstNonSpace(text);
  if (i < 0) return false;
  if (!mayOpenPageNumber(text.charCodeAt(i))) return false;
  return PAGE.test(text);
}

/** "一、…", "四．…": looks like a section heading (unless it is one of 表三's row labels). */
const SECTION = /^[\s\u3000#]*[一二三四五六七八九十]{1,3}[\s\u3000]*[、.．]/;
export function looksLikeSection(text: string): boolean {
  return text.length < 200 && SECTION.test(text) && !matchRow('T3', text);
}

/** Trims a [start, end) range of `text` (blanks, tabs, U+3000, NBSP, the other Unicode spaces, zero-width space, BOM, CR). */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isWs(text.charCodeAt(start))) start++;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  return [start, end];
}
export function isWs(c: number): boolean {
  // Split at the ASCII range: most characters tested are text or digits and fail in one or two comparisons.
  if (c <= 32) return c === 32 || c === 9 || c === 13 || c === 12 || c === 11;
  // Above ASCII: the Unicode spaces, the zero-width space and the BOM a web copy leaves.
  return c >= 0xa0 && isSpaceOrZeroWidth(c);
}

/** A cell from a source range: trimmed text; blank → empty span at `blankAt`. */
export function cellOf(src: string, start: number, end: number, blankAt: number): RawCell {
  // Trimmed in place (as trimRange does) without its tuple: this runs for every grid cell.
  while (start < end && isWs(src.charCodeAt(start))) start++;
  while (end > start && isWs(src.charCodeAt(end - 1))) end--;
  if (start === end) return { text: '', start: blankAt, end: blankAt };
  return { text: cellText(src, start, end), start, end };
}

/** Trimmed extent of a line, or the whole line when it is blank. */
export function lineExtent(src: string, line: LineInfo): [number, number] {
  const r = trimRange(src, line.start, line.end); // no destructuring: it allocates an iterator unoptimised
  return r[0] === r[1] ? [line.start, line.end] : r;
}

// ---------------------------------------------------------------- table starts inside a run of rows

type StartKind = 'caption' | 'T2head' | 'T3' | 'T4';

type Start = { kind: StartKind; key: TableKey | null } | null;
const startMemo = memoByString((text) => startUncached(text));

/** Does this cell text start a table? */
export function startOf(text: string): Start {
  if (!text || text.length > 120) return null;
  return startMemo(text);
}

function startUncached(text: string): Start {
  const cap = captionOf(text);
  if (cap) return { kind: 'caption', key: cap.key };
  const k = lk(text);
  if (k === T2_HEAD_KEY) return { kind: 'T2head', key: null };
  if (T3_NOTE_KEYS.some((n) => k.includes(n))) return { kind: 'T3', key: 'T3' };
  if (splitNumbering(k).rest === T3_FIRST_ROW_KEY) return { kind: 'T3', key: 'T3' };
  if (k === T4_SIG_KEYS[0] || k === T4_SIG_KEYS[1]) return { kind: 'T4', key: 'T4' };
  return null;
}

/** A one-cell row that is really a section heading ends the run of rows. */
function isBreakRow(row: RawRow): boolean {
  let only: RawCell | null = null;
  for (let i = 0; i < row.cells.length; i++) { // indexed: for-of allocates in the unoptimised tiers
    const c = row.cells[i]!;
    if (c.text === '') continue;
    if (only) return false;
    only = c;
  }
  return only !== null && looksLikeSection(only.text);
}

/** Cells from `from` on: some are filled, and every filled one is a caption. */
function onlyCaptions(cells: RawCell[], from: number): boolean {
  let any = false;
  for (let i = from; i < cells.length; i++) {
    const t = cells[i]!.text;
    if (t === '') continue;
    if (captionOf(t) === null) return false;
    any = true;
  }
  return any;
}

function rowFrom(cells: RawCell[], old: RawRow, lineOf: (offset: number) => number): RawRow {
  const spans = cells.filter((c) => c.text !== '');
  const first = cells[0]!.start;
  const last = cells[cells.length - 1]!.end;
  const start = spans.length ? Math.min(first, spans[0]!.start) : first;
  const end = spans.length ? Math.max(last, spans[spans.length - 1]!.end) : last;
  return { cells, span: { start, end }, firstLine: lineOf(start), lastLine: Math.max(lineOf(start), lineOf(Math.max(start, end - 1))) };
}

/**
 * Splits a run of rows where another table begins: at a caption, at a "信息内容" header that is
 * not right after a caption, at 表三's note or first row and at 表四's header words, unless the
 * current table is already of that kind. A one-cell section heading ends the run.
 * Cells before a start inside a row (one cell per line, no blank line between two tables) stay
 * with the earlier table.
 */
export function splitPiece(piece: Piece, lineOf: (offset: number) => number): Piece[] {
  const out: Piece[] = [];
  let cur: RawRow[] = [];
  let kind: TableKey | 'T2' | null = null;
  let onlyCaption = false;
  const flush = () => {
    if (cur.length) out.push({ shape: piece.shape, rows: cur, grid: piece.grid, headerCount: out.length === 0 ? piece.headerCount : undefined });
    cur = [];
    kind = null;
    onlyCaption = false;
  };
  for (let r = 0; r < piece.rows.length; r++) {
    const row = piece.rows[r]!;
    if (isBreakRow(row)) { flush(); continue; }
    let from = 0;
    for (let i = 0; i < row.cells.length && i < 64; i++) {
      const s = startOf(row.cells[i]!.text);
      if (!s) continue;
      const empty = cur.length === 0 && i === from;
      let split = false;
      if (s.kind === 'caption') split = !empty;
      else if (s.kind === 'T2head') split = !empty && !onlyCaption;
      else split = !empty && kind !== null && kind !== s.key;
      if (split) {
        if (i > from) cur.push(rowFrom(row.cells.slice(from, i), row, lineOf));
        flush();
        from = i;
      }
      if (s.kind === 'caption') { kind = 'T2'; onlyCaption = true; } else if (s.kind === 'T2head') { kind = 'T2'; onlyCaption = false; } else if (kind === null || split || empty) kind = s.key;
    }
    cur.push(from === 0 ? row : rowFrom(row.cells.slice(from), row, lineOf));
    onlyCaption = onlyCaptions(row.cells, from);
  }
  flush();
  return out;
}

export { isT2 };

/** A running header repeated on every page of a PDF: the report's title alone on a short line. */
const RUNNING_HEADER = /^[\s\u3000]*\S.{0,50}政府信息公开.{0,12}报告[\s\u3000]*$/;

/** A page number, a rule of dashes or a running header: never a table row. */
export function isFurnitureLine(text: string): boolean {
  return isPageLine(text) || (text.length < 80 && text.includes('报告') && RUNNING_HEADER.test(text));
}

/**
 * isFurnitureLine of line `i`, kept in `memo` (0 not asked yet, 1 no, 2 yes; one per line, for one
 * read of the tables: markFurniture and the space-aligned reader ask for the same lines again).
 * Most lines fail on char codes read from the source: no copy of the line, no regex.
 */
export function isFurnitureAt(src: SourceText, i: number, memo: Uint8Array): boolean {
  const m = memo[i];
  if (m !== 0) return m === 2;
  const yes = furnitureOf(src, i, null);
  memo[i] = yes ? 2 : 1;
  return yes;
}

/**
 * `report`: whether the line holds 报告, when the caller knows (prefillFurniture), else null
 * (read here by char code).
 */
function furnitureOf(src: SourceText, i: number, report: boolean | null): boolean {
  const s = src.lineStart(i);
  const e = src.lineEnd(i);
  // isPageLine needs < 200 characters, the running header < 80.
  if (e - s >= 200) return false;
  const text = src.text;
  let f = s;
  while (f < e && isJsSpace(text.charCodeAt(f))) f++;
  if (f === e) return false;
  const c = text.charCodeAt(f);
  // isPageLine's first character (- — – － 第): the whole test on the line's text.
  if (mayOpenPageNumber(c)) return isFurnitureLine(src.lineText(i));
  if (e - s >= 80) return false;
  // Else only a running header can be furniture: it holds 报告.
  if (report !== null) return report && isFurnitureLine(src.lineText(i));
  for (let k = f; k + 1 < e; k++) {
    if (text.charCodeAt(k) === 0x62a5 && text.charCodeAt(k + 1) === 0x544a) return isFurnitureLine(src.lineText(i));
  }
  return false;
}

/**
 * isFurnitureAt of every 'text' line, in one pass: 报告 is found by indexOf from occurrence to
 * occurrence (searched again only once passed: linear), not by a char loop over each short line
 * (that loop was most of markFurniture's time on a typical PDF report).
 */
function prefillFurniture(src: SourceText, kinds: LineKinds, memo: Uint8Array): void {
  const text = src.text;
  let next = text.indexOf('报告');
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== LINE.text || memo[i] !== 0) continue;
    const s = src.lineStart(i);
    if (next >= 0 && next < s) next = text.indexOf('报告', s);
    // The whole word before the line's end (the char loop's k + 1 < e); nothing but spaces precede the first non-space.
    memo[i] = furnitureOf(src, i, next >= 0 && next + 2 <= src.lineEnd(i)) ? 2 : 1;
  }
}

/**
 * classify() of line `i`, by char code on the source when the line holds no tab and no directive
 * (`special`: the caller knows it from one search over the text): no copy of every line.
 */
export function classifyAt(src: SourceText, i: number, special: boolean): LineKind {
  const s = src.lineStart(i);
  const e = src.lineEnd(i);
  if (special || e - s > MAX_LINE) return classify(src.lineText(i));
  const text = src.text;
  let f = s;
  while (f < e && isJsSpace(text.charCodeAt(f))) f++;
  if (f === e) return LINE.blank;
  return text.charCodeAt(f) === 124 /* | */ ? LINE.pipe : LINE.text;
}

/**
 * Page furniture between two rows of the same grid table (page numbers, rules of dashes, running
 * headers) becomes 'skip', with the blank lines around it, so the readers carry the table on.
 */
export function markFurniture(src: SourceText, kinds: LineKinds, memo: Uint8Array): void {
  const GRID = (k: number | undefined) => k === LINE.pipe || k === LINE.tsv || k === LINE.cell;
  prefillFurniture(src, kinds, memo);
  const furniture = (i: number) => kinds[i] === LINE.text && isFurnitureAt(src, i, memo);
  for (let i = 0; i < kinds.length; i++) {
    if (!furniture(i)) continue;
    let p = i - 1;
    while (p >= 0 && i - p <= 4 && (kinds[p] === LINE.blank || furniture(p) || kinds[p] === LINE.skip)) p--;
    let q = i + 1;
    while (q < kinds.length && q - i <= 4 && (kinds[q] === LINE.blank || furniture(q))) q++;
    // A group label pasted without tabs ("（三）不予公开") may stand between the last row and the furniture.
    const labelAbove = p > 0 && kinds[p] === LINE.text && src.lineText(p).trim().length <= 40 && !/[。；]/.test(src.lineText(p)) && GRID(kinds[p - 1]);
    const above = labelAbove ? kinds[p - 1] : kinds[p];
    if (p < 0 || q >= kinds.length || !GRID(above) || above !== kinds[q]) continue;
    for (let k = p + 1; k < q; k++) kinds[k] = LINE.skip;
    i = q - 1;
  }
}
