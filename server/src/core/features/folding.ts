/** Folding ranges by line: each section, each sub-heading block, each table. */
import type { ReportModel } from '../model/types';
import { documentSymbols, type OutlineSymbol } from './symbols';

export interface FoldRange { startLine: number; endLine: number; kind?: 'region' }

export function foldingRanges(model: ReportModel): FoldRange[] {
  const src = model.source;
  const out: FoldRange[] = [];
  const visit = (s: OutlineSymbol) => {
    const startLine = src.lineIndexAt(s.span.start);
    // Do not fold the next heading's line: a span that ends after the indent of that line (an
    // indented "　　二、…" right after the text, no blank line between) ends on the line before.
    let endLine = src.lineIndexAt(Math.max(s.span.start, s.span.end - 1));
    const line = src.line(endLine);
    if (endLine > startLine && s.span.end < line.end && !src.text.slice(line.start, s.span.end).trim()) endLine--;
    // Nor the trailing blank lines.
    while (endLine > startLine && !src.lineText(endLine).trim()) endLine--;
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
    s.children.forEach(visit);
  };
  documentSymbols(model).forEach(visit);
  return out;
}
