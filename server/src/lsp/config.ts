/**
 * `.govreport.jsonc` in the server: layers the file over the editor settings for file: documents
 * (the search stops at the workspace folder holding the document), and publishes the config
 * file's own errors as diagnostics on it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { AnalyzeOptions } from '../core/index';
import { SourceText } from '../core/index';
import { CONFIG_FILE, clearConfigCache, loadConfigFor } from '../node/config/load';

/** Config files we published errors for, so that fixed files get their diagnostics cleared. */
const withErrors = new Set<string>();

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export function isConfigUri(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE);
}

export function configChanged(uri: string): void {
  const p = pathOf(uri);
  clearConfigCache(p);
}

export function withConfig(uri: string, base: AnalyzeOptions, folders: readonly string[], connection: Connection): AnalyzeOptions {
  const path = pathOf(uri);
  if (!path) return base;
  const folder = folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : f + '/')).sort((a, b) => b.length - a.length)[0];
  const r = loadConfigFor(path, base, folder ? pathOf(folder) : undefined);
  if (r.path) publishConfigErrors(r.path, r.text ?? '', r.errors.map((e) => ({ message: e.message, span: e.span })), connection);
  return r.options;
}

function publishConfigErrors(path: string, text: string, errors: { message: string; span: { start: number; end: number } }[], connection: Connection): void {
  const uri = pathToFileURL(path).href;
  if (errors.length === 0 && !withErrors.has(uri)) return;
  const src = new SourceText(text);
  const diagnostics: Diagnostic[] = errors.map((e) => ({
    range: src.rangeOf(e.span), message: e.message, severity: DiagnosticSeverity.Error, source: 'govreport',
  }));
  if (diagnostics.length) withErrors.add(uri); else withErrors.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics });
}
