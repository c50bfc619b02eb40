/**
 * Unseen shapes: turns a report into the shapes real reports arrive in, so that the checker can be
 * tried on text it has never seen. Pure and deterministic (a seeded generator): the same report
 * gives the same variants every run. Used by test/unit/unseen-shapes.test.ts and
 * scripts/unseen-shapes.ts (which prints what each variant changes in the findings).
 *
 * Families:
 * - pdf:  hard line breaks inside sentences and table rows, page headers/footers and page numbers
 *         ("- 3 -", "第 3 页 共 9 页") between lines, wraps in the middle of a number or the title
 * - web:  nbsp, zero-width spaces, tab indents, table cells one per line, trailing spaces
 * - ocr:  full-width digits, 〇/O for 0, l for 1, spaces between CJK characters, a dropped 、
 * - word: tab-separated rows, merged header cells repeated or missing
 * (CRLF / BOM / GB18030 bytes are made by the test, through the CLI.)
 */
import { rng } from '../../scripts/fuzz-lib';

export type Family = 'pdf' | 'web' | 'ocr' | 'word';

export interface Variant {
  name: string;
  family: Family;
  text: string;
}

function seedOf(text: string, salt: string): number {
  let h = 2166136261;
  const s = salt + text.slice(0, 200);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const CJK = /[\u3400-\u9fff]/;
/** A table line in any of the shapes the samples use: Markdown, tab-separated, space-aligned. */
const TABLE_LINE = /^\s*\|.*\|\s*$|\t|\S[ \u3000]{2,}\S/;
const isTableLine = (l: string) => TABLE_LINE.test(l);
const isMarkdownRule = (l: string) => /^\s*\|?\s*:?-{3,}/.test(l);

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/** Splits a string into code points (never cuts a surrogate pair). */
const chars = (s: string) => Array.from(s);

// ---- pdf ---------------------------------------------------------------------------------------

/** Hard line breaks every `width` characters in prose lines (a PDF's line ends kept as breaks). */
export function pdfWrap(text: string, width = 28): string {
  const out: string[] = [];
  for (const l of lines(text)) {
    if (isTableLine(l) || chars(l).length <= width) { out.push(l); continue; }
    const cs = chars(l);
    for (let i = 0; i < cs.length; i += width) out.push(cs.slice(i, i + width).join(''));
  }
  return out.join('\n');
}

/** Table rows broken in two after a middle cell (a row that wrapped on the page). */
export function pdfRowBreaks(text: string): string {
  const r = rng(seedOf(text, 'rows'));
  const out: string[] = [];
  for (const l of lines(text)) {
    if (!isTableLine(l) || isMarkdownRule(l) || r() > 0.3) { out.push(l); continue; }
    const sep = l.includes('\t') ? '\t' : l.trimStart().startsWith('|') ? '|' : null;
    if (!sep) { out.push(l); continue; }
    const idx: number[] = [];
    for (let i = 1; i < l.length - 1; i++) if (l[i] === sep) idx.push(i);
    if (idx.length < 3) { out.push(l); continue; }
    const at = idx[Math.floor(idx.length / 2)]!;
    out.push(l.slice(0, at + (sep === '|' ? 1 : 0)), l.slice(at + 1));
  }
  return out.join('\n');
}

/** Page furniture every `every` lines: a running header, "- n -" or "第 n 页 共 m 页". */
export function pdfPages(text: string, every = 23): string {
  const ls = lines(text);
  const title = ls.find((l) => l.trim())?.trim().slice(0, 30) ?? '';
  const pages = Math.ceil(ls.length / every);
  const out: string[] = [];
  for (let i = 0; i < ls.length; i++) {
    out.push(ls[i]!);
    if ((i + 1) % every === 0 && i + 1 < ls.length) {
      const n = (i + 1) / every;
      if (n % 3 === 1) out.push(`- ${n} -`, '');
      else if (n % 3 === 2) out.push(`第 ${n} 页 共 ${pages} 页`);
      else out.push('', `${n}`, title);
    }
  }
  return out.join('\n');
}

/** A line break in the middle of numbers in prose ("共收到申请12\n3件") and of the title. */
export function pdfNumberWraps(text: string): string {
  const ls = lines(text);
  const t = ls.findIndex((l) => l.trim());
  if (t >= 0) {
    const cs = chars(ls[t]!);
    const mid = Math.floor(cs.length / 2);
    ls[t] = cs.slice(0, mid).join('') + '\n' + cs.slice(mid).join('');
  }
  let n = 0;
  for (let i = 0; i < ls.length; i++) {
    if (isTableLine(ls[i]!) || n >= 6) continue;
    ls[i] = ls[i]!.replace(/(\d)(\d+)(?=[件条项个人次%])/, (_m, a: string, b: string) => { n++; return `${a}\n${b}`; });
  }
  return ls.join('\n');
}

// ---- web ---------------------------------------------------------------------------------------

/** nbsp for indentation and spaces, trailing spaces on every line. */
export function webNbsp(text: string): string {
  return lines(text)
    .map((l) => l.replace(/^[ \u3000]+/, (m) => '\u00a0'.repeat(m.length * 2)).replace(/ (?=\S)/g, '\u00a0') + '  ')
    .join('\n');
}

/** Zero-width spaces between characters of prose (never inside a number), and at line ends. */
export function webZeroWidth(text: string): string {
  const r = rng(seedOf(text, 'zw'));
  return lines(text).map((l) => {
    const cs = chars(l);
    let s = '';
    for (let i = 0; i < cs.length; i++) {
      s += cs[i];
      const next = cs[i + 1];
      if (next && CJK.test(cs[i]!) && CJK.test(next) && r() < 0.04) s += '\u200b';
    }
    return l.trim() ? s + '\u200b' : s;
  }).join('\n');
}

/** Tab-indented paragraphs, tables with every cell on a line of its own (the page's <td> text). */
export function webCellPerLine(text: string): string {
  const out: string[] = [];
  for (const l of lines(text)) {
    if (isMarkdownRule(l)) continue;
    const md = /^\s*\|.*\|\s*$/.test(l);
    if (md || l.includes('\t')) {
      const cells = md ? l.trim().slice(1, -1).split('|') : l.split('\t');
      for (const c of cells) out.push(c.trim());
      continue;
    }
    out.push(/^[ \u3000]+\S/.test(l) ? '\t' + l.trimStart() : l);
  }
  return out.join('\n');
}

// ---- ocr ---------------------------------------------------------------------------------------

const FW = (d: string) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10);

