/**
 * Space-aligned tables from PDF text (huaian-2024): columns are runs of spaces, page numbers
 * interrupt the table, and long labels wrap onto the lines above and below their numbers. A row
 * is a line ending in numbers; its label is its own text, or that text joined with the wrapped
 * fragments around it at the same indentation — whichever combination names a standard row.
 */
import type { Cell, Row } from '../../model/types';
import { tableSpec } from '../../standard/versions';
import type { TableKey, TableSpec, VersionId } from '../../standard/types';
import { parseCell } from '../../text/numbers';
import type { LineInfo, SourceText, Span } from '../../text/source';
import { splitNumericTail, splitSpaces, type RawCell } from './cells';
import { matchColumns, type Interpretation } from './interpret';
import { matchRow, type LabelHit } from './labels';
import { isBlank, isPageNumber } from './regions';

interface Fragment { text: string; col: number; span: Span }
interface Line { info: LineInfo; label: RawCell[]; numbers: RawCell[] }

/** How far (in characters) a wrapped fragment may sit from its row's label column. */
const COLUMN_SLACK = 3;
/** Most fragments joined on either side of a numbers line. */
const MAX_WRAP = 2;

export function interpretSpaceAligned(src: SourceText, key: TableKey, first: number, last: number): Interpretation {
  const lines: Line[] = [];
  for (let i = first; i <= last; i++) {
    const info = src.lines[i]!;
    if (isBlank(info) || isPageNumber(info)) continue;
    const { label, numbers } = splitNumericTail(info);
    lines.push({ info, label, numbers });
  }
  const numeric = (l: Line) => l.numbers.length > 0 && (l.label.length > 0 || l.numbers.length >= 2 || key.startsWith('T2'));
  const fragmentsOf = (l: Line): Fragment[] => (numeric(l) ? [] : splitSpaces(l.info).map((c) => ({ text: c.text, col: c.span.start - l.info.start, span: c.span })));

  if (key === 'T4') return t4(src, lines, numeric);

  // Version and columns from the header (T2), or from the rows found (T3).
  const headerLines = lines.slice(0, Math.max(0, lines.findIndex(numeric)));
  const headerCells = headerLines.flatMap((l) => splitSpaces(l.info).map((c) => c.text));
  let version: VersionId | null = null;
  let columns: string[] = [];
  if (key !== 'T3') {
    const m = matchColumns(key, headerCells.filter((h) => !/^信息内容/.test(h)));
    version = m.version;
    columns = m.columns;
  }

  const found: { hit: LabelHit | null; label: string; labelSpan: Span | null; line: Line; span: Span }[] = [];
  let group: string | null = null;
  lines.forEach((l, idx) => {
    if (!numeric(l)) return;
    const own = l.label;
    const ownCol = own.length ? own[own.length - 1]!.span.start - l.info.start : null;
    const near = (f: Fragment) => ownCol === null || Math.abs(f.col - ownCol) <= COLUMN_SLACK;
    const up: Fragment[] = [];
    for (let k = idx - 1; k >= 0 && !numeric(lines[k]!) && up.length < MAX_WRAP; k--) {
      const fr = fragmentsOf(lines[k]!).filter(near);
      if (fr.length) up.push(fr[fr.length - 1]!);
    }
    const down: Fragment[] = [];
    for (let k = idx + 1; k < lines.length && !numeric(lines[k]!) && down.length < MAX_WRAP; k++) {
      const fr = fragmentsOf(lines[k]!).filter(near);
      if (fr.length) down.push(fr[fr.length - 1]!);
    }
    let best: { hit: LabelHit; text: string; span: Span } | null = null;
    // Own segments first (rightmost first), then wrapped combinations, fewest fragments first.
    for (let s = own.length - 1; s >= 0 && !best; s--) {
      const hit = matchRow(key, own[s]!.text, group);
      if (hit && !hit.row.groupLabel) best = { hit, text: own[s]!.text, span: own[s]!.span };
    }
    const ownLast = own[own.length - 1];
    for (let total = 1; total <= MAX_WRAP * 2 && !best; total++) {
      for (let a = 0; a <= Math.min(total, up.length) && !best; a++) {
        const b = total - a;
        if (b > down.length) continue;
        const parts = [...up.slice(0, a).reverse(), ...(ownLast ? [ownLast] : []), ...down.slice(0, b)];
        const text = parts.map((p) => p.text).join('');
        const hit = matchRow(key, text, group);
        if (hit && !hit.row.groupLabel) {
          best = { hit, text, span: { start: parts[0]!.span.start, end: parts[parts.length - 1]!.span.end } };
        }
      }
    }
    if (best) {
      if (best.hit.row.group && best.hit.row.group !== 'results') group = best.hit.row.group;
      found.push({ hit: best.hit, label: best.text, labelSpan: best.span, line: l, span: { start: Math.min(best.span.start, l.info.start), end: Math.max(best.span.end, l.info.end) } });
    } else if (own.length) {
      found.push({ hit: null, label: own.map((c) => c.text).join(' '), labelSpan: own[own.length - 1]!.span, line: l, span: { start: l.info.start, end: l.info.end } });
    }
  });

  if (key === 'T3') {
    const keys = new Set(found.map((f) => f.hit?.row.key));
    version = [...keys].some((k) => k?.startsWith('other.')) ? '2021' : keys.has('other') ? '2019' : null;
  }
  const spec: TableSpec = (version ? tableSpec(version, key) : undefined) ?? tableSpec('2021', key) ?? tableSpec('2019', key)!;
  const colKeys = columns.length === spec.columns.length ? columns : spec.columns.map((c) => c.key);
  const n = colKeys.length;
  const rows: Row[] = found.map((f) => {
    const nums = f.line.numbers.length > n ? f.line.numbers.slice(f.line.numbers.length - n) : f.line.numbers;
    const offset = n - nums.length;
    const cells: Cell[] = nums.map((c, k) => ({ column: colKeys[k + offset] ?? null, text: c.text, span: c.span, value: parseCell(c.text) }));
    const specRow = f.hit ? spec.rows.find((r) => r.key === f.hit!.row.key) : undefined;
    return {
      key: specRow?.key ?? f.hit?.row.key ?? null,
      label: f.label, labelSpan: f.labelSpan, match: f.hit?.match ?? null,
      span: f.span, cells, expectedCells: n,
    };
  });
  const headerSpan = headerLines.length ? { start: headerLines[0]!.info.start, end: headerLines[headerLines.length - 1]!.info.end } : null;
  return { key, version, headerSpan, columns: key === 'T3' ? (headerSpan ? colKeys : []) : columns, rows };
}

function t4(src: SourceText, lines: Line[], numeric: (l: Line) => boolean): Interpretation {
  const spec = tableSpec('2021', 'T4')!;
  const keys = spec.columns.map((c) => c.key);
  const dataIdx = lines.findIndex((l) => numeric(l) && l.numbers.length >= 15);
  const rows: Row[] = [];
  if (dataIdx >= 0) {
    const l = lines[dataIdx]!;
    const nums = l.numbers.slice(l.numbers.length - 15);
    rows.push({
      key: 'data', label: '', labelSpan: null, match: 'exact', span: { start: l.info.start, end: l.info.end },
      cells: nums.map((c, k) => ({ column: keys[k]!, text: c.text, span: c.span, value: parseCell(c.text) })),
      expectedCells: 15,
    });
  }
  const header = lines.slice(0, dataIdx >= 0 ? dataIdx : lines.length);
  void src;
  const headerSpan = header.length ? { start: header[0]!.info.start, end: header[header.length - 1]!.info.end } : null;
  return { key: 'T4', version: null, headerSpan, columns: headerSpan ? keys : [], rows };
}
