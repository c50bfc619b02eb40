/**
 * Where tables are. Markdown tables delimit themselves (consecutive pipe lines). Pasted tables
 * are found from anchors — a "第二十条第（X）项" caption, a 信息内容 header, 表三's note or first
 * row, 表四's 行政复议 header — and run until the next anchor, a real section heading, or prose.
 */
import type { TableKey } from '../../standard/types';
import type { LineInfo, SourceText } from '../../text/source';
import { parseHeadingLine } from '../headings';
import { isTableRowTitle, matchSectionTitle } from '../sections';
import { isT3RowLabel, t2TableOfLabel } from './labels';

export type Anchor = { kind: 'T2'; key: TableKey | null; caption: LineInfo | null } | { kind: 'T3' } | { kind: 'T4' };

export interface Region { anchor: Anchor; first: number; last: number }

/** Lines longer than this are never part of a table (keeps pathological input linear). */
export const MAX_TABLE_LINE = 10000;

const CAPTION_RE = /^第二十条\s*第\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*项/;
const ITEM_TO_KEY: Record<string, TableKey> = { 一: 'T2.1', 五: 'T2.5', 六: 'T2.6', 八: 'T2.8', 九: 'T2.9' };

export const isPipeLine = (line: LineInfo) => line.text.length < MAX_TABLE_LINE && /^\s*\|/.test(line.text);
export const isBlank = (line: LineInfo) => line.text.trim() === '';
/** PDF page numbers: "-4-", "— 4 —". */
export const isPageNumber = (line: LineInfo) => /^\s*[-－—–]\s*\d{1,4}\s*[-－—–]\s*$/.test(line.text);

export function captionKey(text: string): { key: TableKey | null } | null {
  const m = CAPTION_RE.exec(text.trim());
  return m ? { key: ITEM_TO_KEY[m[1]!] ?? null } : null;
}

function firstSegment(text: string): string {
  return text.trim().split(/\t|[ \u3000]{2,}/)[0] ?? '';
}

/** Anchor starting at this line, if any (pipe lines excluded: Markdown is handled apart). */
export function anchorAt(src: SourceText, i: number): Anchor | null {
  const line = src.lines[i]!;
  if (line.text.length >= MAX_TABLE_LINE || isPipeLine(line)) return null;
  const t = line.text.trim();
  if (!t || t.length > 200) return null;
  const cap = captionKey(t);
  if (cap) return { kind: 'T2', key: cap.key, caption: line };
  if (t.includes('勾稽关系') || /^申请人情况$/.test(t)) return { kind: 'T3' };
  const first = firstSegment(t);
  if (/^信息内容/.test(first)) return { kind: 'T2', key: null, caption: null };
  if (/^一[、.．,，]?\s*本年新收政府信息公开申请数量/.test(first) && isT3RowLabel(first)) return { kind: 'T3' };
  if (/^行政复议/.test(t) && !/[。；]/.test(t) && t.length < 120 && mentionsSuit(src, i)) return { kind: 'T4' };
  return null;
}

function mentionsSuit(src: SourceText, i: number): boolean {
  let seen = 0;
  for (let j = i; j < src.lines.length && seen < 4; j++) {
    const t = src.lines[j]!.text;
    if (!t.trim()) continue;
    seen++;
    if (/行政诉讼|结果\s*维持|尚未\s*审结/.test(t)) return true;
  }
  return false;
}

/** A line that ends a pasted table: a real section heading, or a sentence of prose. */
export function endsTable(line: LineInfo): boolean {
  const t = line.text.trim();
  if (!t) return false;
  if (line.text.length >= MAX_TABLE_LINE) return true;
  const h = parseHeadingLine(line);
  if (h && h.level === 1 && h.title && !isTableRowTitle(h.title) && matchSectionTitle(h.title).key !== null) return true;
  // Prose: a full stop outside any cell structure.
  if (/[。]/.test(t) && !/\t/.test(line.text) && !/\d\s*$/.test(t)) return true;
  return false;
}

/** Pasted-table regions, in order. `skip(i)` marks lines already taken (Markdown tables). */
export function findRegions(src: SourceText, skip: (i: number) => boolean): Region[] {
  const out: Region[] = [];
  const n = src.lines.length;
  let i = 0;
  while (i < n) {
    const anchor = skip(i) ? null : anchorAt(src, i);
    if (!anchor) { i++; continue; }
    // A caption's table gets its 信息内容 header next; 表三's note, 申请人情况 and first row all
    // mark the same table, as do 表四's header lines.
    let t2Header = anchor.kind === 'T2' && !anchor.caption;
    let last = i;
    for (let j = i + 1; j < n; j++) {
      if (skip(j)) break;
      const line = src.lines[j]!;
      const next = anchorAt(src, j);
      if (next) {
        const sameTable = (next.kind === anchor.kind && anchor.kind !== 'T2')
          || (anchor.kind === 'T2' && next.kind === 'T2' && !next.caption && !t2Header);
        if (!sameTable) break;
        if (next.kind === 'T2') t2Header = true;
      } else if (endsTable(line)) break;
      // A tab-only line is a blank cell of a one-cell-per-line table, not a gap.
      if (!isBlank(line) || line.text.includes("\t")) last = j;
    }
    out.push({ anchor, first: i, last });
    i = last + 1;
  }
  return out;
}

export { t2TableOfLabel };
