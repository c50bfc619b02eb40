/**
 * The one entry to the pure core for everything outside it: the language server (server/src/lsp),
 * the CLI (server/src/cli), the node helpers (server/src/node) and the publish chunk
 * (server/src/publish). They import from here, never from a core folder directly, so the core's
 * inside can move without touching them (test/unit/architecture.test.ts checks it).
 */

// Analysis: text in, model and findings out.
export { analyze, analyzeModel, analyzeSteps } from './analyze';
export type { Analysis, AnalyzeOptions } from './analyze';
export { parseReportSafely } from './isolation';
export { parseReport } from './parse/report';
export { looksLikeReport } from './parse/title';
export type { ReportModel } from './model/types';
export type { Finding, Fix, Locale, PeerReport, RuleOptions, Severity, TextEdit } from './types';
export { RULES, RULES_BY_CODE } from './rules/registry';
export { modelBodyKey } from './rules/text/across';
export { suppress } from './suppress/run';
export { suppressionFixes, suppressionForm } from './suppress/fixes';

// Text, messages, the standard as data.
export { SourceText, stripBom } from './text/source';
export { pickLocale, translate } from './messages/index';
export type { MessageKey } from './messages/index';
export { FORMATS } from './standard/versions';
export type { TableKey, VersionId } from './standard/types';

// Configuration (validated against the registry; the node side reads the files).
export { mergeConfig } from './config/merge';
export { parseConfig } from './config/validate';
export type { ConfigError, GovReportConfig } from './config/types';

// Editor features (pure: offsets in, offsets out).
export { completions } from './features/completion';
export type { CompletionItemLike, CompletionKind } from './features/completion';
export { applyEdits, computeFixAll } from './features/fixAll';
export type { FixAllResult } from './features/fixAll';
export { fixAllNotice } from './features/fixAllNotice';
export { foldingRanges } from './features/folding';
export { formatDocument, formatRange } from './features/formatting';
export { hoverAt } from './features/hover';
export { inlayHints } from './features/inlay';
export { compactRelated } from './features/related';
export { snippetCompletions } from './features/snippetCompletion';
export { documentSymbols } from './features/symbols';
export type { OutlineSymbol, SymbolKind } from './features/symbols';
export { defaultReportYear, documentVersion, guessBodyKind, newReportText, reportVersion, tableChoices, tableTemplate } from './features/templates';
export type { BodyKind } from './features/templates';

// Workspace: the index of reports and its summary; generated files.
export { renderSummaryMarkdown, ReportIndex } from './workspace/index';
export { GENERATED_MARKER, isGenerated } from './workspace/generated';

// Publishing: the official layout and its HTML (the .docx side is in server/src/publish).
export { htmlToReport } from './publish/fromHtml';
export { renderBodyHtml, renderHtmlPage } from './publish/html';
export { publishModel } from './publish/layout';
export type { PubBlock, PubCell, PubDocument, PubTable } from './publish/layout';
export type { PubRun } from './publish/inline';
export { noteMessages } from './publish/notes';

// Incremental analysis: the server keeps one per open document; the full analysis stays the reference.
export { IncrementalDocument } from './incremental/analyzer';
export { modelDifference } from './incremental/compare';
export { verifySteps, type Verification } from './incremental/verify';
