/**
 * The published diagnostics of a document: errors first, then warnings, information and hints
 * (each in document order).
 *
 * A client may declare how many diagnostics per file it keeps (initializationOptions
 * maxDiagnosticsPerFile; the VS Code client: 1000, its extension host's limit). Above that limit
 * the client would receive, parse and convert every diagnostic only to drop the rest and add an
 * English-only marker of its own. The server sends instead what that client keeps, one fewer,
 * plus one note in the user's language where the client's marker would have been: how many
 * findings are not shown, the totals, and that `govreport check` lists them all. A client that
 * declares no limit gets every diagnostic.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { translate } from '../core/index';

/** What is sent of a document's findings (see selectForClient). */
export interface Selection<T> {
  /** Sent, in this order. */
  sent: T[];
  /** Over the limit: the item whose position the note takes (the last one the client would keep). */
  noteAt?: T;
  /** Over the limit: how many items are not sent. */
  hidden: number;
}

/**
 * Ordered by severity (stable: document order within a severity). With `limit` and more items
 * than it: the first limit−1 of what VS Code's extension host keeps of the list (in array order,
 * all errors, then warnings, then information, then hints, until `limit`) and that selection's
 * last item as `noteAt`, so that sent items + the note make exactly `limit`.
 */
export function selectForClient<T>(items: readonly T[], severityOf: (x: T) => DiagnosticSeverity, limit?: number): Selection<T> {
  // Array.prototype.sort is stable: document order is kept within a severity.
  const sorted = items.slice().sort((a, b) => severityOf(a) - severityOf(b));
  if (limit === undefined || sorted.length <= limit) return { sent: sorted, hidden: 0 };
  const noteAt = sorted[limit - 1]!;
  sorted.length = limit - 1;
  return { sent: sorted, noteAt, hidden: items.length - sorted.length };
}

/** A limit as a client declares it: a whole number ≥ 2 (room for one finding and the note), else none. */
export function readLimit(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 2 ? value : undefined;
}

/**
 * selectForClient, then the sent items converted (only those: a 1 MB report has ~1600 findings of
 * which 999 are sent to VS Code, and converting one is most of the cost per item) and the note.
 * `severityOf(x)` must be convert(x).severity; `rangeOf(x)` convert(x).range.
 */
export function publishedInOrder<T>(
  items: readonly T[], severityOf: (x: T) => DiagnosticSeverity, convert: (x: T) => Diagnostic, rangeOf: (x: T) => Range,
  locale: 'zh-cn' | 'en', limit: number | undefined, source: string | undefined,
): Diagnostic[] {
  const { sent, noteAt, hidden } = selectForClient(items, severityOf, limit);
  const out = sent.map(convert);
  if (noteAt === undefined) return out;
  let errors = 0;
  let warnings = 0;
  for (const x of items) {
    const r = severityOf(x);
    if (r === DiagnosticSeverity.Error) errors++;
    else if (r === DiagnosticSeverity.Warning) warnings++;
  }
  const note: Diagnostic = {
    range: rangeOf(noteAt),
    severity: DiagnosticSeverity.Information,
    message: translate(locale, 'ui.publish.truncated', {
      hidden, errors, warnings, others: items.length - errors - warnings, limit: limit!,
    }),
  };
  if (source !== undefined) note.source = source;
  out.push(note);
  return out;
}

/** publishedInOrder on diagnostics already converted (tests, and any list of Diagnostic). */
export function orderForPublish(diagnostics: readonly Diagnostic[], locale: 'zh-cn' | 'en', limit?: number, source?: string): Diagnostic[] {
  return publishedInOrder(diagnostics, (d) => d.severity ?? DiagnosticSeverity.Error, (d) => d, (d) => d.range, locale, limit, source);
}
