/**
 * The published diagnostics of a document: errors first, then warnings, information and hints
 * (each in document order), and no more than the client shows. VS Code keeps at most 1000
 * diagnostics per file (extHostDiagnostics' _maxDiagnosticsPerFile); above that it would drop
 * from the end, so the server cuts hints first and says plainly, in one diagnostic at the top of
 * the file, how many of each there are in all.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { translate } from '../core/index';
import { SOURCE } from './convert';

export const CLIENT_DIAGNOSTICS_LIMIT = 1000;

const rank = (d: Diagnostic) => d.severity ?? DiagnosticSeverity.Error;

export function orderForPublish(diagnostics: readonly Diagnostic[], locale: 'zh-cn' | 'en', limit = CLIENT_DIAGNOSTICS_LIMIT): Diagnostic[] {
  // Array.prototype.sort is stable: document order is kept within a severity.
  const sorted = diagnostics.slice().sort((a, b) => rank(a) - rank(b));
  if (sorted.length <= limit) return sorted;
  let errors = 0;
  let warnings = 0;
  for (const d of sorted) {
    if (rank(d) === DiagnosticSeverity.Error) errors++;
    else if (rank(d) === DiagnosticSeverity.Warning) warnings++;
  }
  const note: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: translate(locale, 'ui.publish.truncated', {
      errors, warnings, others: sorted.length - errors - warnings, limit,
    }),
  };
  return [...sorted.slice(0, limit - 1), note];
}
