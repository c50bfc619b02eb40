/**
 * The canonical Markdown layout of the standard tables, generated from the format data
 * (server/src/core/standard). Used by templates, snippets, the new-report command and the GR112
 * "rewrite as Markdown" fix. See README "规范表格格式 / Canonical table layout".
 *
 *   T2.x  第二十条第（一）项            (caption, then a blank line)
 *         | 信息内容 | 本年制发件数 | … |
 *         | :------- | -----------: | … |
 *         | 规章     |            0 | … |
 *   T3    | （本列数据的勾稽关系为：…） | 自然人 | 商业企业 | … | 总计 |, one row per spec row
 *         labelled numbering + label, indented with U+3000 by depth; group-label rows empty
 *   T4    | 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |, one row per block
 *
 * Cell values are passed as a map `${rowKey}|${columnKey}` → text. T4's fifteen cells are keyed
 * like the spec: `data|review.upheld` … `data|afterReview.total`.
 */
import { T3_NOTE, T4_BLOCKS, T4_RESULTS } from '../standard/index';
import type { RowSpec, TableSpec } from '../standard/types';
import { escapeCell, layoutTable, type DelimiterMark, type LayoutCell, type LayoutRow } from './layout';
import { escapeSnippet, TabStops } from './snippet';
import { T2_LABEL_HEADER, T4_LABEL_HEADER, t2Caption } from './wording';
import type { Align } from './width';

export interface RenderTableOptions {
  eol: '\n' | '\r\n';
  /** Pad every column to the same display width (CJK = 2). Default true; false = compact "| a | b |". */
  fullWidth?: boolean;
  /** Emit a snippet: every figure cell becomes a tab stop `${n:value}` (value defaults to `blank` or "0"). */
  snippet?: boolean;
  /** Snippet mode: number of the first tab stop (default 1). */
  tabStart?: number;
  /** Snippet mode: a shared counter, advanced past the tab stops used (for several tables in one snippet). */
  tabStops?: TabStops;
  /** Text of a figure cell that has no entry in `values`: default "" (plain) / "0" (snippet). */
  blank?: string;
}

/** One figure cell of a table, in layout order (left to right, top to bottom). */
export interface FigureCell { rowKey: string; columnKey: string }

export const valueKey = (rowKey: string, columnKey: string): string => `${rowKey}|${columnKey}`;

type Layout = 'T2' | 'T3' | 'T4';
const layoutOf = (spec: TableSpec): Layout => (spec.key === 'T3' ? 'T3' : spec.key === 'T4' ? 'T4' : 'T2');

/** Nesting depth of a row: 0 for top-level rows, 1 under a group, 2 under a group's child. */
export function rowDepth(spec: TableSpec, row: RowSpec): number {
  let depth = 0;
  let group = row.group;
  const seen = new Set<string>();
  while (group && !seen.has(group)) {
    seen.add(group);
    depth++;
    group = spec.rows.find((r) => r.key === group)?.group;
  }
  return depth;
}

/** The label cell of a row as rendered: U+3000 × depth, numbering, label ("　（一）予以公开"). */
export function rowLabel(spec: TableSpec, row: RowSpec): string {
  const indent = layoutOf(spec) === 'T3' ? '\u3000'.repeat(rowDepth(spec, row)) : '';
  return indent + row.numbering + row.label;
}

interface GridRow { label: string; cells: (FigureCell | null)[] }

/** Header labels (first = label column) and the body rows of the canonical layout. */
function grid(spec: TableSpec): { header: string[]; rows: GridRow[] } {
  const layout = layoutOf(spec);
  if (layout === 'T4') {
    const dataRow = spec.rows[0]?.key ?? 'data';
    return {
      header: [T4_LABEL_HEADER, ...T4_RESULTS.map((r) => r.label)],
      rows: T4_BLOCKS.map((b) => ({
        label: b.label,
        cells: T4_RESULTS.map((r) => ({ rowKey: dataRow, columnKey: `${b.key}.${r.key}` })),
      })),
    };
  }
  return {
    header: [layout === 'T3' ? T3_NOTE : T2_LABEL_HEADER, ...spec.columns.map((c) => c.label)],
    rows: spec.rows.map((r) => ({
      label: rowLabel(spec, r),
      cells: spec.columns.map((c) => (r.groupLabel ? null : { rowKey: r.key, columnKey: c.key })),
    })),
  };
}

/** The figure cells of a table in the order the canonical layout shows them (= tab stop order). */
export function figureCells(spec: TableSpec): FigureCell[] {
  return grid(spec).rows.flatMap((r) => r.cells.filter((c): c is FigureCell => c !== null));
}

/** Header labels of the canonical layout, label column first. */
export function headerLabels(spec: TableSpec): string[] {
  return grid(spec).header;
}

/** The table lines (no caption), without a final line end. */
export function renderTable(spec: TableSpec, values: ReadonlyMap<string, string>, opts: RenderTableOptions): string {
  return renderTableLines(spec, values, opts).join(opts.eol);
}

/** The table with its caption: for T2 sub-tables "第二十条第（X）项", a blank line, then the table. */
export function renderTableBlock(spec: TableSpec, values: ReadonlyMap<string, string>, opts: RenderTableOptions): string {
  const lines = renderTableLines(spec, values, opts);
  const caption = tableCaption(spec);
  if (caption) lines.unshift(opts.snippet ? escapeSnippet(caption) : caption, '');
  return lines.join(opts.eol);
}

/** "第二十条第（一）项" for T2 sub-tables, null for T3/T4. */
export function tableCaption(spec: TableSpec): string | null {
  return layoutOf(spec) === 'T2' && spec.item ? t2Caption(spec.item) : null;
}

export function renderTableLines(spec: TableSpec, values: ReadonlyMap<string, string>, opts: RenderTableOptions): string[] {
  const { header, rows } = grid(spec);
  const snippet = opts.snippet === true;
  const stops = opts.tabStops ?? new TabStops(opts.tabStart ?? 1);
  const blank = opts.blank ?? (snippet ? '0' : '');
  const literal = (text: string): LayoutCell => {
    const t = escapeCell(text);
    return snippet ? { text: t, raw: escapeSnippet(t) } : { text: t };
  };
  const aligns: Align[] = ['left', ...header.slice(1).map((): Align => 'right')];
  const marks: DelimiterMark[] = ['left', ...header.slice(1).map((): DelimiterMark => 'right')];
  const layoutRows: LayoutRow[] = [
    { kind: 'cells', cells: header.map(literal) },
    { kind: 'delimiter', marks },
    ...rows.map((r): LayoutRow => ({
      kind: 'cells',
      cells: [literal(r.label), ...r.cells.map((c): LayoutCell => {
        if (!c) return { text: '' };
        const v = escapeCell((values.get(valueKey(c.rowKey, c.columnKey)) ?? blank).trim());
        return snippet ? { text: v, raw: stops.placeholder(v) } : { text: v };
      })],
    })),
  ];
  return layoutTable(layoutRows, aligns, { pad: opts.fullWidth !== false });
}
