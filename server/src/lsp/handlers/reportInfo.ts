/**
 * `govreport/reportInfo` {uri}: what the status bar shows of an open report — its year, the
 * format version it is checked against and its errors and warnings. The counts are of all the
 * findings: a client with a limit per file receives fewer diagnostics than there are (publish.ts).
 * Null for a document that is not a report.
 */
import type { ServerContext } from '../context';

export const REPORT_INFO_REQUEST = 'govreport/reportInfo';

export interface ReportInfo { year: number | null; version: string | null; errors: number; warnings: number }

export function onReportInfo(ctx: ServerContext) {
  return async (params: { uri: string }): Promise<ReportInfo | null> => {
    // The analysis's model: the config's year/version overrides are applied there, as for the rules.
    const analysis = (await ctx.analysis(params.uri))?.analysis;
    if (!analysis) return null;
    const model = analysis.model;
    let errors = 0;
    let warnings = 0;
    for (const f of analysis.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    return { year: model.year, version: model.version === 'legacy' ? 'legacy' : model.checkedVersion, errors, warnings };
  };
}
