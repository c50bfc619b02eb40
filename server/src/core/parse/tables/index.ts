import { lk } from './spec';
/**
 * readTables: finds and reads every table of a report, in all five shapes (Markdown, TSV, one
 * cell per line, space-aligned PDF text, flattened), into the model's Table/Row/Cell with exact
 * spans. Works without section headings; parseReport assigns tables to sections by position.
 */
import type { Cell, Row, Table } from '../../model/types';
import type { SourceText } from '../../text/source';
import { joinTexts, makeCellAt, spanOfParts, specColumns } from './build';
import { cellPerLinePieces } from './cellPerLine';
import { flattenedTables } from './flattened';
import { joinFragments, type FragmentInfo } from './fragments';
import { buildGridTable } from './grid';
import { classifyAt, isPageLine, lineExtent, markFurniture, splitPiece, type LineKinds, LINE } from './locate';
import { markdownPieces } from './markdown';
import { matchRow } from './rows';
import { captionOf, rowRankOf, rowSpecOf, T3_NOTE_KEYS } from './spec';
import { numCount, numEnd, numStart, spaceAlignedSteps, tokenize } from './spaceAligned';
import { tsvPieces } from './tsv';
import type { Piece } from './types';

export function readTables(src: SourceText): Table[] {
  const steps = readTablesSteps(src);
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}

/** Lines classified between two yields of readTablesSteps (a 1 MB report has ~23 000). */
const STEP_LINES = 4096;

/**
 * readTables in steps, for the server's idle check (incremental/verify.ts): on a 1 MB report the
 * whole read blocked the server 50–170 ms, and a keystroke arriving meanwhile waited for all of
 * it. Yields between phases, every STEP_LINES lines classified, every few pieces and within the
 * space-aligned scan; readTables runs it to the end (one code path). Nothing between two steps
 * may depend on module state another readTables changes (spaceAlignedSteps keeps its own).
 */
