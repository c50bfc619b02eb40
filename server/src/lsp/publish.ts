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
  return publishedInOrder(diagnostics, rank, (d) => d, locale, limit);
}

/**
 * orderForPublish(items.map(convert)), converting only the items that are sent: a 1 MB report has
 * ~1600 findings of which 999 are sent, and converting one (positions, related information) is
 * most of the cost per item. `severityOf(x)` must be convert(x).severity.
 */
export function publishedInOrder<T>(
  items: readonly T[], severityOf: (x: T) => DiagnosticSeverity, convert: (x: T) => Diagnostic, locale: 'zh-cn' | 'en', limit = CLIENT_DIAGNOSTICS_LIMIT,
): Diagnostic[] {
  // Array.prototype.sort is stable: document order is kept within a severity.
  const sorted = items.slice().sort((a, b) => severityOf(a) - severityOf(b));
  if (sorted.length <= limit) return sorted.map(convert);
  let errors = 0;
  let warnings = 0;
  for (const x of sorted) {
    const r = severityOf(x);
    if (r === DiagnosticSeverity.Error) errors++;
    else if (r === DiagnosticSeverity.Warning) warnings++;
  }
  const note: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: translate(locale, 'ui.publish.truncated', {
      errors, warnings, others: sorted.length - errors - warnings, limit,
    }),
  };
  const out: Diagnostic[] = [];
  for (let i = 0; i < limit - 1; i++) out.push(convert(sorted[i]!));
  out.push(note);
  return out;
}
