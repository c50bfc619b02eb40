/**
 * The published structure of a report: what the preview, the HTML export and the .docx export
 * draw. Built from the ReportModel and the findings; the three standard tables get the official
 * layout with merged headers (表三: 申请人情况 over 自然人 / 法人或其他组织 / 总计; 表四: 行政复议 /
 * 行政诉讼 with 未经复议直接起诉 / 复议后起诉), read through the standard's rows and columns.
 * Every block and table row carries its 0-based source line (scroll sync). A collapsed body is drawn
 * split at its inline headings, 表四 in three labelled pieces as one table (t4Pieces.ts), a table
 * whose cells ran together as the text as written; `notes` say so (notes.ts). Paragraphs carry
 * their Markdown emphasis as runs and list items as list paragraphs (inline.ts).
 */
import type { ReportModel, Table } from '../model/types';
import type { Finding, Severity } from '../types';
import { T3_NOTE, T4_BLOCKS, T4_RESULTS, tableSpec } from '../standard/index';
import type { RowSpec, TableSpec, VersionId } from '../standard/types';
import { rowDepth, rowLabel, tableCaption, valueKey } from '../render/markdownTable';
import { T2_LABEL_HEADER } from '../render/wording';
import type { Span } from '../text/source';
import { inlineRuns, listItem, runsText, type ListKind, type PubRun } from './inline';
import { joinT4Pieces, type T4Join } from './t4Pieces';
import type { PubNote } from './notes';

/** The findings on a cell or paragraph: the worst severity, and each finding's severity and message. */
export interface CellMark { severity: Severity; messages: string[]; severities: Severity[] }

export interface PubCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** A header or label cell (drawn bold / left aligned), not a figure. */
  head?: boolean;
  /** 0-based source line of the cell, when it comes from the text. */
  line?: number;
  mark?: CellMark;
}

export interface PubRow { cells: PubCell[]; line?: number }

export interface PubTable {
  key: string | null;
  caption: string | null;
  /** Number of leading rows that form the header. */
  headerRows: number;
  rows: PubRow[];
  /** Number of grid columns (after expanding spans). */
  columns: number;
  line: number;
  /** The figures drawn, keyed like the canonical renderer (`${rowKey}|${columnKey}`); standard tables only. */
  figures?: Map<string, string>;
}

export type PubBlock =
  | { kind: 'title'; text: string; line: number }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; line: number; mark?: CellMark }
  | { kind: 'paragraph'; text: string; line: number; mark?: CellMark; runs?: PubRun[]; list?: { kind: ListKind; number: number } }
  | { kind: 'table'; table: PubTable; line: number };

export interface PubDocument {
  title: string | null;
  blocks: PubBlock[];
  /** What the published document does differently from the text, and why (said to the user). */
  notes: PubNote[];
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * Finds the marks (worst severity + messages) of findings that touch a span. Findings are sorted by
 * start; a query looks only at those starting within LONG before the span, plus the few longer
 * ones (a whole-table finding), so marking every cell stays near linear.
 */
const LONG = 400;
class Marks {
  private readonly short: Finding[];
  private readonly long: Finding[];
  constructor(findings: readonly Finding[]) {
    this.short = findings.filter((f) => f.span.end - f.span.start <= LONG).sort((a, b) => a.span.start - b.span.start);
    this.long = findings.filter((f) => f.span.end - f.span.start > LONG);
  }
  of(span: Span): CellMark | undefined {
    let mark: CellMark | undefined;
    const add = (f: Finding) => {
      const touches = f.span.start === f.span.end
        ? f.span.start >= span.start && f.span.start <= span.end
        : f.span.start < Math.max(span.end, span.start + 1) && f.span.end > span.start;
      if (!touches) return;
      if (!mark) mark = { severity: f.severity, messages: [], severities: [] };
      else if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(mark.severity)) mark.severity = f.severity;
      mark.messages.push(`${f.code} ${f.message}`);
      mark.severities.push(f.severity);
    };
    // First short finding that may reach the span: start >= span.start - LONG.
    let lo = 0;
    let hi = this.short.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.short[mid]!.span.start < span.start - LONG) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.short.length && this.short[i]!.span.start <= Math.max(span.end, span.start + 1); i++) add(this.short[i]!);
    for (const f of this.long) add(f);
    return mark;
  }
}

const stripMarkdown = (line: string): string => line.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*/g, '').trim();

