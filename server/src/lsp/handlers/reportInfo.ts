/**
 * `govreport/reportInfo` {uri}: what the status bar shows of an open report — its year and the
 * format version it is checked against. Null for a document that is not a report.
 */
import type { ServerContext } from '../context';

export const REPORT_INFO_REQUEST = 'govreport/reportInfo';

export interface ReportInfo { year: number | null; version: string | null }

export function onReportInfo(ctx: ServerContext) {
  return async (params: { uri: string }): Promise<ReportInfo | null> => {
    // The analysis's model: the config's year/version overrides are applied there, as for the rules.
    const model = (await ctx.analysis(params.uri))?.analysis.model;
    if (!model) return null;
    return { year: model.year, version: model.version === 'legacy' ? 'legacy' : model.checkedVersion };
  };
}
