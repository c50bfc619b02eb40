/**
 * The language server: LSP glue around the pure core. Works over IPC (the VS Code client) and
 * over --stdio (other editors, the protocol tests); createConnection picks the transport from the
 * command line. Every handler is wrapped: bad input is logged, never fatal.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions } from '../core/analyze';
import { pickLocale } from '../core/messages/index';
import { RULES } from '../core/rules/registry';
import type { PeerReport } from '../core/rules/types';
import { AnalysisCache } from './analysisCache';
import type { ClientSupport, ServerContext } from './context';
import { DEFAULT_DOCS_BASE, FIX_ALL_KIND, normaliseDocsBase, toDiagnostic } from './convert';
import { onCodeAction } from './handlers/codeActions';
import { COMPLETION_TRIGGERS, onCompletion } from './handlers/completion';
import { onFormatting, onRangeFormatting } from './handlers/formatting';
import { onHover } from './handlers/hover';
import { onInlayHint } from './handlers/inlay';
import { onFoldingRange } from './handlers/folding';
import { onDocumentSymbol } from './handlers/symbols';
import { describeError, safe } from './safe';
import { DiagnosticsScheduler } from './scheduler';
import { analyzeOptionsOf, readSettings, DEFAULT_SETTINGS, type Settings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
const log = { error: (m: string) => connection.console.error(m) };

const support: ClientSupport = {
  configuration: false,
  documentChanges: false,
  hierarchicalSymbols: false,
  lineFoldingOnly: false,
  inlayHintRefresh: false,
};

/** Settings per document URI; cleared on didChangeConfiguration. */
const settingsByUri = new Map<string, Promise<Settings>>();
/** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
let pushedSettings: Settings = { ...DEFAULT_SETTINGS };

const ctx: ServerContext = {
  connection,
  documents,
  cache,
  locale: 'zh-cn',
  docsBase: DEFAULT_DOCS_BASE,
  support,

  settings(uri) {
    if (!support.configuration) return Promise.resolve(pushedSettings);
    let p = settingsByUri.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'govreport' })
        .then(readSettings, (err: unknown) => {
          log.error(`[govreport] workspace/configuration failed: ${describeError(err)}`);
          return { ...DEFAULT_SETTINGS };
        });
      settingsByUri.set(uri, p);
    }
    return p;
  },

  async analyzeOptions(uri): Promise<AnalyzeOptions> {
    const options = analyzeOptionsOf(await ctx.settings(uri), ctx.locale);
    if (HAS_ACROSS_RULES) options.peers = peersOf(uri);
    return options;
  },

  reportDocument(uri) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return cache.isReport(doc) ? doc : undefined;
  },

  model(uri) {
    const doc = ctx.reportDocument(uri);
    return doc ? cache.model(doc) : undefined;
  },

  async analysis(uri) {
    const first = ctx.reportDocument(uri);
    if (!first) return undefined;
    const options = await ctx.analyzeOptions(uri);
    // Re-read after the await: answer for the version that is current now.
    const doc = ctx.reportDocument(uri);
    if (!doc) return undefined;
    return { doc, analysis: cache.analysis(doc, options) };
  },
};

// ---- peers (GR3xx: other reports open in the editor) -------------------------------------------

const HAS_ACROSS_RULES = RULES.some((r) => r.category === 'across');

/** The other open documents that are reports, with their parsed models (cached per version). */
function peersOf(uri: string): PeerReport[] {
  const out: (PeerReport & { version: number })[] = [];
  for (const doc of documents.all()) {
    if (doc.uri === uri || !cache.isReport(doc)) continue;
    out.push({ uri: doc.uri, version: doc.version, model: cache.model(doc) });
  }
  return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

function sourceOf(uri: string) {
  return ctx.model(uri)?.source;
}

/** When a report changes, reports that compare themselves with it are re-checked too. */
function rescheduleDependents(uri: string): void {
  if (!HAS_ACROSS_RULES) return;
  for (const doc of documents.all()) {
    if (doc.uri !== uri && cache.isReport(doc)) scheduler.schedule(doc.uri, scheduler.delayMs * 2);
  }
}

// ---- diagnostics -------------------------------------------------------------------------------

/** URIs we last published non-empty diagnostics for (so that we clear them when a doc stops being a report). */
const published = new Set<string>();

const scheduler = new DiagnosticsScheduler<Diagnostic[]>({
  delayMs: 150,
  get: (uri) => documents.get(uri),
  async compute(uri, _version, stop) {
    const doc = documents.get(uri);
    if (!doc) return null;
    if (!cache.isReport(doc)) return [];
    const options = await ctx.analyzeOptions(uri);
    if (stop()) return null;
    const analysis = await cache.analysisAsync(doc, options, stop);
    if (!analysis) return null;
    const src = analysis.model.source;
    return analysis.findings.map((f) => toDiagnostic(f, src, uri, ctx.docsBase, sourceOf));
  },
  publish(uri, version, diagnostics) {
    if (diagnostics.length === 0 && !published.has(uri)) {
      // Nothing to say and nothing to clear; still publish once for reports so clients see "clean".
      const doc = documents.get(uri);
      if (!doc || !cache.isReport(doc)) return;
    }
    if (diagnostics.length) published.add(uri); else published.delete(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  },
  onError(uri, err) {
    log.error(`[govreport] diagnostics for ${uri} failed: ${describeError(err)}`);
  },
});

/** Documents just opened: their first run starts at once, later edits are debounced. */
const justOpened = new Set<string>();
documents.onDidOpen((e) => {
  justOpened.add(e.document.uri);
});

// Fires after onDidOpen for the opened version, and for every change.
documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  scheduler.schedule(uri, justOpened.delete(uri) ? 0 : scheduler.delayMs);
  rescheduleDependents(uri);
});

