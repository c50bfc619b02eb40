/**
 * Splitting source lines into raw cells, per shape. Every cell keeps the exact span of its
 * trimmed text; a blank cell gets an empty span where a value would be typed.
 */
import type { LineInfo, Span } from '../../text/source';

export interface RawCell { text: string; span: Span }

const WS = /[\s\u3000\u00a0]/;

function trimmed(line: LineInfo, from: number, to: number): RawCell {
  const t = line.text;
  let a = from;
  let b = to;
  while (a < b && WS.test(t[a]!)) a++;
  while (b > a && WS.test(t[b - 1]!)) b--;
  return { text: t.slice(a, b), span: { start: line.start + a, end: line.start + b } };
}

/** Pipe-table row: cells between unescaped pipes (leading/trailing pipes optional). */
export function splitPipes(line: LineInfo): RawCell[] {
  const t = line.text;
  const pipes: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] === '|' && t[i - 1] !== '\\') pipes.push(i);
  const lead = t.search(/\S/);
  const bounds = [...pipes];
  if (lead >= 0 && t[lead] !== '|') bounds.unshift(lead - 1);
  const lastNonWs = t.trimEnd().length - 1;
  if (t[lastNonWs] !== '|') bounds.push(t.trimEnd().length);
  const out: RawCell[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]! + 1;
    const to = bounds[i + 1]!;
    const c = trimmed(line, from, to);
    if (c.text === '') {
      // Blank: an empty span in the middle of the padding, so an insertion keeps both sides.
      const mid = line.start + from + Math.min(1, to - from);
      out.push({ text: '', span: { start: mid, end: mid } });
    } else out.push(c);
  }
  return out;
}

/** Tab-separated row: a blank cell sits right after its tab. */
export function splitTabs(line: LineInfo): RawCell[] {
  const t = line.text;
  const out: RawCell[] = [];
  let from = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === '\t') {
      out.push(trimmed(line, from, i));
      from = i + 1;
    }
  }
  // A blank cell's span is empty at its start (after the tab), not wherever trimming left it.
  return out.map((c) => (c.text ? c : { text: '', span: { start: c.span.start, end: c.span.start } }));
}

/** One cell on its own line, indented by a tab (sample 003): the cell is the trimmed line. */
export function lineCell(line: LineInfo): RawCell {
  const c = trimmed(line, 0, line.text.length);
  if (c.text) return c;
  const tab = line.text.lastIndexOf('\t');
  const at = line.start + (tab >= 0 ? tab + 1 : line.text.length);
  return { text: '', span: { start: at, end: at } };
}

/** Space-aligned (PDF) line: segments separated by two or more spaces (or a tab). */
export function splitSpaces(line: LineInfo): RawCell[] {
  const t = line.text;
  const out: RawCell[] = [];
  const re = /(?:[ \u3000\u00a0]{2,}|\t)+/g;
  let from = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m.index > from) out.push(trimmed(line, from, m.index));
    from = m.index + m[0].length;
  }
  if (from < t.length) out.push(trimmed(line, from, t.length));
  return out.filter((c) => c.text !== '');
}

/** Space-aligned line split into a label part (segments) and the trailing numbers, one per token. */
export function splitNumericTail(line: LineInfo): { label: RawCell[]; numbers: RawCell[] } {
  const segs = splitSpaces(line);
  const numbers: RawCell[] = [];
  // Trailing tokens that are numbers; a segment "3400660 元" or "447 7" is split on single spaces.
  while (segs.length) {
    const seg = segs[segs.length - 1]!;
    const tokens = tokensOf(seg);
    if (tokens.length && tokens.every((tk) => NUMBER_TOKEN.test(tk.text))) {
      numbers.unshift(...tokens);
      segs.pop();
    } else if (tokens.length > 1 && NUMBER_TOKEN.test(tokens[tokens.length - 1]!.text)) {
      // "本年处理决定数量 12": label and number in one segment (single space).
      let k = tokens.length;
      while (k > 0 && NUMBER_TOKEN.test(tokens[k - 1]!.text)) k--;
      numbers.unshift(...tokens.slice(k));
      segs[segs.length - 1] = { text: tokens.slice(0, k).map((x) => x.text).join(' '), span: { start: seg.span.start, end: tokens[k - 1]!.span.end } };
      break;
    } else break;
  }
  return { label: segs, numbers };
}

/** A figure as it appears in a space-aligned line: digits, optional sign, decimals, unit. */
export const NUMBER_TOKEN = /^[+\-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?: ?(?:万元|元|件|条|个))?$/;

function tokensOf(seg: RawCell): RawCell[] {
  const out: RawCell[] = [];
  const re = /\S+/g;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    out.push({ text: m[0], span: { start: seg.span.start + m.index, end: seg.span.start + m.index + m[0].length } });
  }
  // "3400660 元": a unit alone after a number belongs to it.
  for (let i = out.length - 1; i > 0; i--) {
    if (/^(万元|元)$/.test(out[i]!.text) && /\d$/.test(out[i - 1]!.text)) {
      out[i - 1] = { text: `${out[i - 1]!.text} ${out[i]!.text}`, span: { start: out[i - 1]!.span.start, end: out[i]!.span.end } };
      out.splice(i, 1);
    }
  }
  return out;
}
