/**
 * Fix-all for the server: core/features/fixAll.ts (computeFixAll: rounds of safe fixes until a
 * fixed point, returned as minimal edits against the original text), reusing the analysis already
 * cached for the document's version as the first round.
 */
import { analyze, type Analysis, type AnalyzeOptions } from '../core/analyze';
import { computeFixAll } from '../core/features/fixAll';
import type { TextEdit } from '../core/rules/types';

export function fixAllEdits(analysis: Analysis, options: AnalyzeOptions = {}): TextEdit[] {
  const original = analysis.model.source.text;
  const result = computeFixAll(original, {
    ...options,
    analyzeFn: (text, o) => (text === original ? analysis : analyze(text, o)),
  });
  return [...result.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
