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
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { format, inspect } from 'node:util';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, PeerReport } from '../core/index';
import { pickLocale, RULES } from '../core/index';
import { AnalysisCache } from './analysisCache';
import { DOCUMENT_STORE } from './documentStore';
import { IdleVerifier } from './idleVerify';
import type { ClientSupport, ServerContext } from './context';
import { publishedInOrder, readLimit } from './publish';
import { encodeAhead, preEncodingStdioWriter } from './preEncoded';
import { DEFAULT_DOCS_BASE, FIX_ALL_KIND, normaliseDocsBase, SOURCE, toDiagnostic, toSeverity } from './convert';
import { onCodeAction } from './handlers/codeActions';
import { COMPLETION_TRIGGERS, onCompletion } from './handlers/completion';
import { onFormatting, onRangeFormatting } from './handlers/formatting';
import { onHover } from './handlers/hover';
import { onInlayHint } from './handlers/inlay';
import { onFoldingRange } from './handlers/folding';
import { onDocumentSymbol } from './handlers/symbols';
import { registerDebugHeap } from './debugHeap';
import { registerPublish } from './handlers/publish';
import { onReportInfo, REPORT_INFO_REQUEST } from './handlers/reportInfo';
import { registerAuthoring } from './handlers/authoring';
import { describeError, safe } from './safe';
import { DiagnosticsScheduler } from './scheduler';
import { FirstPublish } from './firstPublish';
import { firstPublishDone } from './bootHooks';
import { configChanged, isConfigUri, withConfig } from './config';
import { analyzeOptionsOf, readSettings, DEFAULT_SETTINGS, type Settings } from './settings';
import { WORKSPACE_SUMMARY_REQUEST, WorkspaceReports } from './workspace';

const connection = connectionFromArgv();
/**
 * The transport from the command line, as createConnection picks it, except that on --stdio the
 * writer sends diagnostics encoded ahead (preEncoded.ts). The library takes a stream as input and
 * a MessageWriter as output (it checks each on its own, and keeps closing the server when stdin
 * ends); its typings only list matching pairs, hence the cast. Given streams it would also route
 * console output to the client's log (stdout carries the protocol): done here likewise.
 */
