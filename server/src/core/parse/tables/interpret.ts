/**
 * From raw rows (cells with spans) to a model Table: which rows are header, which standard row
 * each data row is, which cells hold its values. Shared by the Markdown, tab-separated and
 * one-cell-per-line shapes; space-aligned text has its own row assembly (spaceAligned.ts).
 */
import type { Cell, Row, Table, TableShape } from '../../model/types';
import { FORMAT_2019, FORMAT_2021, tableSpec } from '../../standard/versions';
import type { ColumnSpec, TableKey, TableSpec, VersionId } from '../../standard/types';
import { labelKey } from '../../text/normalize';
import { parseCell } from '../../text/numbers';
import type { Span } from '../../text/source';
import type { RawCell } from './cells';
import { matchRow, t2TableOfLabel, type LabelHit } from './labels';
import { T4_BLOCKS } from '../../standard/t4';

const T3_HEADER_WORDS = /勾稽关系|申请人情况|^自然人$|法人或其他组织|^商业\s*企业$/;

export interface RawRow { cells: RawCell[]; span: Span }

export const isNumberish = (text: string) => {
  const v = parseCell(text);
  return v.kind === 'number' || v.kind === 'blank' || v.kind === 'placeholder';
};

/** Column keys named by header cells, and the version those names belong to. */
export function matchColumns(key: TableKey, headers: string[]): { version: VersionId | null; columns: string[] } {
  let best: { version: VersionId | null; columns: string[]; score: number } = { version: null, columns: [], score: 0 };
  for (const f of [FORMAT_2021, FORMAT_2019]) {
    const spec = f.tables.find((t) => t.key === key);
    if (!spec) continue;
    const columns: string[] = [];
    for (const h of headers) {
      const c = findColumn(spec.columns, h);
      if (c) columns.push(c.key);
    }
    if (columns.length > best.score) best = { version: f.version, columns, score: columns.length };
  }
  return { version: best.version, columns: best.columns };
}

