/**
 * The Markdown a report paragraph may carry into the published document: emphasis (**bold**,
 * *italic*) as runs, and list items ("- ", "* ", "+ ", "1. ") as list paragraphs. Only paired
 * markers on one line count; a lone asterisk stays a literal character (it is text, not markup).
 * Linear in the line's length. Pure.
 */
import { isJsSpace } from '../text/chars';

export interface PubRun { text: string; bold?: boolean; italic?: boolean }

export type ListKind = 'bullet' | 'ordered';
export interface ListItem { kind: ListKind; number: number; text: string }

const BULLET = /^[ \t]{0,3}[-*+][ \t]+(?=\S)/;
const ORDERED = /^[ \t]{0,3}(\d{1,3})\.[ \t]+(?=\S)/;

/** A Markdown list item, or null. "1.5 亿元" is not an item (a space must follow the dot). */
export function listItem(line: string): ListItem | null {
  const b = BULLET.exec(line);
  // "**粗体**" starts with an asterisk but no space follows it: not an item.
  if (b) return { kind: 'bullet', number: 0, text: line.slice(b[0].length).trimEnd() };
  const o = ORDERED.exec(line);
  if (o) return { kind: 'ordered', number: Number(o[1]), text: line.slice(o[0].length).trimEnd() };
  return null;
}

/**
 * Splits a line into runs at paired ** and * markers. A marker opens only before a non-space
 * character and closes only after one (CommonMark's flanking rule, simplified); an unpaired
 * marker is kept as text. Closers are listed once and taken in order, so the scan stays linear.
 */
export function inlineRuns(text: string): PubRun[] {
  const n = text.length;
  const isSpace = (k: number) => k < 0 || k >= n || isJsSpace(text.charCodeAt(k));
  const closers: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let j = 1; j < n; j++) {
    if (text[j] !== '*' || isSpace(j - 1) || text[j - 1] === '\\') continue;
    if (text[j + 1] === '*') closers[2].push(j);
    else if (text[j - 1] !== '*') closers[1].push(j);
  }
  const next: Record<1 | 2, number> = { 1: 0, 2: 0 };
  const closerAfter = (width: 1 | 2, from: number): number => {
    const list = closers[width];
    while (next[width] < list.length && list[next[width]]! < from) next[width]++;
    return next[width] < list.length ? list[next[width]]! : -1;
  };
  const out: PubRun[] = [];
  let plain = '';
  const flush = () => { if (plain) { out.push({ text: plain }); plain = ''; } };
  let i = 0;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '*') { plain += '*'; i += 2; continue; }
    if (ch !== '*') { plain += ch; i++; continue; }
    const width: 1 | 2 = text[i + 1] === '*' ? 2 : 1;
    const start = i + width;
    const close = isSpace(start) ? -1 : closerAfter(width, start + 1);
    if (close === -1) { plain += text.slice(i, start); i = start; continue; }
    flush();
    const inner = text.slice(start, close);
    // Italic inside bold ("**a *b* c**"): one level, enough for report prose.
    for (const r of width === 2 ? inlineRuns(inner) : [{ text: inner }]) {
      out.push({ ...r, ...(width === 2 ? { bold: true } : { italic: true }) });
    }
    i = close + width;
  }
  flush();
  return out;
}

/** The plain text of runs (what the reader sees without the markers). */
export const runsText = (runs: readonly PubRun[]): string => runs.map((r) => r.text).join('');

/** Runs back to Markdown (the import writes what the export read). */
export function runsMarkdown(runs: readonly PubRun[]): string {
  let out = '';
  for (const r of runs) {
    const lead = /^\s*/.exec(r.text)![0];
    const trail = /\s*$/.exec(r.text.slice(lead.length))![0];
    const core = r.text.slice(lead.length, r.text.length - trail.length);
    // Literal asterisks are left as they are: unpaired, they read back as text.
    if (!core || (!r.bold && !r.italic)) { out += r.text; continue; }
    const m = r.bold && r.italic ? '***' : r.bold ? '**' : '*';
    out += lead + m + core + m + trail;
  }
  return out;
}
