/**
 * JSON: {"reports": [{file, year, version, diagnostics:[{code, severity, message, range}], error?}],
 * "skipped": [{file, reason, message}]}; ranges in LSP form (0-based, UTF-16). Written per report.
 */
import type { Finding, Severity } from '../../core/index';
import type { AnalysisView, CheckedFile, FormatContext, Formatter, RunTotals } from './types';

export interface JsonReport {
  file: string;
  year: number | null;
  version: string | null;
  diagnostics: { code: string; severity: Severity; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  /** Present when the file could not be read or checked. */
  error?: string;
}

export interface JsonOutput {
  reports: JsonReport[];
  skipped: { file: string; reason: string; message: string }[];
}

export function toJsonReport(file: string, a: AnalysisView, findings: readonly Finding[] = a.findings): JsonReport {
  const src = a.model.source;
  return {
    file,
    year: a.model.year,
    version: a.model.usedVersion ?? (a.model.legacyStructure ? 'legacy' : null),
    diagnostics: findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: src.rangeOf(f.span) })),
  };
}

export function jsonFormatter(ctx: FormatContext): Formatter {
  const { io } = ctx;
  let first = true;
  io.stdout('{\n  "reports": [');
  return {
    file(f: CheckedFile) {
      const rep: JsonReport = f.analysis
        ? toJsonReport(f.display, f.analysis, f.findings)
        : { file: f.display, year: null, version: null, diagnostics: [], error: f.error ?? '' };
      io.stdout((first ? '\n    ' : ',\n    ') + JSON.stringify(rep, null, 2).replace(/\n/g, '\n    '));
      first = false;
      if (f.error !== undefined) io.stderr(`${f.display}: ${f.error}\n`);
    },
    end(t: RunTotals) {
      const skipped = JSON.stringify(t.skipped, null, 2).replace(/\n/g, '\n  ');
      io.stdout(`${first ? '' : '\n  '}],\n  "skipped": ${skipped}\n}\n`);
    },
  };
}