/** A paragraph of prose: Markdown emphasis as runs, a list item as a list paragraph. */
function paragraph(raw: string, line: number, mark: CellMark | undefined): PubBlock {
  const item = listItem(raw);
  const body = item ? item.text : raw.replace(/^\s*#{1,6}\s+/, '').trim();
  const runs = inlineRuns(body);
  const plain = runs.length === 1 && !runs[0]!.bold && !runs[0]!.italic;
  return {
    kind: 'paragraph', text: runsText(runs), line, ...(mark ? { mark } : {}),
    ...(plain ? {} : { runs }), ...(item ? { list: { kind: item.kind, number: item.number } } : {}),
  };
}

/** The title of a standard table, for notes ("表三 收到和处理政府信息公开申请情况"). */
const tableTitle = (t: Table, version: VersionId): string => (t.key ? tableSpec(t.version ?? version, t.key)?.title ?? t.key : '');

/** The published document of a report model (pure). */
export function publishModel(model: ReportModel, findings: readonly Finding[] = []): PubDocument {
  const src = model.source;
  const marks = new Marks(findings);
  const blocks: PubBlock[] = [];
  const notes: PubNote[] = [];
  const headingByLine = new Map<number, ReportModel['headings'][number]>();
  for (const h of model.headings) headingByLine.set(src.lineIndexAt(h.span.start), h);
  const tableStarts = new Map<number, Table>();
  for (const t of model.tables) if (!tableStarts.has(src.lineIndexAt(t.span.start))) tableStarts.set(src.lineIndexAt(t.span.start), t);
  const titleLines = model.title
    ? { from: src.lineIndexAt(model.title.span.start), to: src.lineIndexAt(Math.max(model.title.span.start, model.title.span.end - 1)) }
    : null;
  const version: VersionId = model.usedVersion ?? model.expectedVersion ?? '2021';
  // 表四 in three labelled pieces: one official table where the first piece starts.
  const joins = new Map<Table, T4Join>();
  const skipLines = new Set<number>();
  for (const j of joinT4Pieces(model)) {
    joins.set(j.pieces[0]!, j);
    for (const l of j.labelLines) skipLines.add(l);
    for (const t of j.pieces.slice(1)) tableStarts.delete(src.lineIndexAt(t.span.start));
    notes.push({ key: 'publish.note.joined', args: { table: tableTitle(j.pieces[0]!, version), count: j.pieces.length }, line: src.lineIndexAt(j.pieces[0]!.span.start) });
  }
  const collapsedLine = model.collapsed ? src.lineIndexAt(model.collapsed.line.start) : -1;
  let i = 0;
  const n = src.lineCount;
  // tableSpans are sorted; walk them with a cursor so the scan stays linear.
  const spans = [...model.tableSpans].sort((a, b) => a.start - b.start);
  let si = 0;
  while (i < n) {
    const line = src.line(i);
    while (si < spans.length && spans[si]!.end <= line.start) si++;
    if (i === collapsedLine) {
      collapsedBlocks(model, i, version, marks, blocks, notes);
      i++;
      continue;
    }
    const table = tableStarts.get(i);
    if (table) {
      const join = joins.get(table);
      const last = join ? join.pieces[join.pieces.length - 1]! : table;
      if (join) blocks.push({ kind: 'table', table: joinedT4(join, version, marks, model), line: i });
      else tableBlocks(table, version, marks, model, blocks, notes);
      const endLine = src.lineIndexAt(Math.max(last.span.start, last.span.end - 1));
      i = Math.max(endLine + 1, i + 1);
      continue;
    }
    const covered = si < spans.length && spans[si]!.start <= line.start && line.start < spans[si]!.end;
    if (covered || skipLines.has(i)) { i++; continue; }
    if (titleLines && i >= titleLines.from && i <= titleLines.to) {
      if (i === titleLines.from) blocks.push({ kind: 'title', text: model.title!.text, line: i });
      i++;
      continue;
    }
    const text = stripMarkdown(line.text);
    if (text === '' || /^[-*_]{3,}$/.test(text)) { i++; continue; }
    const h = headingByLine.get(i);
    const span = { start: line.start, end: line.end };
    const mark = marks.of(span);
    if (h) blocks.push({ kind: 'heading', level: h.level, text: stripMarkdown(src.slice(h.span)), line: i, ...(mark ? { mark } : {}) });
    else blocks.push(paragraph(line.text, i, mark));
    i++;
  }
  return { title: model.title?.text ?? null, blocks, notes };
}

/**
 * A table as a block — or, when its cells ran together and could not be separated (flattened
 * digit runs), its lines as written: a table drawn from a guess would publish invented figures.
 */
function tableBlocks(table: Table, version: VersionId, marks: Marks, model: ReportModel, blocks: PubBlock[], notes: PubNote[]): void {
  const src = model.source;
  const line = src.lineIndexAt(table.span.start);
  if (!table.readable) {
    const from = line;
    const to = src.lineIndexAt(Math.max(table.span.start, table.span.end - 1));
    for (let k = from; k <= to; k++) {
      const l = src.line(k);
      const start = Math.max(l.start, table.span.start);
      const end = Math.min(l.end, table.span.end);
      const text = src.text.slice(start, end).trim();
      if (!text) continue;
      const mark = marks.of({ start, end });
      blocks.push({ kind: 'paragraph', text, line: k, ...(mark ? { mark } : {}) });
    }
    if (table.key) notes.push({ key: 'publish.note.asWritten', args: { table: tableTitle(table, version) }, line });
    return;
  }
  const pub = publishTable(table, version, marks, model);
  if (table.key && pub.figures && (table.reading.level !== 'confident' || table.reading.notes.some((n) => n.kind === 'guessed'))) {
    notes.push({ key: 'publish.note.guessed', args: { table: tableTitle(table, version) }, line });
  }
  blocks.push({ kind: 'table', table: pub, line });
}

/**
 * The one line of a collapsed body (GR014), drawn split where the reader placed its line breaks:
 * each inline heading a heading, each stretch of prose a paragraph, each table run as written.
 */
function collapsedBlocks(model: ReportModel, lineIndex: number, version: VersionId, marks: Marks, blocks: PubBlock[], notes: PubNote[]): void {
  const src = model.source;
  const c = model.collapsed!;
  const cuts = [...new Set([c.line.start, ...c.breaks.filter((b) => b > c.line.start && b < c.line.end), c.line.end])].sort((a, b) => a - b);
  const headingAt = new Map(model.headings.filter((h) => h.span.start >= c.line.start && h.span.end <= c.line.end).map((h) => [h.span.start, h]));
  const tables = model.tables.filter((t) => t.span.start >= c.line.start && t.span.start < c.line.end);
  const title = model.title && model.title.span.start >= c.line.start && model.title.span.start < c.line.end ? model.title : null;
  notes.push({ key: 'publish.note.collapsed', args: { count: headingAt.size }, line: lineIndex });
  let tableUntil = -1;
  for (let k = 0; k + 1 < cuts.length; k++) {
    let start = cuts[k]!;
    const end = cuts[k + 1]!;
    if (end <= tableUntil) continue;
    start = Math.max(start, tableUntil);
    const raw = src.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const at = start + lead;
    if (raw.trim() === '') continue;
    const table = tables.find((t) => t.span.start >= start && t.span.start < end && src.text.slice(at, Math.max(at, t.span.start)).trim() === '');
    if (table) {
      tableBlocks(table, version, marks, model, blocks, notes);
      tableUntil = table.span.end;
      if (end > tableUntil && src.text.slice(tableUntil, end).trim()) {
        blocks.push(paragraph(src.text.slice(tableUntil, end), lineIndex, marks.of({ start: tableUntil, end })));
      }
      continue;
    }
    const mark = marks.of({ start: at, end });
    const h = headingAt.get(at);
    if (title && title.span.start >= at && title.span.start < end && !h) {
      blocks.push({ kind: 'title', text: title.text, line: lineIndex });
      continue;
    }
    if (h) {
      blocks.push({ kind: 'heading', level: h.level, text: stripMarkdown(src.slice(h.span)), line: lineIndex, ...(mark ? { mark } : {}) });
      if (h.span.end < end && src.text.slice(h.span.end, end).trim()) blocks.push(paragraph(src.text.slice(h.span.end, end), lineIndex, marks.of({ start: h.span.end, end })));
      continue;
    }
    blocks.push(paragraph(raw, lineIndex, mark));
  }
}

/** The joined 表四 (t4Pieces.ts): the official layout with each piece's figures under its block. */
function joinedT4(join: T4Join, version: VersionId, marks: Marks, model: ReportModel): PubTable {
  const src = model.source;
  const spec = tableSpec(version, 'T4')!;
  const dataKey = spec.rows[0]?.key ?? 'data';
  const figures = new Map<string, string>();
  const figure: Figure = (rowKey, columnKey) => {
    const c = join.cells.get(columnKey);
    if (!c || rowKey !== dataKey) return { text: '' };
    const mark = marks.of(c);
    return { text: c.text, line: src.lineIndexAt(c.start), ...(mark ? { mark } : {}) };
  };
  for (const [k, c] of join.cells) figures.set(valueKey(dataKey, k), c.text);
  const first = join.pieces[0]!;
  const rowLine: RowLines = new Map([[dataKey, { line: src.lineIndexAt(first.rows[0]!.start) }]]);
  return { ...t4Layout(spec, figure, rowLine), caption: tableCaption(spec), line: src.lineIndexAt(first.span.start), figures };
}

/** The figures of a model table keyed like the canonical renderer: `${rowKey}|${columnKey}`. */
export function tableValues(table: Table): Map<string, string> {
  const values = new Map<string, string>();
  for (const r of table.rows) {
    if (!r.key) continue;
    for (const c of r.cells) if (c.column) values.set(valueKey(r.key, c.column), c.text);
  }
  return values;
}

function publishTable(table: Table, fallback: VersionId, marks: Marks, model: ReportModel): PubTable {
  const src = model.source;
  const line = src.lineIndexAt(table.span.start);
  const spec = table.key && table.readable ? tableSpec(table.version ?? fallback, table.key) : undefined;
  if (!spec) return rawTable(table, marks, model);
  const cellAt = new Map<string, PubCell>();
  for (const r of table.rows) {
    if (!r.key) continue;
    for (const c of r.cells) {
      if (!c.column) continue;
      const mark = marks.of(c);
      cellAt.set(valueKey(r.key, c.column), { text: c.text, line: src.lineIndexAt(c.start), ...(mark ? { mark } : {}) });
    }
  }
  const rowLine = new Map<string, { line: number; mark?: CellMark }>();
  for (const r of table.rows) {
    if (!r.key || rowLine.has(r.key)) continue;
    const mark = r.labelStart >= 0 ? marks.of({ start: r.labelStart, end: r.labelEnd }) : undefined;
    rowLine.set(r.key, { line: src.lineIndexAt(r.start), ...(mark ? { mark } : {}) });
  }
  const figure = (rowKey: string, columnKey: string): PubCell => cellAt.get(valueKey(rowKey, columnKey)) ?? { text: '' };
  const caption = tableCaption(spec);
  const figures = new Map([...cellAt].map(([k, c]) => [k, c.text]));
  if (spec.key === 'T4') return { ...t4Layout(spec, figure, rowLine), caption, line, figures };
  if (spec.key === 'T3') return { ...t3Layout(spec, figure, rowLine), caption, line, figures };
  return { ...t2Layout(spec, figure, rowLine), caption, line, figures };
}

type Figure = (rowKey: string, columnKey: string) => PubCell;
type RowLines = Map<string, { line: number; mark?: CellMark }>;

function labelCell(text: string, info: { line: number; mark?: CellMark } | undefined, extra: Partial<PubCell> = {}): PubCell {
  return { text, head: true, ...extra, ...(info ? { line: info.line } : {}), ...(info?.mark ? { mark: info.mark } : {}) };
}

function t2Layout(spec: TableSpec, figure: Figure, lines: RowLines): Omit<PubTable, 'caption' | 'line'> {
  const rows: PubRow[] = [{ cells: [T2_LABEL_HEADER, ...spec.columns.map((c) => c.label)].map((text) => ({ text, head: true })) }];
  for (const r of spec.rows) {
    const info = lines.get(r.key);
    rows.push({ ...(info ? { line: info.line } : {}), cells: [labelCell(rowLabel(spec, r), info), ...spec.columns.map((c) => figure(r.key, c.key))] });
  }
  return { key: spec.key, headerRows: 1, rows, columns: spec.columns.length + 1 };
}

/** 表三: three header rows (note | 申请人情况 / 自然人 · 法人或其他组织 · 总计 / the five organisations). */
function t3Layout(spec: TableSpec, figure: Figure, lines: RowLines): Omit<PubTable, 'caption' | 'line'> {
  const depthOf = new Map(spec.rows.map((r) => [r.key, rowDepth(spec, r)]));
  const labelCols = Math.max(...spec.rows.map((r) => depthOf.get(r.key)!)) + 1;
  const cols = spec.columns;
  const first = cols[0]!;
  const last = cols[cols.length - 1]!;
  const orgs = cols.slice(1, -1);
  const h = (text: string, colSpan = 1, rowSpan = 1): PubCell => ({ text, head: true, ...(colSpan > 1 ? { colSpan } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) });
  const rows: PubRow[] = [
    { cells: [h(T3_NOTE, labelCols, 3), h('申请人情况', cols.length)] },
    { cells: [h(first.label, 1, 2), h('法人或其他组织', orgs.length), h(last.label, 1, 2)] },
    { cells: orgs.map((c) => h(c.label)) },
  ];
  const leaves = spec.rows.filter((r) => !r.groupLabel);
  const leafCount = new Map<string, number>();
  const ancestors = (r: RowSpec): RowSpec[] => {
    const out: RowSpec[] = [];
    let g = r.group;
    while (g) {
      const p = spec.rows.find((x) => x.key === g);
      if (!p || out.includes(p)) break;
      out.unshift(p);
      g = p.group;
    }
    return out;
  };
  for (const leaf of leaves) for (const a of ancestors(leaf)) leafCount.set(a.key, (leafCount.get(a.key) ?? 0) + 1);
  const opened = new Set<string>();
  for (const leaf of leaves) {
    const cells: PubCell[] = [];
    for (const a of ancestors(leaf)) {
      if (opened.has(a.key)) continue;
      opened.add(a.key);
      cells.push(labelCell(a.numbering + a.label, lines.get(a.key), { rowSpan: leafCount.get(a.key)! }));
    }
    const depth = depthOf.get(leaf.key)!;
    const info = lines.get(leaf.key);
    const span = labelCols - depth;
    cells.push(labelCell(leaf.numbering + leaf.label, info, span > 1 ? { colSpan: span } : {}));
    for (const c of cols) cells.push(figure(leaf.key, c.key));
    rows.push({ cells, ...(info ? { line: info.line } : {}) });
  }
  return { key: spec.key, headerRows: 3, rows, columns: labelCols + cols.length };
}

/** 表四: 行政复议 (5) | 行政诉讼 (10: 未经复议直接起诉 5, 复议后起诉 5), one data row of fifteen. */
function t4Layout(spec: TableSpec, figure: Figure, lines: RowLines): Omit<PubTable, 'caption' | 'line'> {
  const h = (text: string, colSpan = 1, rowSpan = 1): PubCell => ({ text, head: true, ...(colSpan > 1 ? { colSpan } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) });
  const [review, direct, afterReview] = T4_BLOCKS;
  const sub = (label: string) => label.split('·').pop()!;
  const n = T4_RESULTS.length;
  const rows: PubRow[] = [
    { cells: [h(review.label, n), h('行政诉讼', 2 * n)] },
    { cells: [...T4_RESULTS.map((r) => h(r.label, 1, 2)), h(sub(direct.label), n), h(sub(afterReview.label), n)] },
    { cells: [...T4_RESULTS.map((r) => h(r.label)), ...T4_RESULTS.map((r) => h(r.label))] },
  ];
  const dataKey = spec.rows[0]?.key ?? 'data';
  const info = lines.get(dataKey);
  rows.push({ cells: T4_BLOCKS.flatMap((b) => T4_RESULTS.map((r) => figure(dataKey, `${b.key}.${r.key}`))), ...(info ? { line: info.line } : {}) });
  return { key: spec.key, headerRows: 3, rows, columns: 3 * n };
}

/** A table the reader could not match to the standard: drawn as read, label and cells. */
function rawTable(table: Table, marks: Marks, model: ReportModel): PubTable {
  const src = model.source;
  const width = Math.max(1, ...table.rows.map((r) => r.cells.length + 1));
  const rows: PubRow[] = table.rows.map((r) => {
    const cells: PubCell[] = [{ text: r.label, head: true }];
    for (const c of r.cells) {
      const mark = marks.of(c);
      cells.push({ text: c.text, line: src.lineIndexAt(c.start), ...(mark ? { mark } : {}) });
    }
    while (cells.length < width) cells.push({ text: '' });
    return { cells, line: src.lineIndexAt(r.start) };
  });
  if (rows.length === 0) {
    for (const l of src.slice(table.span).split(/\r?\n/)) if (l.trim()) rows.push({ cells: [{ text: l.trim() }] });
  }
  return { key: table.key, caption: table.caption?.text ?? null, headerRows: 0, rows, columns: width, line: src.lineIndexAt(table.span.start) };
}