function connectionFromArgv() {
  const transport = process.argv.slice(2).find((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all);
  const writer = preEncodingStdioWriter(process.stdout) as unknown as NodeJS.WritableStream;
  const c = createConnection(ProposedFeatures.all, process.stdin, writer);
  console.log = console.info = console.debug = console.table = (...args: unknown[]) => c.console.log(format(...args));
  console.dir = (item: unknown) => c.console.log(inspect(item));
  console.warn = (...args: unknown[]) => c.console.warn(format(...args));
  console.error = (...args: unknown[]) => c.console.error(format(...args));
  return c;
}

const documents = new TextDocuments<TextDocument>(DOCUMENT_STORE);
const log = { error: (m: string) => connection.console.error(m) };
const cache = new AnalysisCache((uri, err) => log.error(`[govreport] parse of ${uri} failed: ${describeError(err)}`));

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
        .then((raw: unknown) => noteRunMode(uri, readSettings(raw)), (err: unknown) => {
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
    options.onInternalError = (code, err) => log.error(`[govreport] ${code} failed on ${uri}: ${describeError(err)}`);
    return withConfig(uri, options, workspaceFolders, connection);
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

// ---- peers (GR3xx: the same body's report of the previous year, open or in the workspace) -----

const HAS_ACROSS_RULES = RULES.some((r) => r.category === 'across');
/** Reports of the workspace folders (read in the background) and the open documents. */
const workspace = new WorkspaceReports((m) => connection.console.info(m));
let workspaceFolders: string[] = [];

/** Peers of a report: the same body's reports of year Y−1 (open documents or workspace files). */
function peersOf(uri: string): PeerReport[] {
  const doc = documents.get(uri);
  if (!doc || !cache.isReport(doc)) return [];
  try {
    return workspace.peersFor(uri, cache.model(doc));
  } catch (err) {
    log.error(`[govreport] peers of ${uri} failed: ${describeError(err)}`);
    return []; // the report is still checked, without last year's
  }
}

function sourceOf(uri: string) {
  return ctx.model(uri)?.source ?? workspace.source(uri);
}

/** Tells the workspace index that an open document changed (read lazily). */
function trackOpen(uri: string): void {
  workspace.setOpen(uri, () => {
    const d = documents.get(uri);
    return d && cache.isReport(d) ? { text: d.getText(), model: cache.model(d) } : null;
  });
}

/** When a report changes, the open reports that compare themselves with it (Y+1) are re-checked. */
function rescheduleDependents(uri: string, before: readonly string[] = []): void {
  if (!HAS_ACROSS_RULES) return;
  for (const dep of new Set([...before, ...workspace.dependantsOf(uri)])) {
    if (dep !== uri && documents.get(dep)) recheck(dep, scheduler.delayMs * 2);
  }
}

// ---- diagnostics -------------------------------------------------------------------------------

/** URIs we last published non-empty diagnostics for (so that we clear them when a doc stops being a report). */
const published = new Set<string>();
/** The workspace scan waits for the first publish (the opened report is checked first). */
const firstPublish = new FirstPublish();
// TurboFan back on and the V8 code cache written (boot/server.ts) once a first check's code has
// been compiled, i.e. after the first publish and never before (a valid cache is kept: one without it would stay).
void firstPublish.reached(2 ** 31 - 1).then(() => setTimeout(firstPublishDone, 0));

const scheduler = new DiagnosticsScheduler<PublishDiagnosticsParams & { diagnostics: Diagnostic[] }>({
  delayMs: 150,
  get: (uri) => documents.get(uri),
  async compute(uri, version, stop) {
    const doc = documents.get(uri);
    if (!doc) return null;
    if (!cache.isReport(doc)) return { uri, version, diagnostics: [] };
    await parseWhileSettingsArrive(uri, doc, stop);
    const options = await ctx.analyzeOptions(uri);
    if (stop()) return null;
    const analysis = await cache.analysisAsync(doc, options, stop);
    if (!analysis) return null;
    const src = analysis.model.source;
    const completes = support.completesDiagnostics === true;
    const diagnostics = publishedInOrder(
      analysis.findings, (f) => toSeverity(f.severity), (f) => toDiagnostic(f, src, uri, ctx.docsBase, sourceOf, ctx.locale, completes),
      (f) => src.rangeOf(f.span), ctx.locale, support.maxDiagnosticsPerFile, completes ? undefined : SOURCE,
    );
    // Encoded now, while the run waits for the debounce deadline, rather than after it (preEncoded.ts).
    return encodeAhead({ uri, version, diagnostics });
  },
  publish(uri, version, params) {
    const diagnostics = params.diagnostics;
    if (diagnostics.length === 0 && !published.has(uri)) {
      // Nothing to say and nothing to clear; still publish once for reports so clients see "clean".
      const doc = documents.get(uri);
      if (!doc || !cache.isReport(doc)) return;
    }
    // A re-check of the same version that found the same (settings re-read, scan done) is not
    // sent again: the editor would redraw and the Problems panel flicker for nothing.
    const last = publishedVersion.get(uri) === version ? publishedDiagnostics.get(uri) : undefined;
    if (last && JSON.stringify(last) === JSON.stringify(diagnostics)) return;
    publishedDiagnostics.set(uri, diagnostics);
    verifier.touch(uri);
    publishedVersion.set(uri, version);
    if (diagnostics.length) published.add(uri); else published.delete(uri);
    firstPublish.published(connection.sendDiagnostics(params));
  },
  onError(uri, err) {
    log.error(`[govreport] diagnostics for ${uri} failed: ${describeError(err)}`);
  },
});

/**
 * A document's first check asks the client for its settings (workspace/configuration) and waits
 * for the answer: the parse, which does not depend on them, runs meanwhile instead of after it.
 * vscode-jsonrpc writes the request on a later turn of the event loop (setImmediate), so the
 * parse starts on the turn after that one, once the request is out.
 */
async function parseWhileSettingsArrive(uri: string, doc: TextDocument, stop: () => boolean): Promise<void> {
  if (!support.configuration || settingsByUri.has(uri)) return;
  void ctx.settings(uri);
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (stop()) return;
  try { cache.model(doc); } catch { /* the check that follows parses again and reports it */ }
}

/** Incrementally parsed models are checked against a full parse once typing pauses. */
const verifier = new IdleVerifier({
  verify(uri, stop) {
    const doc = documents.get(uri);
    return doc ? cache.verifyAsync(doc, stop) : null;
  },
  republish: (uri) => scheduler.schedule(uri, 0),
  log: log.error,
});

/** Documents whose settings say govreport.run = onSave: edits do not re-check them. */
const checkOnSaveOnly = new Set<string>();
/** The version each document's diagnostics were last published for, and what was published. */
const publishedVersion = new Map<string, number>();
const publishedDiagnostics = new Map<string, Diagnostic[]>();
const checksOnSave = (uri: string) => checkOnSaveOnly.has(uri) || (!support.configuration && pushedSettings.run === 'onSave');

/**
 * A re-check not asked for by the author (workspace scan done, a peer or the config changed).
 * With run = onSave, a document edited since its last check keeps its diagnostics until it is
 * saved: re-checking it here would show the unsaved text's findings, which that mode promises not to.
 */
function recheck(uri: string, delayMs: number): void {
  const doc = documents.get(uri);
  const last = publishedVersion.get(uri);
  if (doc && last !== undefined && last !== doc.version && checksOnSave(uri)) return;
  scheduler.schedule(uri, delayMs);
}
function noteRunMode(uri: string, s: Settings): Settings {
  if (s.run === 'onSave') checkOnSaveOnly.add(uri); else checkOnSaveOnly.delete(uri);
  return s;
}
documents.onDidSave((e) => {
  if (checksOnSave(e.document.uri)) scheduler.schedule(e.document.uri, 0);
});

/** Documents just opened: their first run starts at once, later edits are debounced. */
const justOpened = new Set<string>();
documents.onDidOpen((e) => {
  // A didOpen starts the URI afresh: VS Code reuses untitled:Untitled-1 at version 1, and a client
  // may open a URI again before its didClose. Nothing kept for the previous text may stand in.
  forget(e.document.uri);
  justOpened.add(e.document.uri);
});

/** Drops what the server holds for a URI's previous text (keeps `published`: old diagnostics get cleared). */
function forget(uri: string): void {
  scheduler.forget(uri);
  verifier.cancel(uri);
  cache.delete(uri);
  settingsByUri.delete(uri);
  justOpened.delete(uri);
  publishedVersion.delete(uri);
  publishedDiagnostics.delete(uri);
}

// Fires after onDidOpen for the opened version, and for every change.
documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  verifier.cancel(uri);
  const opened = justOpened.delete(uri);
  if (opened || !checksOnSave(uri)) {
    scheduler.schedule(uri, opened ? 0 : scheduler.delayMs);
  }
  const before = HAS_ACROSS_RULES ? workspace.dependantsIndexed(uri) : [];
  trackOpen(uri);
  rescheduleDependentsSoon(uri, before);
});

/**
 * Dependants are looked up once typing pauses: the lookup parses the changed document, and doing
 * that on every keystroke of a 1 MB report made each keystroke cost a full parse.
 */
const dependantsPending = new Map<string, { timer: ReturnType<typeof setTimeout>; before: Set<string> }>();
function rescheduleDependentsSoon(uri: string, before: readonly string[]): void {
  if (!HAS_ACROSS_RULES) return;
  const p = dependantsPending.get(uri);
  if (p) clearTimeout(p.timer);
  const all = p?.before ?? new Set<string>();
  for (const b of before) all.add(b);
  const timer = setTimeout(() => {
    dependantsPending.delete(uri);
    try { rescheduleDependents(uri, [...all]); } catch (err) { log.error(`[govreport] dependants of ${uri} failed: ${describeError(err)}`); }
  }, scheduler.delayMs);
  dependantsPending.set(uri, { timer, before: all });
}

documents.onDidClose((e) => {
  const uri = e.document.uri;
  forget(uri);
  published.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  const before = HAS_ACROSS_RULES ? workspace.dependantsIndexed(uri) : [];
  void workspace.closed(uri).then(() => rescheduleDependents(uri, before), () => undefined);
});

// ---- lifecycle ---------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  support.configuration = !!caps.workspace?.configuration;
  support.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
  support.hierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
  support.lineFoldingOnly = !!caps.textDocument?.foldingRange?.lineFoldingOnly;
  support.inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;

  const init = (params.initializationOptions ?? {}) as { locale?: unknown; docsBase?: unknown; maxDiagnosticsPerFile?: unknown; completesDiagnostics?: unknown };
  ctx.locale = pickLocale(typeof init.locale === 'string' ? init.locale : params.locale);
  ctx.docsBase = normaliseDocsBase(init.docsBase);
  // What the VS Code client declares (client/src/initOptions.ts); other clients get every diagnostic, complete.
  support.maxDiagnosticsPerFile = readLimit(init.maxDiagnosticsPerFile);
  support.completesDiagnostics = init.completesDiagnostics === true;
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
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
  // Background indexing of the workspace's report files (GR3xx peers, workspace summary).
  if (HAS_ACROSS_RULES && workspaceFolders.length) {
    void firstPublish.reached(1000).then(() => workspace.scan(workspaceFolders, log.error)).then((found) => {
      if (found.length) for (const doc of documents.all()) recheck(doc.uri, scheduler.delayMs);
    }, (err: unknown) => log.error(`[govreport] workspace scan failed: ${describeError(err)}`));
  }
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
    for (const doc of documents.all()) recheck(doc.uri, 0);
    if (support.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
  } catch (err) {
    log.error(`[govreport] didChangeConfiguration failed: ${describeError(err)}`);
  }
});

