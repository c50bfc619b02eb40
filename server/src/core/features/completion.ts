/**
 * Completion (pure): offsets in, items with replacement spans out. Three contexts:
 *  - at the start of a line (outside tables): the standard section headings the document still
 *    lacks, in the standard order, numbered the way the document numbers its headings;
 *  - in the label (first) cell of a Markdown table: the row labels that table still lacks, from
 *    the format data (T3 rows indented and numbered as in the canonical layout);
 *  - after "第二十条第（": the 第二十条 items reported in section 二 for the version.
 * Everything is generated from core/standard; the LSP glue converts spans to ranges.
 */
import type { ReportModel, Table } from '../model/types';
import { headingStyle, standardHeading } from '../rules/structure/conventions';
import { T4_BLOCKS, T4_RESULTS } from '../standard/t4';
import { FORMATS, tableSpec } from '../standard/versions';
import type { TableSpec, VersionId } from '../standard/types';
import { labelKey, stripNumbering } from '../text/normalize';
import type { Span } from '../text/source';
import { headerLabels, rowLabel, tableCaption } from '../render/markdownTable';
import { escapeSnippet } from '../render/snippet';
import { findPipeTables, splitPipeRow, type PipeTableBlock } from './formatting';

export type CompletionKind = 'heading' | 'row' | 'item' | 'snippet';

export interface CompletionItemLike {
  label: string;
  kind: CompletionKind;
  /** Text that replaces `span`; a snippet when `insertTextFormat` is 'snippet'. */
  insertText: string;
  insertTextFormat: 'plain' | 'snippet';
  /** The range replaced (UTF-16 offsets); it always contains the requested offset. */
  span: Span;
  /** Text matched against what was typed in `span` (defaults to label). */
  filterText?: string;
  detail?: string;
  documentation?: string;
  sortText: string;
}

const pad = (n: number) => String(n).padStart(3, '0');

/** The version the document is written in / must be written in. */
function docVersion(model: ReportModel, table?: Table | null): VersionId {
  return table?.version ?? model.usedVersion ?? model.expectedVersion ?? '2021';
}

export function completions(model: ReportModel, offset: number): CompletionItemLike[] {
  const src = model.source;
  const line = src.line(src.lineIndexAt(offset));
  const before = src.text.slice(line.start, offset);
  const after = src.text.slice(offset, line.end);

  const item = itemCompletions(model, offset, before, after);
  if (item) return item;
  if (/^[ \t]*\|/.test(line.text)) return rowCompletions(model, offset, line.index);
  return headingCompletions(model, offset, line.index, before);
}

// ------------------------------------------------------------------ 第二十条第（X）项

const ITEM_CONTEXT = /第二十条[ \t\u3000]*第[ \t\u3000]*[（(][ \t\u3000]*([一二三四五六七八九十]*)$/;

function itemCompletions(model: ReportModel, offset: number, before: string, after: string): CompletionItemLike[] | null {
  const m = ITEM_CONTEXT.exec(before);
  if (!m) return null;
  const start = offset - m[1]!.length;
  // Swallow what the template would write again: the rest of the numeral, ")" / "）" and "项".
  const rest = /^[一二三四五六七八九十]*[ \t]*(?:[）)][ \t]*项?)?/.exec(after)![0];
  const span = { start, end: offset + rest.length };
  const version = docVersion(model);
  const specs = FORMATS[version].tables.filter((t) => t.item);
  return specs.map((spec, i) => {
    const cn = spec.item!.replace(/[（）]/g, '');
    return {
      label: `${spec.item}${spec.title.replace(/^\S+\s*/, '')}`,
      kind: 'item' as const,
      insertText: `${cn}）项`,
      insertTextFormat: 'plain' as const,
      span,
      filterText: cn,
      detail: `${version}版 ${FORMATS[version].notice}`,
      documentation: tableDoc(spec),
      sortText: pad(i),
    };
  });
}

function tableDoc(spec: TableSpec): string {
  const [labelHeader, ...cols] = headerLabels(spec);
  const rows = spec.rows.map((r) => r.numbering + r.label);
  return `${spec.title}\n${labelHeader}：${rows.join('、')}\n列：${cols.join('、')}`;
}

// ------------------------------------------------------------------ section headings

