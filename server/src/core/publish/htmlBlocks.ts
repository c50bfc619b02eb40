/**
 * Reads the blocks of simple, well-formed HTML such as mammoth writes from a .docx: headings,
 * paragraphs, list items and tables (with colspan / rowspan expanded into a grid). Linear, never
 * throws; nested tables are flattened into the outer cell's text. Pure.
 */
import { runsMarkdown, type PubRun } from './inline';

export type HtmlBlock =
  /**
   * `markdown`: the text with its emphasis as ** / * (only when it has some); `list`: the list the
   * item belongs to (ordered or not) and its number in it (1-based).
   */
  | { kind: 'text'; text: string; tag: string; markdown?: string; list?: { ordered: boolean; number: number } }
  /** `headerRows`: leading rows of header cells only (<th>: Word's repeating header rows), when any. */
  | { kind: 'table'; grid: string[][]; headerRows?: number };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const attrNumber = (attrs: string, name: string): number => {
  const m = new RegExp(`\\b${name}\\s*=\\s*"?(\\d+)`, 'i').exec(attrs);
  const n = m ? parseInt(m[1]!, 10) : 1;
  return n >= 1 && n <= 1000 ? n : 1;
};

interface RawCell { text: string; colSpan: number; rowSpan: number; th?: boolean }

/** Expands spans: every grid slot a merged cell covers holds its text. */
export function expandGrid(rows: RawCell[][]): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![c + dc] = cell.text;
      }
      c += cell.colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  return grid.map((g) => Array.from({ length: width }, (_, i) => g[i] ?? ''));
}

const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li']);
const BOLD_TAGS = new Set(['strong', 'b']);
const ITALIC_TAGS = new Set(['em', 'i']);

/** Emphasis of a paragraph as Markdown; none when the whole paragraph is bold (a heading's look, not emphasis). */
function emphasisMarkdown(runs: PubRun[]): string | undefined {
  const merged: PubRun[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += r.text;
    else merged.push({ ...r });
  }
  const text = merged.map((r) => r.text).join('');
  const trimmed = merged.filter((r) => r.text.trim() !== '');
  if (!trimmed.some((r) => r.bold || r.italic)) return undefined;
  if (trimmed.length === 1) return undefined;
  const md = runsMarkdown(merged).replace(/[\r\n]+/g, ' ').trim();
  return md === text.trim() ? undefined : md;
}

export function htmlBlocks(html: string): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  let tableDepth = 0;
  let rows: RawCell[][] = [];
  let cell: RawCell | null = null;
  let block: { tag: string; text: string; runs: PubRun[] } | null = null;
  let bold = 0;
  let italic = 0;
  const lists: { ordered: boolean; count: number }[] = [];
  let m: RegExpExecArray | null;
  const addText = (t: string) => {
    if (cell) cell.text += t;
    else if (block) {
      block.text += t;
      block.runs.push({ text: t, ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italic: true } : {}) });
    }
  };
  while ((m = re.exec(html)) !== null) {
    if (m[4] !== undefined) { addText(decodeEntities(m[4])); continue; }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'table') {
      if (!closing) {
        tableDepth++;
        if (tableDepth === 1) { rows = []; cell = null; block = null; }
      } else if (tableDepth > 0) {
        tableDepth--;
        if (tableDepth === 0) {
          let headerRows = 0;
          while (headerRows < rows.length && rows[headerRows]!.length > 0 && rows[headerRows]!.every((c) => c.th)) headerRows++;
          out.push({ kind: 'table', grid: expandGrid(rows), ...(headerRows > 0 ? { headerRows } : {}) });
          cell = null;
        }
      }
      continue;
    }
    if (tableDepth === 1) {
      if (tag === 'tr' && !closing) rows.push([]);
      else if ((tag === 'td' || tag === 'th') && !closing) {
        if (rows.length === 0) rows.push([]);
        cell = { text: '', colSpan: attrNumber(attrs, 'colspan'), rowSpan: attrNumber(attrs, 'rowspan'), ...(tag === 'th' ? { th: true } : {}) };
        rows[rows.length - 1]!.push(cell);
      } else if ((tag === 'td' || tag === 'th') && closing) {
        if (cell) cell.text = cell.text.replace(/\s+/g, ' ').trim();
        cell = null;
      } else if ((tag === 'p' || tag === 'br') && cell && cell.text) cell.text += tag === 'br' ? ' ' : '';
      continue;
    }
    if (tableDepth > 1) { if (tag === 'br' || tag === 'p') addText(' '); continue; }
    if (tag === 'ul' || tag === 'ol') {
      if (!closing) lists.push({ ordered: tag === 'ol', count: 0 });
      else lists.pop();
    } else if (BLOCK_TAGS.has(tag)) {
      if (!closing) {
        block = { tag, text: '', runs: [] };
        if (tag === 'li' && lists.length) lists[lists.length - 1]!.count++;
      } else if (block) {
        const text = block.text.replace(/[\r\n]+/g, ' ').trim();
        const list = block.tag === 'li' && lists.length ? { ordered: lists[lists.length - 1]!.ordered, number: lists[lists.length - 1]!.count } : undefined;
        const markdown = /^h\d$/.test(block.tag) ? undefined : emphasisMarkdown(block.runs);
        if (text) out.push({ kind: 'text', text, tag: block.tag, ...(markdown ? { markdown } : {}), ...(list ? { list } : {}) });
        block = null;
      }
    } else if (BOLD_TAGS.has(tag)) bold = Math.max(0, bold + (closing ? -1 : 1));
    else if (ITALIC_TAGS.has(tag)) italic = Math.max(0, italic + (closing ? -1 : 1));
    else if (tag === 'br') addText('\n');
  }
  return out;
}
