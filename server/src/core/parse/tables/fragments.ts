/**
 * Fragmented tables: a third party's Markdown extraction splits 表三 into a dozen small tables,
 * one per heading ("### （三）不予公开"), each headed by placeholders ("类别 | 数据1 … 数据6 | 总计"),
 * sometimes with a bogus header row in the last piece. Consecutive pieces separated only by blank
 * lines and such headings are read as one table: their header rows are dropped (the columns are
 * mapped by position), group headings between them become label rows, rows of "-" only (the
 * applicant-header fragments) carry nothing and are left out. Whether the position mapping fits
 * the standard is decided once the table is identified (see `fragmentFit`).
 */
import { matchSectionTitle } from '../sections';
import type { SourceText } from '../../text/source';
import { isGroupRow, matchRow } from './rows';
import type { Piece, RawRow } from './types';

/** At most this many lines between two pieces (blank lines and headings). */
const MAX_GAP = 6;
// Digits full-width too ("数据１", OCR or a full-width copy).
const PLACEHOLDER = /^(?:[（(]?数据(?:项目)?[\d０-９]*[)）]?|类别|项目|数量|总计|合计|-)$/;
const NUMBERED_PLACEHOLDER = /^数据[\d０-９]+$/;

export interface FragmentInfo {
  pieces: number;
  /** Value-column counts of the placeholder headers (cells after the label column). */
  placeholderWidths: number[];
  /** Whether every placeholder header ends with 总计. */
  totalLast: boolean;
  /** First and last source line of the whole run (dropped header rows included). */
  lines: [number, number];
}

function headerCells(p: Piece): string[] | null {
  if (p.shape !== 'markdown' || !p.headerCount) return null;
  return p.rows[0]!.cells.map((c) => c.text.replace(/\s/g, ''));
}

function isPlaceholderHeader(p: Piece): boolean {
  const cells = headerCells(p);
  return !!cells && cells.some((c) => NUMBERED_PLACEHOLDER.test(c)) && cells.every((c) => PLACEHOLDER.test(c));
}

const firstLine = (p: Piece) => p.rows[0]!.firstLine;
const lastLine = (p: Piece) => p.rows[p.rows.length - 1]!.lastLine;

/** The heading text of a gap line ("### （三）不予公开" → "（三）不予公开"), "" for a blank line, null otherwise. */
function gapLine(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  // A delimiter row left after a piece's last row.
  if (/^\|?[\s:|-]*-{3,}[\s:|-]*$/.test(t)) return '';
  if (!t.startsWith('#') || t.length > 100) return null;
  const title = t.replace(/^#+\s*/, '');
  // A section heading ("## 四、政府信息公开行政复议…") ends the run.
  const numbered = /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*(.*)$/.exec(title);
  if (numbered && matchSectionTitle(numbered[1]!).key !== null) return null;
  return title;
}

/** A group label between pieces ("三、本年度办理结果", "（三）不予公开") as a label-only row. */
function groupRow(src: SourceText, line: number, title: string): RawRow | null {
  const m = matchRow('T3', title);
  if (!m || !isGroupRow('T3', m.row.key, null)) return null;
  const l = src.line(line);
  const at = src.text.indexOf(title, l.start);
  const span = { start: at, end: at + title.length };
  return { cells: [{ text: title, start: span.start, end: span.end }], span, firstLine: line, lastLine: line };
}

const isDashRow = (r: RawRow) => r.cells.every((c) => c.text === '' || /^[-—–]$/.test(c.text) || /^[（(]数据项目[)）]$/.test(c.text));

/**
 * Joins runs of Markdown pieces that are fragments of one table. A run needs at least two pieces
 * with numbered placeholder headers; other pieces pass through unchanged.
 */
export function joinFragments(src: SourceText, pieces: Piece[]): { pieces: Piece[]; info: Map<Piece, FragmentInfo> } {
  const info = new Map<Piece, FragmentInfo>();
  const md = pieces.filter((p) => p.shape === 'markdown' && p.rows.length).sort((a, b) => firstLine(a) - firstLine(b));
  if (md.filter(isPlaceholderHeader).length < 2) return { pieces, info };
  const joined = new Set<Piece>();
  const out: Piece[] = [];
  for (let i = 0; i < md.length;) {
    let j = i;
    const gaps: { line: number; title: string }[][] = [];
    while (j + 1 < md.length) {
      const from = lastLine(md[j]!) + 1;
      const to = firstLine(md[j + 1]!);
      if (to - from > MAX_GAP) break;
      const gap: { line: number; title: string }[] = [];
      let ok = true;
      for (let k = from; k < to && ok; k++) {
        const g = gapLine(src.lineText(k));
        if (g === null) ok = false; else if (g) gap.push({ line: k, title: g });
      }
      if (!ok) break;
      gaps.push(gap);
      j++;
    }
    const run = md.slice(i, j + 1);
    const placeholders = run.filter(isPlaceholderHeader);
    if (run.length >= 2 && placeholders.length >= 2) {
      const rows: RawRow[] = [];
      run.forEach((p, k) => {
        if (k > 0) for (const g of gaps[k - 1]!) { const r = groupRow(src, g.line, g.title); if (r) rows.push(r); }
        for (const r of p.rows.slice(p.headerCount ?? 0)) if (!isDashRow(r)) rows.push(r);
        joined.add(p);
      });
      if (rows.length) {
        const piece: Piece = { shape: 'markdown', rows, grid: true, headerCount: 0 };
        info.set(piece, {
          pieces: run.length,
          placeholderWidths: placeholders.map((p) => headerCells(p)!.length - 1),
          totalLast: placeholders.every((p) => { const c = headerCells(p)!; return c[c.length - 1] === '总计'; }),
          lines: [firstLine(run[0]!), lastLine(run[run.length - 1]!)],
        });
        out.push(piece);
      }
    }
    i = j + 1;
  }
  return { pieces: [...pieces.filter((p) => !joined.has(p)), ...out], info };
}
