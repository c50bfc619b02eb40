/**
 * Test-only stand-in for the table reader, for the canonical Markdown layout only (what the
 * renderer writes, as in test/fixtures/pairs/). Lets the text and cross-report rules be tested
 * on real cell spans independently of parse/tables. Not used by the product.
 */
import type { Cell, ReportModel, Row, Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { tableSpec } from '../../server/src/core/standard/versions';
import type { TableKey } from '../../server/src/core/standard/types';
import { parseCell } from '../../server/src/core/text/numbers';
import type { Span } from '../../server/src/core/text/source';

interface MdCell { text: string; span: Span }

function splitRow(line: string, start: number): MdCell[] {
  const out: MdCell[] = [];
  let i = line.indexOf('|');
  while (i >= 0) {
    const j = line.indexOf('|', i + 1);
    if (j < 0) break;
    const raw = line.slice(i + 1, j);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const s = start + i + 1 + lead;
    out.push({ text, span: { start: s, end: s + text.length } });
    i = j;
  }
  return out;
}

const T4_BLOCK: Record<string, string> = { 行政复议: 'review', '行政诉讼·未经复议直接起诉': 'direct', '行政诉讼·复议后起诉': 'afterReview' };
const T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];

export function parseWithMarkdownTables(text: string): ReportModel {
  const model = parseReport(text);
  if (model.tables.some((t) => t.readable && t.rows.length)) return model; // the real reader is there
  const src = model.source;
  const tables: Table[] = [];
  let i = 0;
  while (i < src.lines.length) {
    if (!src.lines[i]!.text.trim().startsWith('|')) { i++; continue; }
    const first = i;
    while (i < src.lines.length && src.lines[i]!.text.trim().startsWith('|')) i++;
    const lines = src.lines.slice(first, i);
    const header = splitRow(lines[0]!.text, lines[0]!.start);
    let key: TableKey | null = null;
    if (header[0]!.text.includes('勾稽关系')) key = 'T3';
    else if (header[0]!.text === '类别') key = 'T4';
    else if (header[0]!.text === '信息内容') {
      let k = first - 1;
      while (k >= 0 && !src.lines[k]!.text.trim()) k--;
      const m = /第（([一五六八九])）项/.exec(src.lines[k]?.text ?? '');
      key = m ? (`T2.${({ 一: 1, 五: 5, 六: 6, 八: 8, 九: 9 } as Record<string, number>)[m[1]!]}` as TableKey) : null;
    }
    if (!key) continue;
    const spec = tableSpec('2021', key)!;
    const rows: Row[] = [];
    for (const line of lines.slice(2)) {
      const cells = splitRow(line.text, line.start);
      const label = cells[0]!;
      let rowKey: string | null;
      let columns: string[];
      if (key === 'T4') {
        const b = T4_BLOCK[label.text];
        rowKey = b ? 'data' : null;
        columns = T4_COLS.map((c) => `${b}.${c}`);
      } else {
        const l = label.text.replace(/^\u3000+/, '');
        rowKey = spec.rows.find((r) => r.numbering + r.label === l || r.label === l)?.key ?? null;
        columns = spec.columns.map((c) => c.key);
      }
      const values: Cell[] = cells.slice(1).map((c, k) => ({ column: columns[k] ?? null, text: c.text, span: c.span, value: parseCell(c.text) }));
      rows.push({
        key: rowKey, label: label.text, labelSpan: label.span, match: 'exact',
        span: { start: line.start, end: line.end }, cells: values, expectedCells: columns.length,
      });
    }
    const span = { start: lines[0]!.start, end: lines[lines.length - 1]!.end };
    tables.push({
      key, version: '2021', shape: 'markdown', span, caption: null, headerSpan: { start: lines[0]!.start, end: lines[1]!.end },
      columns: key === 'T4' ? [] : spec.columns.map((c) => c.key), rows, readable: true,
    });
  }
  model.tables = tables;
  model.tableSpans = tables.map((t) => t.span);
  for (const t of tables) model.sections.find((s) => t.span.start >= s.span.start && t.span.start < s.span.end)?.tables.push(t);
  return model;
}