function findColumn(columns: ColumnSpec[], header: string): ColumnSpec | undefined {
  const k = labelKey(header);
  if (!k) return undefined;
  return columns.find((c) => labelKey(c.label) === k || c.aliases.some((a) => labelKey(a) === k))
    ?? columns.find((c) => k.startsWith(labelKey(c.label).replace(/\(.*$/, '')) && labelKey(c.label).length > 3);
}

export interface Interpretation {
  key: TableKey;
  version: VersionId | null;
  headerSpan: Span | null;
  columns: string[];
  rows: Row[];
}

/** Which standard table a Markdown block is, from its header and labels. */
export function identifyBlock(rows: RawRow[], captionKey: TableKey | null): TableKey | null {
  if (captionKey) return captionKey;
  const texts = rows.flatMap((r) => r.cells.map((c) => c.text)).filter(Boolean);
  if (texts.some((t) => t.includes('勾稽关系'))) return 'T3';
  if (texts.some((t) => matchRow('T3', t, null) && !['其他', '总计'].includes(t))) return 'T3';
  const t4Words = texts.filter((t) => /行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持/.test(t)).length;
  if (t4Words >= 2) return 'T4';
  for (const t of texts) {
    const k = t2TableOfLabel(t);
    if (k) return k;
  }
  return null;
}

const emptyAt = (at: number): Span => ({ start: at, end: at });

/**
 * Interprets tab-separated, one-cell-per-line or Markdown rows of table `key`. In the pasted
 * shapes, value cells are right-aligned to the table's columns: they are the cells after the
 * row's label, at most `n` of them, the last ones.
 */
export function interpretRows(key: TableKey, raw: RawRow[], shape: TableShape): Interpretation {
  const both = [tableSpec('2021', key), tableSpec('2019', key)].filter((s): s is TableSpec => !!s);
  if (key === 'T4') return interpretT4(raw, both[0]!);
  // Header: rows before the first row whose label names a standard row.
  let group: string | null = null;
  const matched: { raw: RawRow; hit: LabelHit | null; labelIndex: number }[] = [];
  let headerEnd = -1;
  let headerCells: string[] = [];
  let seenData = false;
  for (let r = 0; r < raw.length; r++) {
    const row = raw[r]!;
    // 表三's header ("申请人情况", "自然人", "总计"…) must not be read as its "（七）总计" row.
    const isHeader = !seenData && key === 'T3' && row.cells.some((c) => T3_HEADER_WORDS.test(c.text));
    const { hit, index } = isHeader ? { hit: null, index: 0 } : findLabel(key, row.cells, group, shape);
    if (hit) {
      seenData = true;
      if (hit.row.groupLabel) group = hit.row.key;
      else if (hit.row.group && hit.row.group !== 'results') group = hit.row.group;
      matched.push({ raw: row, hit, labelIndex: index });
      continue;
    }
    if (!seenData) {
      headerEnd = r;
      const cells = row.cells.map((c) => c.text).filter(Boolean);
      if (cells.some((c) => /^信息内容/.test(c)) || key === 'T3') headerCells = [...headerCells, ...cells];
      continue;
    }
    // After the data started: an unknown labelled row is kept (rules may name it); all-blank rows are not.
    if (row.cells.some((c) => c.text && !isNumberish(c.text))) matched.push({ raw: row, hit: null, labelIndex: firstText(row.cells) });
  }

  let version: VersionId | null = null;
  let columns: string[] = [];
  if (key === 'T3') {
    const keys = new Set(matched.map((m) => m.hit?.row.key));
    version = [...keys].some((k) => k?.startsWith('other.')) ? '2021' : keys.has('other') ? '2019' : null;
  } else {
    const cm = matchColumns(key, headerCells.filter((h) => !/^信息内容/.test(h)));
    version = cm.version;
    columns = cm.columns;
    if (!version) {
      // No readable header: the rows' labels may still tell (规范性文件 vs 行政规范性文件).
      const exact = matched.map((m) => m.hit).filter((h) => h?.match === 'exact');
      if (exact.length && both.length > 1) {
        const in2019 = exact.every((h) => tableSpec('2019', key)!.rows.some((r) => r.key === h!.row.key && r.label === h!.row.label));
        const in2021 = exact.every((h) => tableSpec('2021', key)?.rows.some((r) => r.key === h!.row.key && r.label === h!.row.label));
        if (in2019 !== in2021) version = in2019 ? '2019' : '2021';
      }
    }
  }
  const spec = (version ? tableSpec(version, key) : undefined) ?? both[0]!;
  if (key === 'T3') columns = raw.slice(0, headerEnd + 1).length ? spec.columns.map((c) => c.key) : [];
  const colKeys = columns.length === spec.columns.length ? columns : spec.columns.map((c) => c.key);
  const n = colKeys.length;

  const rows: Row[] = [];
  for (const m of matched) {
    const specRow = m.hit ? spec.rows.find((r) => r.key === m.hit!.row.key) ?? m.hit.row : null;
    const labelCell = m.raw.cells[m.labelIndex];
    const after = m.raw.cells.slice(m.labelIndex + 1);
    // Markdown keeps every cell in its column; pasted rows right-align to the value columns.
    let values = shape === 'markdown' ? after.slice(0, Math.max(n, after.length)) : after.length > n ? after.slice(after.length - n) : after;
    if (shape !== 'markdown' && after.length > n && after.slice(0, after.length - n).some((c) => c.text)) values = after;
    const group = specRow?.groupLabel === true;
    const offset = shape === 'markdown' ? 0 : Math.max(0, n - values.length);
    const cells: Cell[] = group && values.every((c) => !c.text) ? [] : values.map((c, k) => ({
      column: colKeys[k + offset] ?? null,
      text: c.text,
      span: c.span,
      value: parseCell(c.text),
    }));
    rows.push({
      key: specRow?.key ?? null,
      label: m.raw.cells.slice(0, m.labelIndex + 1).map((c) => c.text).filter(Boolean).join(' '),
      labelSpan: labelCell ? labelCell.span : null,
      match: m.hit?.match ?? null,
      span: m.raw.span,
      cells,
      expectedCells: group ? 0 : n,
    });
  }
  const headerRows = raw.slice(0, headerEnd + 1).filter((r) => r.cells.some((c) => c.text));
  const headerSpan = headerRows.length ? { start: headerRows[0]!.span.start, end: headerRows[headerRows.length - 1]!.span.end } : null;
  return { key, version, headerSpan, columns, rows };
}

function firstText(cells: RawCell[]): number {
  const i = cells.findIndex((c) => c.text);
  return i < 0 ? 0 : i;
}

/** The rightmost cell naming a standard row (sub-row labels sit right of their group's). */
function findLabel(key: TableKey, cells: RawCell[], group: string | null, shape: TableShape): { hit: LabelHit | null; index: number } {
  if (shape === 'markdown') {
    const i = firstText(cells);
    const c = cells[i];
    return { hit: c && i === 0 ? matchRow(key, c.text, group) : c ? matchRow(key, c.text, group) : null, index: i };
  }
  let groupHit: { hit: LabelHit; index: number } | null = null;
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i]!;
    if (!c.text || isNumberish(c.text)) continue;
    // A group label left of the row's own label sets the group first ("(六) 其他处理 | 3.其他").
    const ownGroup = groupFromLeft(key, cells, i, group);
    const hit = matchRow(key, c.text, ownGroup);
    if (hit && !hit.row.groupLabel) return { hit, index: i };
    if (hit && !groupHit) groupHit = { hit, index: i };
  }
  return groupHit ?? { hit: null, index: 0 };
}

