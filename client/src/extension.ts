/**
 * The thin VS Code client: starts dist/server.js over IPC and lets vscode-languageclient wire
 * every feature. All checking lives in the server (the pure core); this file downloads nothing,
 * reads no files and works in untrusted and virtual workspaces. The client is stopped by deactivate().
 */
import * as vscode from 'vscode';
import { showUntitled } from './untitled';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerPreview } from './previewLoader';
import { diagnosticsMiddleware, registerStatusBar } from './statusBar';
import { completeDiagnostic, registerRuleDocs, ruleDocsLocation } from './ruleDocs';
import { registerFixAllNotice } from './fixAllNotice';
import { serverOptionsFor } from './serverEnv';
import { initializationOptions } from './initOptions';

export interface GovReportApi {
  /** The language client (started or starting). */
  client: LanguageClient;
  /** Resolves once the server has answered `initialize` (rejects if it could not start). */
  ready: Promise<void>;
  /** The status bar item's text now, undefined while hidden (for the integration tests). */
  statusBarText(): string | undefined;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): GovReportApi {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  // The server's code cache lives in the extension's global storage (a local folder, per user).
  const storage = context.globalStorageUri;
  const codeCacheDir = storage.scheme === 'file' ? vscode.Uri.joinPath(storage, 'code-cache').fsPath : undefined;
  // Without the network-only variables that slow every Node start (client/src/serverEnv.ts).
  const serverOptions: ServerOptions = serverOptionsFor(serverModule, codeCacheDir, TransportKind.ipc);

  // Reports are `govreport` documents; Markdown and plain-text documents are sent too and the
  // server decides (looksLikeReport) whether they are reports.
  const documentSelector = ['govreport', 'markdown', 'plaintext'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);

  // The rule pages' folder (client/src/ruleDocs.ts), for the diagnostics' codeDescription links.
  const docsBase = ruleDocsLocation(context).toString() + '/';

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      configurationSection: 'govreport',
      // Report files changed on disk: the server re-reads them (GR3xx peers, workspace summary).
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,*.markdown,*.txt,*.govreport,.govreport.jsonc}'),
    },
    // The limit of diagnostics VS Code keeps per file, and that this client completes them (initOptions.ts).
    initializationOptions: initializationOptions(vscode.env.language, docsBase),
    outputChannelName: '政府信息公开年报助手 (govreport)',
    // Source and rule link added (the server leaves them out); links open the bundled page as a rendered preview (client/src/ruleDocs.ts).
    middleware: { handleDiagnostics: (uri, ds, next) => diagnosticsMiddleware.handleDiagnostics!(uri, ds.map(completeDiagnostic), next) },
  };

  client = new LanguageClient('govreport', '政府信息公开年报助手', serverOptions, clientOptions);
  const ready = client.start();
  // Keep the rejection observable through `ready` without an unhandled-rejection warning.
  ready.catch((err: unknown) => {
    void vscode.window.showErrorMessage(`govreport: language server failed to start: ${String(err)}`);
  });
  const c = client;
  // Authoring commands (新建年报 / 插入统计表 / 格式化表格): prompts here, texts from the server.
  registerCommands(context, c, ready);
  // 汇总本工作区年报: the server summarises the workspace's reports; shown as a new Markdown document.
  context.subscriptions.push(vscode.commands.registerCommand('govreport.workspaceSummary', async () => {
    await ready;
    const r = await c.sendRequest<{ markdown: string; reports: number }>('govreport/workspaceSummary');
    return showUntitled('markdown', r.markdown);
  }));
  // 预览年度报告 / 导出为 Word / 导出为 HTML / 从 Word 导入 (client/src/previewLoader.ts, dist/preview.js).
  registerPreview(context, c, ready);
  // Status bar: year, format version, counts; click = checking off/on for the document.
  const statusBarText = registerStatusBar(context, c, ready);
  // 查看规则说明 (rendered preview of docs/rules/GRxxx.md) and the fix-all-stopped notice.
  registerRuleDocs(context);
  registerFixAllNotice(context);
  return { client, ready, statusBarText };
}

export async function deactivate(): Promise<void> {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}
