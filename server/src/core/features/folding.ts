/** Folding ranges by line: each section, each sub-heading block, each table. */
import type { ReportModel } from '../model/types';
import { documentSymbols, type OutlineSymbol } from './symbols';

export interface FoldRange { startLine: number; endLine: number; kind?: 'region' }

export function foldingRanges(model: ReportModel): FoldRange[] {
  const src = model.source;
  const out: FoldRange[] = [];
  const visit = (s: OutlineSymbol) => {
    const startLine = src.lineIndexAt(s.span.start);
    // Do not fold the trailing blank lines or the next heading's line.
    let endLine = src.lineIndexAt(Math.max(s.span.start, s.span.end - 1));
    while (endLine > startLine && !src.lines[endLine]!.text.trim()) endLine--;
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
    s.children.forEach(visit);
  };
  documentSymbols(model).forEach(visit);
  return out;
}