documents.onDidClose((e) => {
  const uri = e.document.uri;
  scheduler.cancel(uri);
  cache.delete(uri);
  settingsByUri.delete(uri);
  justOpened.delete(uri);
  published.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  rescheduleDependents(uri);
});

// ---- lifecycle ---------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  support.configuration = !!caps.workspace?.configuration;
  support.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
  support.hierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
  support.lineFoldingOnly = !!caps.textDocument?.foldingRange?.lineFoldingOnly;
  support.inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;

  const init = (params.initializationOptions ?? {}) as { locale?: unknown; docsBase?: unknown };
  ctx.locale = pickLocale(typeof init.locale === 'string' ? init.locale : params.locale);
  ctx.docsBase = normaliseDocsBase(init.docsBase);

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '政府信息公开年报' },
      foldingRangeProvider: true,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
        resolveProvider: false,
      },
      hoverProvider: true,
      inlayHintProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
    },
    serverInfo: { name: 'govreport', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (support.configuration) {
    // Ask the client for didChangeConfiguration notifications of our section.
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' }).catch(() => undefined);
  }
});

connection.onDidChangeConfiguration((change) => {
  try {
    settingsByUri.clear();
    const raw = (change.settings as { govreport?: unknown } | null | undefined)?.govreport;
    if (raw !== undefined) pushedSettings = readSettings(raw);
    cache.settingsChanged();
    for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
    if (support.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
  } catch (err) {
    log.error(`[govreport] didChangeConfiguration failed: ${describeError(err)}`);
  }
});

connection.onShutdown(() => scheduler.dispose());

// ---- features ----------------------------------------------------------------------------------

connection.onDocumentSymbol(safe(log, 'documentSymbol', null, onDocumentSymbol(ctx)));
connection.onFoldingRanges(safe(log, 'foldingRange', null, onFoldingRange(ctx)));
connection.onCodeAction(safe(log, 'codeAction', null, onCodeAction(ctx)));
connection.onHover(safe(log, 'hover', null, onHover(ctx)));
connection.languages.inlayHint.on(safe(log, 'inlayHint', null, onInlayHint(ctx)));
connection.onCompletion(safe(log, 'completion', null, onCompletion(ctx)));
connection.onDocumentFormatting(safe(log, 'formatting', null, onFormatting(ctx)));
connection.onDocumentRangeFormatting(safe(log, 'rangeFormatting', null, onRangeFormatting(ctx)));

process.on('uncaughtException', (err) => log.error(`[govreport] uncaught: ${describeError(err)}`));
process.on('unhandledRejection', (err) => log.error(`[govreport] unhandled rejection: ${describeError(err)}`));

documents.listen(connection);
connection.listen();
