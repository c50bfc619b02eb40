/**
 * The status-bar item of a report: its year, format version and error/warning counts
 * ("2024年报 · 2021版 · ✗2 ⚠1"); clicking it turns checking off (and on again) for that document.
 * Year, version and counts come from `govreport/reportInfo`: the counts of all the findings, since
 * above VS Code's limit per file the server publishes fewer diagnostics (client/src/initOptions.ts).
 * Checking off = the client drops the document's diagnostics (middleware) and keeps the last
 * published list, so turning it on again shows them at once.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';

export const TOGGLE_COMMAND = 'govreport.toggleChecking';
const ZH = vscode.env.language.toLowerCase().startsWith('zh');
const LANGUAGES = new Set(['govreport', 'markdown', 'plaintext']);

const disabled = new Set<string>();
const last = new Map<string, vscode.Diagnostic[]>();
let forward: ((uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void) | undefined;

/** Client middleware: published diagnostics of a document whose checking is off are dropped. */
export const diagnosticsMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    forward = next;
    last.set(uri.toString(), diagnostics);
    next(uri, disabled.has(uri.toString()) ? [] : diagnostics);
  },
};

/** server/src/lsp/handlers/reportInfo.ts */
interface ReportInfo { year: number | null; version: string | null; errors: number; warnings: number }

function label(info: ReportInfo, off: boolean): string {
  const version = info.version === 'legacy' ? (ZH ? '旧版（2008 条例）' : 'legacy (2008)') : info.version ? (ZH ? `${info.version}版` : `${info.version} format`) : '';
  const year = info.year ? (ZH ? `${info.year}年报` : `${info.year} report`) : (ZH ? '年报' : 'report');
  const parts = [`$(checklist) ${year}`];
  if (version) parts.push(version);
  parts.push(off ? (ZH ? '检查已关闭' : 'checking off') : `$(error) ${info.errors} $(warning) ${info.warnings}`);
  return parts.join(' · ');
}

/** Returns what the item shows now (undefined while hidden): the extension's API passes it on for tests. */
export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): () => string | undefined {
  const item = vscode.window.createStatusBarItem('govreport.status', vscode.StatusBarAlignment.Left, 50);
  item.name = ZH ? '政府信息公开年报' : 'Annual report';
  item.command = TOGGLE_COMMAND;
  let seq = 0;
  let shown = false;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const mine = ++seq;
    if (!doc || !LANGUAGES.has(doc.languageId)) { item.hide(); shown = false; return; }
    const key = doc.uri.toString();
    let info: ReportInfo | null = null;
    try {
      await ready;
      info = await client.sendRequest<ReportInfo | null>('govreport/reportInfo', { uri: key });
    } catch { info = null; }
    if (mine !== seq) return; // a newer update is under way
    if (!info) { item.hide(); shown = false; return; }
    const off = disabled.has(key);
    item.text = label(info, off);
    item.tooltip = off
      ? (ZH ? '本文档的检查已关闭，点击重新打开' : 'Checking is off for this document: click to turn it on')
      : (ZH ? '点击关闭本文档的检查' : 'Click to turn checking off for this document');
    item.show();
    shown = true;
  };

  let timer: NodeJS.Timeout | undefined;
  const soon = () => { if (timer) clearTimeout(timer); timer = setTimeout(() => void update(), 100); };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(soon),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) soon();
    }),
    vscode.commands.registerCommand(TOGGLE_COMMAND, (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      const key = target.toString();
      if (disabled.has(key)) disabled.delete(key); else disabled.add(key);
      forward?.(target, disabled.has(key) ? [] : (last.get(key) ?? []));
      soon();
      return !disabled.has(key);
    }),
  );
  soon();
  return () => (shown ? item.text : undefined);
}