/** Every ASCII digit full-width. */
export function ocrFullWidth(text: string): string {
  return text.replace(/[0-9]/g, FW);
}

/** Some 0 read as 〇 or O, some 1 read as l, in numbers of prose and tables (seeded). */
export function ocrLookalikes(text: string): string {
  const r = rng(seedOf(text, 'ocr'));
  return lines(text).map((l) => l.replace(/\d+/g, (num) => {
    if (r() > 0.15) return num;
    return num.replace(/[01]/g, (d) => (d === '0' ? (r() < 0.5 ? 'O' : '〇') : 'l'));
  })).join('\n');
}

/** Spaces between CJK characters on some lines (headings included). */
export function ocrCjkSpaces(text: string): string {
  const r = rng(seedOf(text, 'sp'));
  return lines(text).map((l) => (r() < 0.25 && !isTableLine(l) ? chars(l).map((c, i, a) => (CJK.test(c) && CJK.test(a[i + 1] ?? '') ? c + ' ' : c)).join('') : l)).join('\n');
}

/** The 、 after a numeral dropped now and then ("二主动公开…", "1依申请…"). */
export function ocrDroppedComma(text: string): string {
  const r = rng(seedOf(text, 'dun'));
  return text.replace(/([一二三四五六七八九十\d])、/g, (m, n: string) => (r() < 0.3 ? n : m));
}

// ---- word --------------------------------------------------------------------------------------

/** Markdown and space-aligned table rows as tab-separated rows (a table pasted from Word). */
export function wordTabs(text: string): string {
  const out: string[] = [];
  for (const l of lines(text)) {
    if (isMarkdownRule(l)) continue;
    if (/^\s*\|.*\|\s*$/.test(l)) out.push(l.trim().slice(1, -1).split('|').map((c) => c.trim()).join('\t'));
    else if (/\S[ \u3000]{2,}\S/.test(l) && !l.includes('\t')) out.push(l.trim().split(/[ \u3000]{2,}/).join('\t'));
    else out.push(l);
  }
  return out.join('\n');
}

/**
 * Header rows of tables (table lines without a digit) with merged cells repeated across the span
 * (`repeat`), or with the merged cells' empty neighbours missing (`!repeat`).
 */
export function wordMergedHeaders(text: string, repeat: boolean): string {
  return lines(wordTabs(text)).map((l) => {
    if (!l.includes('\t') || /[0-9０-９]/.test(l)) return l;
    const cells = l.split('\t');
    if (repeat) {
      // an empty cell after a label takes the label (the merged cell, copied into each column)
      for (let i = 1; i < cells.length; i++) if (!cells[i]!.trim() && cells[i - 1]!.trim()) cells[i] = cells[i - 1]!;
      return cells.join('\t');
    }
    return cells.filter((c) => c.trim()).join('\t');
  }).join('\n');
}

/** Every variant of a report. */
export function variantsOf(text: string): Variant[] {
  return [
    { name: 'pdf.wrap', family: 'pdf', text: pdfWrap(text) },
    { name: 'pdf.rowBreaks', family: 'pdf', text: pdfRowBreaks(text) },
    { name: 'pdf.pages', family: 'pdf', text: pdfPages(text) },
    { name: 'pdf.numberWraps', family: 'pdf', text: pdfNumberWraps(text) },
    { name: 'pdf.all', family: 'pdf', text: pdfPages(pdfWrap(pdfRowBreaks(text))) },
    { name: 'web.nbsp', family: 'web', text: webNbsp(text) },
    { name: 'web.zeroWidth', family: 'web', text: webZeroWidth(text) },
    { name: 'web.cellPerLine', family: 'web', text: webCellPerLine(text) },
    { name: 'ocr.fullWidth', family: 'ocr', text: ocrFullWidth(text) },
    { name: 'ocr.lookalikes', family: 'ocr', text: ocrLookalikes(text) },
    { name: 'ocr.cjkSpaces', family: 'ocr', text: ocrCjkSpaces(text) },
    { name: 'ocr.droppedComma', family: 'ocr', text: ocrDroppedComma(text) },
    { name: 'word.tabs', family: 'word', text: wordTabs(text) },
    { name: 'word.headersRepeated', family: 'word', text: wordMergedHeaders(text, true) },
    { name: 'word.headersMissing', family: 'word', text: wordMergedHeaders(text, false) },
  ];
}
