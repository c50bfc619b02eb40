/**
 * The outline: sections → sub-headings (by level) → tables. Pure; the LSP glue converts spans.
 * Tables are named after the standard ("表三 收到和处理政府信息公开申请情况") when recognised.
 */
import type { Heading, ReportModel, Section, Table } from '../model/types';
import { tableSpec } from '../standard/versions';

export type SymbolKind = 'section' | 'heading' | 'table' | 'title';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** Whole extent (section body, table). */
  span: { start: number; end: number };
  /** What is selected when the symbol is picked: the heading line or the table's first line. */
  selectionSpan: { start: number; end: number };
  children: OutlineSymbol[];
}

export function tableName(model: ReportModel, t: Table): string {
  if (t.key === null) return '表格';
  const spec = tableSpec(t.version ?? model.checkedVersion, t.key) ?? tableSpec('2019', t.key);
  return spec?.title ?? t.key;
}

function headingName(model: ReportModel, h: Heading): string {
  const name = model.source.text.slice(h.markerSpan.start, h.titleSpan.end).trim() || model.source.slice(h.span);
  return runInHead(name);
}

/**
 * A run-in head ("（一）强化组织领导。成立了…") is named by its head only: the text up to the first
 * 。/：/；/! /? when more text follows it on the line. The same cut as the grammar's heading scope.
 */
export function runInHead(name: string): string {
  const m = /^([^。：；！？:;!?]{1,60}?)[。：；！？:;!?][\s\u3000]*\S/.exec(name);
  return m ? m[1]!.trimEnd() : name;
}

function tableSymbol(model: ReportModel, t: Table): OutlineSymbol {
  const firstLine = model.source.line(model.source.lineIndexAt(t.span.start));
  return {
    name: tableName(model, t),
    detail: t.readable ? undefined : '无法读取',
    kind: 'table',
    span: t.span,
    selectionSpan: { start: t.span.start, end: Math.max(t.span.start, Math.min(firstLine.end, t.span.end)) },
    children: [],
  };
}

/** Nests sub-headings by level and places each table under the innermost heading before it. */
function sectionSymbol(model: ReportModel, s: Section, tables: Table[]): OutlineSymbol {
  const root: OutlineSymbol = {
    name: headingName(model, s.heading), kind: 'section', span: s.span,
    selectionSpan: s.heading.span, children: [],
  };
  const stack: { level: number; sym: OutlineSymbol }[] = [{ level: 1, sym: root }];
  type Item = { at: number; heading?: Heading; table?: Table };
  const items: Item[] = [
    ...s.subHeadings.map((h) => ({ at: h.span.start, heading: h })),
    ...tables.map((t) => ({ at: t.span.start, table: t })),
  ].sort((a, b) => a.at - b.at);
  for (const it of items) {
    if (it.table) {
      // Tables hang under the section itself unless a sub-heading introduced them.
      stack[stack.length - 1]!.sym.children.push(tableSymbol(model, it.table));
      continue;
    }
    const h = it.heading!;
    while (stack.length > 1 && stack[stack.length - 1]!.level >= h.level) stack.pop();
    const sym: OutlineSymbol = { name: headingName(model, h), kind: 'heading', span: { start: h.span.start, end: s.span.end }, selectionSpan: h.span, children: [] };
    stack[stack.length - 1]!.sym.children.push(sym);
    stack.push({ level: h.level, sym });
  }
  closeSpans(root);
  return root;
}

/** A heading's span runs to the next sibling (or its parent's end), so folding and breadcrumbs nest. */
function closeSpans(sym: OutlineSymbol): void {
  sym.children.forEach((c, i) => {
    const next = sym.children[i + 1];
    if (c.kind === 'heading') c.span = { start: c.span.start, end: next ? next.span.start : sym.span.end };
    closeSpans(c);
  });
}

export function documentSymbols(model: ReportModel): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const firstSection = model.sections[0]?.span.start ?? model.source.text.length;
  for (const t of model.tables) if (t.span.start < firstSection) out.push(tableSymbol(model, t));
  for (const s of model.sections) {
    const tables = model.tables.filter((t) => t.span.start >= s.span.start && t.span.start < s.span.end);
    out.push(sectionSymbol(model, s, tables));
  }
  return out;
}