function groupFromLeft(key: TableKey, cells: RawCell[], before: number, group: string | null): string | null {
  for (let i = before - 1; i >= 0; i--) {
    const t = cells[i]!.text;
    if (!t) continue;
    const h = matchRow(key, t, null);
    if (h?.row.groupLabel) return h.row.key;
  }
  return group;
}

/**
 * 表四: a data row of fifteen numbers (or blanks) after the header, or the readable layout of
 * three rows (行政复议 / 未经复议直接起诉 / 复议后起诉) of five.
 */
function interpretT4(raw: RawRow[], spec: TableSpec): Interpretation {
  const keys = spec.columns.map((c) => c.key);
  const rows: Row[] = [];
  let headerEnd = raw.length - 1;
  for (let r = 0; r < raw.length; r++) {
    const row = raw[r]!;
    const cells = row.cells;
    const block = blockOf(cells);
    if (block) {
      const values = cells.slice(block.index + 1).filter((c, k, all) => k < 5 || c.text);
      if (values.length <= 6 && values.every((c) => isNumberish(c.text))) {
        if (!rows.length) headerEnd = r - 1;
        rows.push({
          key: 'data', label: cells[block.index]!.text, labelSpan: cells[block.index]!.span, match: 'exact', span: row.span,
          cells: values.slice(0, 5).map((c, k) => ({ column: `${block.key}.${keys[k]!.split('.')[1]}`, text: c.text, span: c.span, value: parseCell(c.text) })),
          expectedCells: 5,
        });
        continue;
      }
    }
    if (cells.length >= 15 && cells.every((c) => isNumberish(c.text))) {
      const values = cells.slice(cells.length - 15);
      if (!rows.length) headerEnd = r - 1;
      rows.push({
        key: 'data', label: '', labelSpan: null, match: 'exact', span: row.span,
        cells: values.map((c, k) => ({ column: keys[k]!, text: c.text, span: c.span, value: parseCell(c.text) })),
        expectedCells: 15,
      });
    }
  }
  const headerRows = raw.slice(0, headerEnd + 1).filter((r) => r.cells.some((c) => c.text && !isNumberish(c.text)));
  const headerSpan = headerRows.length ? { start: headerRows[0]!.span.start, end: headerRows[headerRows.length - 1]!.span.end } : null;
  return { key: 'T4', version: null, headerSpan, columns: headerRows.length ? keys : [], rows };
}

const BLOCK_LABELS = T4_BLOCKS.map((b) => ({ key: b.key, words: b.label.split('·').map(labelKey) }));

function blockOf(cells: RawCell[]): { key: string; index: number } | null {
  for (let i = 0; i < Math.min(cells.length, 3); i++) {
    const k = labelKey(cells[i]!.text).replace(/[·・.]/g, '');
    if (!k) continue;
    for (const b of BLOCK_LABELS) {
      const last = b.words[b.words.length - 1]!;
      if (k === b.words.join('') || k === last) return { key: b.key, index: i };
    }
  }
  return null;
}

export function buildTable(shape: TableShape, span: Span, caption: Table['caption'], it: Interpretation | null, readable = true): Table {
  return {
    key: it?.key ?? null,
    version: it?.version ?? null,
    shape,
    span,
    caption,
    headerSpan: it?.headerSpan ?? null,
    columns: it?.columns ?? [],
    rows: it?.rows ?? [],
    readable,
  };
}