connection.onShutdown(() => { scheduler.dispose(); verifier.dispose(); });

// Report files changed on disk (the client watches **/*.{md,txt,govreport}).
connection.onDidChangeWatchedFiles(async (params) => {
  try {
    for (const change of params.changes) {
      if (isConfigUri(change.uri)) {
        // .govreport.jsonc changed: every open report may be governed by it.
        configChanged(change.uri);
        cache.settingsChanged();
        for (const doc of documents.all()) recheck(doc.uri, 0);
        continue;
      }
      const before = workspace.dependantsIndexed(change.uri);
      if (change.type === 3 /* Deleted */) workspace.removeFile(change.uri);
      else await workspace.refreshFile(change.uri);
      rescheduleDependents(change.uri, before);
    }
  } catch (err) {
    log.error(`[govreport] didChangeWatchedFiles failed: ${describeError(err)}`);
  }
});

// 汇总本工作区年报: the workspace overview as Markdown (the client opens it as a new document).
connection.onRequest(WORKSPACE_SUMMARY_REQUEST, safe(log, 'workspaceSummary', { markdown: '', reports: 0 }, async () => {
  const options = analyzeOptionsOf(await ctx.settings(workspaceFolders[0] ?? ''), ctx.locale);
  delete options.peers;
  return workspace.summary(options);
}));

// The status bar's year and format version of an open report.
connection.onRequest(REPORT_INFO_REQUEST, safe(log, 'reportInfo', null, onReportInfo(ctx)));

// 预览 / 导出 / 导入: loads dist/publish.js on first use.
registerPublish(connection, ctx, log);

// 新建年度报告 / 插入统计表: the client's prompts ask the server (handlers/authoring.ts).
registerAuthoring(connection, ctx, log);

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

registerDebugHeap(connection, documents); // test-only, behind GOVREPORT_DEBUG_HEAP=1

documents.listen(connection);
connection.listen();