const HEADING_PREFIX = /^([ \t\u3000]*(?:#{1,6}[ \t]*)?)([一二三四五六七八九十]{0,2}[、.．]?[^\s|]{0,30})$/u;

function headingCompletions(model: ReportModel, offset: number, lineIndex: number, before: string): CompletionItemLike[] {
  const m = HEADING_PREFIX.exec(before);
  if (!m) return [];
  // Only where a heading is being started: an empty line, a numeral, or the start of a title.
  const typed = m[2]!;
  const format = FORMATS[docVersion(model)];
  if (typed && !/^[一二三四五六七八九十]/.test(typed) && !format.sections.some((s) => s.title.startsWith(typed))) return [];
  const src = model.source;
  const line = src.line(lineIndex);
  // The section being typed on this very line does not count as present.
  const present = new Set(model.sections
    .filter((s) => src.lineIndexAt(s.heading.span.start) !== lineIndex)
    .map((s) => s.key));
  const style = headingStyle(model);
  const start = line.start + m[1]!.length;
  // Replace what was typed and, when the line holds nothing else, the rest of it.
  const restOfLine = src.text.slice(offset, line.end);
  const end = /^[^\s|]*[ \t\u3000]*$/.test(restOfLine) ? line.end : offset;
  const out: CompletionItemLike[] = [];
  for (const spec of format.sections) {
    if (present.has(spec.key)) continue;
    const heading = standardHeading(spec, style);
    const tables = format.tables.filter((t) => t.section === spec.key).map((t) => t.title);
    out.push({
      label: heading,
      kind: 'heading',
      insertText: heading,
      insertTextFormat: 'plain',
      span: { start, end },
      filterText: `${heading}${spec.title}`,
      detail: `第${heading.slice(0, 1)}部分（${format.version}版）`,
      documentation: tables.length ? `本部分应包含：${tables.join('；')}` : `标准标题：${heading}`,
      sortText: pad(spec.ordinal),
    });
  }
  return out;
}

// ------------------------------------------------------------------ table row labels

interface TableContext { spec: TableSpec; block: PipeTableBlock }

/** Which standard table a pipe table is: its caption, its header, the model, or its section. */
function identify(model: ReportModel, block: PipeTableBlock): TableSpec | null {
  const src = model.source;
  const start = src.lineStart(block.startLine);
  const version = docVersion(model);
  const modelTable = model.tables.find((t) => t.key && start >= t.span.start && start < t.span.end);
  if (modelTable?.key) {
    const spec = tableSpec(docVersion(model, modelTable), modelTable.key);
    if (spec) return spec;
  }
  const specs = FORMATS[version].tables;
  // Caption within the three lines above.
  for (let i = block.startLine - 1; i >= Math.max(0, block.startLine - 3); i--) {
    const k = labelKey(src.lineText(i));
    if (!k) continue;
    const spec = specs.find((s) => { const c = tableCaption(s); return c !== null && k.includes(labelKey(c)); });
    if (spec) return spec;
    break;
  }
  const header = splitPipeRow(src.lineText(block.startLine)).cells.map(labelKey);
  let best: { spec: TableSpec; score: number } | null = null;
  for (const spec of specs) {
    const labels = new Set(headerLabels(spec).map(labelKey));
    let score = header.filter((h) => labels.has(h)).length;
    if (spec.key === 'T3' && header.some((h) => h.includes('勾稽关系'))) score += 2;
    if (!best || score > best.score) best = { spec, score };
  }
  if (best && best.score >= 2) return best.spec;
  const section = model.sections.find((s) => start >= s.span.start && start < s.span.end);
  const bySection = specs.filter((s) => s.section === section?.key);
  return bySection.length === 1 ? bySection[0]! : null;
}

function tableAt(model: ReportModel, lineIndex: number): TableContext | null {
  const block = findPipeTables(model.source).find((b) => lineIndex >= b.startLine && lineIndex <= b.endLine);
  if (!block) return null;
  const spec = identify(model, block);
  return spec ? { spec, block } : null;
}

interface LabelOption { key: string; label: string; cells: number; doc?: string; match: string[] }

function labelOptions(spec: TableSpec): LabelOption[] {
  if (spec.key === 'T4') {
    return T4_BLOCKS.map((b) => ({ key: b.key, label: b.label, cells: T4_RESULTS.length, match: [b.label, b.label.split('·').pop()!] }));
  }
  return spec.rows.map((r) => ({
    key: r.key,
    label: rowLabel(spec, r),
    cells: r.groupLabel ? -spec.columns.length : spec.columns.length,
    doc: r.doc,
    match: [r.label, ...r.aliases, ...r.variants],
  }));
}

function rowCompletions(model: ReportModel, offset: number, lineIndex: number): CompletionItemLike[] {
  const src = model.source;
  const line = src.line(lineIndex);
  const ctx = tableAt(model, lineIndex);
  if (!ctx || lineIndex <= ctx.block.startLine + 1) return [];
  // The first cell: between the leading pipe and the next unescaped pipe.
  const firstPipe = line.text.indexOf('|');
  let cellEnd = line.text.length;
  for (let i = firstPipe + 1; i < line.text.length; i++) {
    if (line.text[i] === '\\') { i++; continue; }
    if (line.text[i] === '|') { cellEnd = i; break; }
  }
  const col = offset - line.start;
  if (col <= firstPipe || col > cellEnd) return [];
  const cellText = line.text.slice(firstPipe + 1, cellEnd);
  const lead = /^[ \t]*/.exec(cellText)![0].length;
  const trail = cellText.length - cellText.replace(/[ \t]+$/, '').length;
  const contentStart = line.start + firstPipe + 1 + Math.min(lead, cellText.length);
  const contentEnd = Math.max(contentStart, line.start + cellEnd - trail);
  const start = Math.min(contentStart, offset);
  const end = Math.max(contentEnd, offset);
  const hasCells = cellEnd < line.text.length;

  // Labels already in the table (other lines), matched without numbering, spaces or indentation.
  const present = new Set<string>();
  for (let i = ctx.block.startLine + 2; i <= ctx.block.endLine; i++) {
    if (i === lineIndex) continue;
    const first = splitPipeRow(src.lineText(i)).cells[0];
    if (first) present.add(stripNumbering(labelKey(first)));
  }
  const options = labelOptions(ctx.spec);
  const out: CompletionItemLike[] = [];
  options.forEach((o, i) => {
    if (o.match.some((m) => present.has(stripNumbering(labelKey(m))))) return;
    // "3.其他" (2021) is only "其他" under （六）: keep it even when another 其他 is present.
    let insertText = escapeSnippet(o.label);
    if (!hasCells) {
      const n = Math.abs(o.cells);
      let stop = 1;
      const cells = Array.from({ length: n }, () => (o.cells < 0 ? '' : `\${${stop++}:0}`));
      insertText += ` | ${cells.join(' | ')} |`;
    }
    out.push({
      label: o.label.trim(),
      kind: 'row',
      insertText,
      insertTextFormat: 'snippet',
      span: { start, end },
      filterText: `${o.label.trim()}${stripNumbering(labelKey(o.label))}`,
      detail: ctx.spec.title,
      ...(o.doc ? { documentation: o.doc } : {}),
      sortText: pad(i),
    });
  });
  return out;
}