export function* readTablesSteps(src: SourceText): Generator<void, Table[], void> {
  const kinds: LineKinds = new Uint8Array(src.lineCount);
  // The next tab and the next directive ("govreport-") at or after the line: one search each per
  // occurrence, so classifyAt reads every other line by char code, without a copy of it.
  const text = src.text;
  let tab = text.indexOf('\t');
  let directive = text.indexOf('govreport-');
  for (let i = 0; i < src.lineCount; i++) {
    const s = src.lineStart(i);
    const e = src.lineEnd(i);
    if (tab >= 0 && tab < s) tab = text.indexOf('\t', s);
    if (directive >= 0 && directive < s) directive = text.indexOf('govreport-', s);
    kinds[i] = classifyAt(src, i, (tab >= 0 && tab < e) || (directive >= 0 && directive < e));
    if ((i + 1) % STEP_LINES === 0) yield;
  }
  // isFurnitureLine per line, asked once (markFurniture and the space-aligned reader share it).
  const furniture = new Uint8Array(kinds.length);
  markFurniture(src, kinds, furniture);
  yield;
  const claimed = new Uint8Array(kinds.length);
  // Markdown fragments of one table (placeholder headers, one piece per heading) are joined first.
  // Loops here are indexed and lists joined by concat: the CLI runs this in V8's unoptimised
  // tiers, where each for-of step and each spread element allocates an iterator result.
  const { pieces, info: fragments } = joinFragments(src, markdownPieces(src, kinds, claimed).concat(
    tsvPieces(src, kinds, claimed),
    cellPerLinePieces(src, kinds, claimed),
  ));
  yield;
  const lineOf = (offset: number) => src.lineIndexAt(offset);
  const tables: Table[] = [];
  for (let p = 0; p < pieces.length; p++) {
    if (p > 0 && p % 8 === 0) yield;
    const piece = pieces[p]!;
    attachBefore(src, kinds, claimed, piece);
    const frag = fragments.get(piece);
    if (frag) {
      const t = buildGridTable(src, piece);
      if (t) tables.push(fragmentReading(src, t, frag));
      continue;
    }
    const parts = splitPiece(piece, lineOf);
    for (let i = 0; i < parts.length; i++) {
      const t = buildGridTable(src, parts[i]!);
      if (t) tables.push(t);
    }
  }
  yield;
  const aligned = yield* spaceAlignedSteps(src, kinds, claimed, furniture);
  for (let i = 0; i < aligned.length; i++) tables.push(aligned[i]!);
  for (let i = 0; i < tables.length; i++) attachAfter(src, kinds, claimed, tables[i]!);
  yield;
  const flattened = flattenedTables(src, kinds, claimed);
  for (let i = 0; i < flattened.length; i++) tables.push(flattened[i]!);
  return tables.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The reading of a table joined from fragments: confident when the placeholder columns, mapped by
 * position, are exactly the standard's value columns with 总计 last; else partial (not checked).
 */
function fragmentReading(src: SourceText, t: Table, frag: FragmentInfo): Table {
  // The table covers every piece, the header rows left out of its rows included (a rewrite replaces them all).
  t.span = { start: Math.min(t.span.start, src.lineStart(frag.lines[0])), end: Math.max(t.span.end, src.lineEnd(frag.lines[1])) };
  const n = t.key ? specColumns(t.key, t.version).length : -1;
  const fits = frag.totalLast && frag.placeholderWidths.every((w) => w === n);
  // A "-" in an extraction's cell says nothing was read there: text, never a zero.
  for (let i = 0; i < t.rows.length; i++) for (let j = 0; j < t.rows[i]!.cells.length; j++) {
    const c = t.rows[i]!.cells[j]!;
    if (c.value.kind === 'placeholder' && /^[-—–]$/.test(c.text)) c.value = { kind: 'text', text: c.text };
  }
  t.reading = {
    level: fits ? 'confident' : 'partial',
    notes: [
      { kind: 'guessed', reason: 'fragments', span: t.span },
      { kind: 'guessed', reason: 'placeholderColumns', span: t.headerSpan },
    ],
  };
  return t;
}

/** A caption line or 表三's note line just above a grid table belongs to it. */
function attachBefore(src: SourceText, kinds: LineKinds, claimed: Uint8Array, piece: Piece): void {
  const first = piece.rows[0];
  if (!first) return;
  const f0 = first.cells.find((c) => c.text !== '');
  if (f0 && captionOf(f0.text)) return;
  for (let j = first.firstLine - 1, seen = 0; j >= 0 && seen < 4; j--, seen++) {
    const text = src.lineText(j);
    if (kinds[j] === LINE.blank || isPageLine(text)) continue;
    if (kinds[j] !== LINE.text || claimed[j]) return;
    const isNote = T3_NOTE_KEYS.some((n) => lk(text).includes(n)) && text.length < 200;
    if (!captionOf(text) && !isNote) return;
    const ext = lineExtent(src.text, src.line(j));
    const s = ext[0];
    const e = ext[1];
    piece.rows.unshift({ cells: [{ text: src.text.slice(s, e), start: s, end: e }], span: { start: s, end: e }, firstLine: j, lastLine: j });
    if (piece.headerCount !== undefined) piece.headerCount++;
    claimed[j] = 1;
    return;
  }
}

/**
 * A row detached below its table ("四、结转下年度继续办理" after 表三, samples 001/003): a plain
 * line right after the table whose label is a later row of the same table.
 */
function attachAfter(src: SourceText, kinds: LineKinds, claimed: Uint8Array, t: Table): void {
  if (!t.key || t.key === 'T4' || !t.readable) return;
  const key = t.key;
  // Rank of the table's last standard row; computed only once a candidate line is found (most tables have none).
  let lastIdx: number | null = null;
  const lastRank = () => {
    let last = -1;
    for (let i = 0; i < t.rows.length; i++) {
      const k = t.rows[i]!.key;
      if (k) last = Math.max(last, rowRankOf(key, k));
    }
    return last;
  };
  let j = src.lineIndexAt(Math.max(t.span.start, t.span.end - 1)) + 1;
  for (let gap = 0; j < kinds.length; j++) {
    if (kinds[j] === LINE.blank) { if (++gap > 2) return; continue; }
    if (kinds[j] !== LINE.text || claimed[j]) return;
    const tok = tokenize(src, j);
    if (!tok.frags.length) return;
    const label = joinTexts(tok.frags);
    const m = matchRow(t.key, label, t.version);
    if (!m) return;
    lastIdx ??= lastRank();
    if (rowRankOf(key, m.row.key) <= lastIdx || t.rows.some((r) => r.key === m.row.key)) return;
    const spec = rowSpecOf(t.key, m.row.key)!;
    const N = t.rows.find((r) => r.expectedCells > 0)?.expectedCells ?? 0;
    const nc = numCount(tok);
    const cells: Cell[] = [];
    for (let i = 0; i < nc; i++) {
      cells.push(makeCellAt(src.text, numStart(tok, i), numEnd(tok, i), t.columns[i + Math.max(0, t.columns.length - nc)] ?? null));
    }
    const first = tok.frags[0]!;
    const n = label.length - label.trimStart().length;
    const span = spanOfParts(tok.frags, cells);
    const row: Row = {
      key: m.row.key, label, labelStart: first.start + n, labelEnd: tok.frags[tok.frags.length - 1]!.end,
      match: m.match, start: span.start, end: span.end, cells,
      expectedCells: spec.groupLabel ? 0 : N,
    };
    t.rows.push(row);
    claimed[j] = 1;
    t.span = { start: t.span.start, end: src.lineEnd(j) };
    lastIdx = rowRankOf(key, m.row.key);
    gap = 0;
  }
}
