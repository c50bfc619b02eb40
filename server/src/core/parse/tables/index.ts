/**
 * readTables: every table of the document, in any of the five shapes of FORMAT.md, as model
 * Tables with exact cell spans. Markdown blocks first (they delimit themselves), then pasted
 * tables from their anchors; each region's shape decides how its lines become rows.
 */
import type { Table, TableShape } from '../../model/types';
import type { TableKey } from '../../standard/types';
import type { SourceText, Span } from '../../text/source';
import { lineCell, splitPipes, splitTabs } from './cells';
import { buildTable, identifyBlock, interpretRows, type RawRow } from './interpret';
import { matchRow } from './labels';
import { captionKey, findRegions, isBlank, isPageNumber, isPipeLine, type Region } from './regions';
import { interpretSpaceAligned } from './spaceAligned';

const DELIMITER_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function readTables(src: SourceText): Table[] {
  const taken = new Uint8Array(src.lines.length);
  const tables: Table[] = [];
  tables.push(...markdownTables(src, taken));
  for (const region of findRegions(src, (i) => taken[i] === 1)) {
    const t = pastedTable(src, region);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => a.span.start - b.span.start);
}

/** The caption line ("第二十条第（一）项") within two non-blank lines above line `i`. */
function captionAbove(src: SourceText, i: number): { key: TableKey | null; line: number } | null {
  let seen = 0;
  for (let j = i - 1; j >= 0 && seen < 2; j--) {
    const l = src.lines[j]!;
    if (isBlank(l)) continue;
    seen++;
    const c = captionKey(l.text);
    if (c) return { key: c.key, line: j };
  }
  return null;
}

function markdownTables(src: SourceText, taken: Uint8Array): Table[] {
  const out: Table[] = [];
  const n = src.lines.length;
  for (let i = 0; i < n; i++) {
    if (!isPipeLine(src.lines[i]!)) continue;
    let j = i;
    while (j + 1 < n && isPipeLine(src.lines[j + 1]!)) j++;
    const raw: RawRow[] = [];
    for (let k = i; k <= j; k++) {
      const line = src.lines[k]!;
      if (DELIMITER_ROW.test(line.text)) continue;
      raw.push({ cells: splitPipes(line), span: { start: line.start, end: line.end } });
    }
    const cap = captionAbove(src, i);
    const key = identifyBlock(raw, cap?.key ?? null);
    if (key && raw.length) {
      for (let k = i; k <= j; k++) taken[k] = 1;
      const it = interpretRows(key, raw, 'markdown');
      const capLine = cap ? src.lines[cap.line]! : null;
      const start = capLine ? capLine.start + (capLine.text.length - capLine.text.trimStart().length) : src.lines[i]!.start;
      out.push(buildTable('markdown', { start, end: src.lines[j]!.end }, capLine ? { text: capLine.text.trim(), span: trimmedLine(src, cap!.line) } : null, it));
      if (cap) taken[cap.line] = 1;
    }
    i = j;
  }
  return out;
}

function trimmedLine(src: SourceText, i: number): Span {
  const l = src.lines[i]!;
  const lead = l.text.length - l.text.trimStart().length;
  return { start: l.start + lead, end: l.start + l.text.trimEnd().length };
}

/** Decides the shape of a pasted region from how its lines are cut. */
function shapeOf(src: SourceText, first: number, last: number): TableShape {
  let single = 0;
  let multi = 0;
  let spaced = 0;
  let flat = 0;
  for (let i = first; i <= last; i++) {
    const t = src.lines[i]!.text;
    if (!t.trim() || isPageNumber(src.lines[i]!)) continue;
    if (t.includes('\t')) {
      const cells = t.split('\t');
      const filled = cells.filter((c) => c.trim()).length;
      // "\t规章" / "\t" : one cell on a tab-indented line.
      if (/^[ \u3000]*\t[^\t]*$/.test(t) && filled <= 1) single++; else multi++;
    } else if (/\S[ \u3000]{2,}\S/.test(t)) spaced++;
    else if (/^\D{4,}?\d{4,}\s*$/.test(t.trim()) && matchRow('T3', t.trim().replace(/\d+\s*$/, ''), null)) flat++;
  }
  if (flat > 0 && flat >= multi && flat >= spaced && flat >= single) return 'flattened';
  if (single > multi && single >= spaced) return 'cellPerLine';
  if (multi >= spaced && multi > 0) return 'tsv';
  return 'spaceAligned';
}

function pastedTable(src: SourceText, region: Region): Table | null {
  const { anchor } = region;
  let first = region.first;
  let caption: Table['caption'] = null;
  if (anchor.kind === 'T2' && anchor.caption) {
    caption = { text: anchor.caption.text.trim(), span: trimmedLine(src, region.first) };
    first = region.first + 1;
  }
  const start = trimmedLine(src, region.first).start;
  const span = { start, end: src.lines[region.last]!.end };
  const shape = first > region.last ? 'tsv' : shapeOf(src, first, region.last);
  if (shape === 'flattened') return buildTable('flattened', span, caption, { key: anchor.kind === 'T2' ? anchor.key ?? 'T2.1' : anchor.kind, version: null, headerSpan: null, columns: [], rows: [] }, false);
  let key: TableKey | null = anchor.kind === 'T2' ? anchor.key : anchor.kind;
  if (shape === 'spaceAligned') {
    if (!key) key = guessT2(src, first, region.last);
    if (!key) return null;
    return buildTable(shape, span, caption, interpretSpaceAligned(src, key, first, region.last));
  }
  const raw = rawRows(src, shape, first, region.last);
  if (!key) key = identifyBlock(raw, null);
  if (!key) return null;
  return buildTable(shape, span, caption, interpretRows(key, raw, shape));
}

function guessT2(src: SourceText, first: number, last: number): TableKey | null {
  const raw = rawRows(src, 'tsv', first, last);
  return identifyBlock(raw.map((r) => ({ ...r, cells: r.cells.flatMap((c) => c.text.split(/[ \u3000]{2,}/).map((t) => ({ text: t.trim(), span: c.span }))) })), null);
}

/** Lines to rows: a line per row (tab-separated), or a block of lines per row (one cell per line). */
function rawRows(src: SourceText, shape: TableShape, first: number, last: number): RawRow[] {
  const rows: RawRow[] = [];
  if (shape === 'cellPerLine') {
    let block: RawRow | null = null;
    for (let i = first; i <= last + 1; i++) {
      const line = i <= last ? src.lines[i]! : null;
      if (!line || isBlank(line) && !line.text.includes('\t')) {
        if (block) rows.push(block);
        block = null;
        continue;
      }
      const cell = lineCell(line);
      if (!block) block = { cells: [], span: { start: line.start, end: line.end } };
      block.cells.push(cell);
      block.span.end = line.end;
    }
    return rows;
  }
  for (let i = first; i <= last; i++) {
    const line = src.lines[i]!;
    if (isBlank(line) || isPageNumber(line)) continue;
    rows.push({ cells: splitTabs(line), span: { start: line.start, end: line.end } });
  }
  return rows;
}
