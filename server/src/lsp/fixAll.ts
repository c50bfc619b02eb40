/**
 * Fix-all for the server: core/features/fixAll.ts (computeFixAll: rounds of safe fixes until a
 * fixed point, returned as minimal edits against the original text), reusing the analysis already
 * cached for the document's version as the first round.
 */
import { analyze, type Analysis, type AnalyzeOptions, computeFixAll, type FixAllResult, fixAllNotice } from '../core/index';
import type { TextEdit } from '../core/index';

/**
 * The whole fix-all result (converged / stopped, changes, remaining findings) for the document's
 * cached analysis. When it did not converge, the edits are still only safe fixes that were applied
 * before it stopped; the remaining findings stay in the editor as diagnostics.
 */
export function fixAllResult(analysis: Analysis, options: AnalyzeOptions = {}): FixAllResult {
  const original = analysis.model.source.text;
  return computeFixAll(original, {
    ...options,
    analyzeFn: (text, o) => (text === original ? analysis : analyze(text, o)),
  });
}

export function fixAllEdits(analysis: Analysis, options: AnalyzeOptions = {}): TextEdit[] {
  const result = fixAllResult(analysis, options);
  return [...result.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** The command the client runs after applying a fix-all that stopped without converging. */
export const FIX_ALL_STOPPED_COMMAND = 'govreport.fixAllStopped';

/** Fix-all edits (sorted) and, when it stopped without converging, the notice for the author. */
export function fixAllForEditor(analysis: Analysis, options: AnalyzeOptions, locale: 'zh-cn' | 'en'): { edits: TextEdit[]; notice?: string } {
  const result = fixAllResult(analysis, options);
  const edits = [...result.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const notice = fixAllNotice(result, locale);
  return notice ? { edits, notice } : { edits };
}
