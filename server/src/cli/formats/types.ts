/** What every output format receives: one checked file at a time (streamed), then the totals. */
import type { ReportModel, Finding, Locale, SourceText } from '../../core/index';
import type { CliIO } from '../io';
import type { SkipReason } from '../walk';

/** What the formats read of an analysis (a worker's result is rebuilt into this shape). */
export interface AnalysisView {
  /** `source`: a SourceText, or only the positions of the findings (results computed in a worker). */
  model: Pick<ReportModel, 'year' | 'usedVersion' | 'legacyStructure'> & { source: Pick<SourceText, 'positionAt' | 'rangeOf'> };
  findings: Finding[];
}

export interface CheckedFile {
  display: string;
  /** Null when the file could not be read or checked (`error` says why). */
  analysis: AnalysisView | null;
  /** The findings to show (after --min-severity), in the analysis' order. */
  findings: Finding[];
  error?: string;
}

export interface SkippedFile { file: string; reason: SkipReason; message: string }

export interface RunTotals {
  files: number;
  failed: number;
  counts: Record<'error' | 'warning' | 'information' | 'hint', number>;
  skipped: SkippedFile[];
}

export interface FormatContext {
  io: CliIO;
  locale: Locale;
  quiet: boolean;
  verbose: boolean;
}

export interface Formatter {
  file(f: CheckedFile): void;
  end(t: RunTotals): void;
}

/** One line of the message (messages may hold line breaks). */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
