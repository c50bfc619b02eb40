/** What every handler shares: the connection, the open documents, the analysis cache and settings. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalyzeOptions, ReportModel, Locale } from '../core/index';
import type { AnalysisCache } from './analysisCache';
import type { Settings } from './settings';

export interface ClientSupport {
  /** workspace/configuration can be pulled. */
  configuration: boolean;
  /** WorkspaceEdit.documentChanges (versioned edits). */
  documentChanges: boolean;
  hierarchicalSymbols: boolean;
  lineFoldingOnly: boolean;
  /** workspace/inlayHint/refresh and workspace/diagnostic/refresh style requests. */
  inlayHintRefresh: boolean;
  /**
   * initializationOptions.maxDiagnosticsPerFile: how many diagnostics per file the client keeps
   * (publish.ts sends no more); undefined: no limit declared, every diagnostic is sent.
   */
  maxDiagnosticsPerFile?: number;
  /** initializationOptions.completesDiagnostics: the client adds `source` and the rule link itself (convert.ts). */
  completesDiagnostics?: boolean;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  locale: Locale;
  docsBase: string;
  support: ClientSupport;
  /** Settings for a document (pulled and cached per URI). */
  settings(uri: string): Promise<Settings>;
  analyzeOptions(uri: string): Promise<AnalyzeOptions>;
  /** The open document if it is a report (govreport, or Markdown / text that looks like one). */
  reportDocument(uri: string): TextDocument | undefined;
  /** Model of the current version of an open report, undefined otherwise. */
  model(uri: string): ReportModel | undefined;
  /** Model + findings of the current version of an open report, with its settings. */
  analysis(uri: string): Promise<{ doc: TextDocument; analysis: Analysis } | undefined>;
}
