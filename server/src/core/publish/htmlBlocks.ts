/**
 * Reads the blocks of simple, well-formed HTML such as mammoth writes from a .docx: headings,
 * paragraphs, list items and tables (with colspan / rowspan expanded into a grid). Linear, never
 * throws; nested tables are flattened into the outer cell's text. Pure.
 */
export type HtmlBlock =
  | { kind: 'text'; text: string; tag: string }
  | { kind: 'table'; grid: string[][] };

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

interface RawCell { text: string; colSpan: number; rowSpan: number }

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

export function htmlBlocks(html: string): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  let tableDepth = 0;
  let rows: RawCell[][] = [];
  let cell: RawCell | null = null;
  let block: { tag: string; text: string } | null = null;
  let m: RegExpExecArray | null;
  const addText = (t: string) => {
    if (cell) cell.text += t;
    else if (block) block.text += t;
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
        if (tableDepth === 0) { out.push({ kind: 'table', grid: expandGrid(rows) }); cell = null; }
      }
      continue;
    }
    if (tableDepth === 1) {
      if (tag === 'tr' && !closing) rows.push([]);
      else if ((tag === 'td' || tag === 'th') && !closing) {
        if (rows.length === 0) rows.push([]);
        cell = { text: '', colSpan: attrNumber(attrs, 'colspan'), rowSpan: attrNumber(attrs, 'rowspan') };
        rows[rows.length - 1]!.push(cell);
      } else if ((tag === 'td' || tag === 'th') && closing) {
        if (cell) cell.text = cell.text.replace(/\s+/g, ' ').trim();
        cell = null;
      } else if ((tag === 'p' || tag === 'br') && cell && cell.text) cell.text += tag === 'br' ? ' ' : '';
      continue;
    }
    if (tableDepth > 1) { if (tag === 'br' || tag === 'p') addText(' '); continue; }
    if (BLOCK_TAGS.has(tag)) {
      if (!closing) block = { tag, text: '' };
      else if (block) {
        const text = block.text.replace(/[\r\n]+/g, ' ').trim();
        if (text) out.push({ kind: 'text', text, tag: block.tag });
        block = null;
      }
    } else if (tag === 'br') addText('\n');
  }
  return out;
}
