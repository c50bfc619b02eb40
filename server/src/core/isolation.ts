/**
 * Keeping one failure from taking the rest down: a parse that throws gives an empty model (the
 * rules then see no structure; GR000 says so), a rule that throws gives one GR000 finding.
 * Nothing here shows a stack trace to the author; callers that have a log (the server) log it.
 */
import type { ReportModel } from './model/types';
import { parseReport } from './parse/report';
import { SourceText } from './text/source';
import { decideCheckedVersion } from './standard/versions';

/** Models that stand in for a parse that threw. */
const fallbackModels = new WeakSet<ReportModel>();

export function isFallbackModel(model: ReportModel): boolean {
  return fallbackModels.has(model);
}

/** An empty model of `text`: no title, sections or tables (what a parse failure leaves). */
export function emptyModel(text: string): ReportModel {
  return {
    source: new SourceText(text), title: null, year: null, yearSpan: null, markers: [],
    usedVersion: null, expectedVersion: null, checkedVersion: decideCheckedVersion(null, null), legacyStructure: false, version: null, collapsed: null,
    sections: [], headings: [], tables: [], tableSpans: [],
  };
}

/** `parse` made total the same way (a workspace index given its own parser). */
export function parsingSafely(parse: (text: string) => ReportModel): (text: string) => ReportModel {
  return (text) => {
    try {
      return parse(text);
    } catch {
      const model = emptyModel(text);
      fallbackModels.add(model);
      return model;
    }
  };
}

/** parseReport that never throws: on failure, an empty model flagged for GR000 and the error to `onError`. */
export function parseReportSafely(text: string, onError?: (err: unknown) => void): ReportModel {
  try {
    return parseReport(text);
  } catch (err) {
    onError?.(err);
    const model = emptyModel(text);
    fallbackModels.add(model);
    return model;
  }
}

/** Longest line the parsers read (prose stops at 20 000, tables at 10 000, headings at 5 000). */
export const MAX_CHECKED_LINE = 20000;
