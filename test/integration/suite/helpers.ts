// Shared helpers for the integration suite (bundled into each *.test.ts by esbuild; not a test file).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { showUntitled } from '../../../client/src/untitled';

export const EXTENSION_ID = 'govreport.gov-report';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
  return ext;
}

/** Activates the extension (idempotent) and returns its exported API. */
export async function activate(): Promise<unknown> {
  const ext = extension();
  const api = ext.isActive ? ext.exports : await ext.activate();
  const ready = (api as { ready?: Promise<void> } | undefined)?.ready;
  if (ready) await ready;
  return api;
}

/** An untitled document holding `content`, shown; a stale backup VS Code put in it is replaced (client/src/untitled.ts). */
export function openUntitled(
  language: string,
  content: string,
  options: vscode.TextDocumentShowOptions = { preview: false },
): Promise<vscode.TextEditor> {
  return showUntitled(language, content, options, (chars) =>
    console.log(`      (an untitled document opened with ${chars} characters of an earlier document's backup: replaced)`));
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder: run.js passes test/integration/workspace (a scratch copy)');
  return folder.uri;
}

export function wsUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function openFile(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The diagnostic's code as a plain string (codes may come as { value, target }). */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Only this extension's diagnostics (GRnnn codes). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => /^GR\d{3}$/.test(codeOf(d)));
}

export function describeDiags(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  return ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}` +
    `-${d.range.end.line + 1}:${d.range.end.character + 1}[${vscode.DiagnosticSeverity[d.severity]}]`).join(', ');
}

/**
 * Resolves with the URI's GR diagnostics as soon as `predicate` holds for them: checked now, then on
 * every vscode.languages.onDidChangeDiagnostics event for this URI. No polling, no fixed sleeps.
 * Rejects after `timeoutMs` with what the document had last.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let sub: vscode.Disposable | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (ds: vscode.Diagnostic[]) => { sub?.dispose(); if (timer) clearTimeout(timer); resolve(ds); };
    const check = () => {
      const ds = ours(uri);
      let ok = false;
      try { ok = predicate(ds); } catch { ok = false; }
      if (ok) done(ds);
      return ok;
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    if (check()) return;
    timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.toString(true)}; ` +
        `last: ${describeDiags(ours(uri))}`));
    }, timeoutMs);
  });
}

/** Waits until the document has at least one GR diagnostic. */
export function waitForAnyDiagnostics(uri: vscode.Uri, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ds.length > 0, timeoutMs, 'any GR diagnostic');
}

/** Zero-based number of the first line whose text (trimmed of all kinds of spaces) starts with `prefix`. */
export function lineStartingWith(doc: vscode.TextDocument, prefix: string, from = 0): number {
  for (let i = from; i < doc.lineCount; i++) {
    if (doc.lineAt(i).text.replace(/^[\s\u3000]+/, '').startsWith(prefix)) return i;
  }
  assert.fail(`no line starting with "${prefix}" in ${doc.uri.toString(true)}`);
}

/** Asserts that some diagnostic with `code` starts on `line` and covers the line's first visible character. */
export function assertOnLine(doc: vscode.TextDocument, ds: readonly vscode.Diagnostic[], code: string, line: number): vscode.Diagnostic {
  const text = doc.lineAt(line).text;
  const firstVisible = text.length - text.replace(/^[\s\u3000]+/, '').length;
  const hit = ds.find((d) => codeOf(d) === code && d.range.start.line === line);
  assert.ok(hit, `expected ${code} on line ${line + 1} ("${text.slice(0, 30)}"); got ${describeDiags(ds)}`);
  assert.ok(hit.range.start.character <= firstVisible && hit.range.end.isAfter(new vscode.Position(line, firstVisible)),
    `${code} on line ${line + 1} should cover the heading text from column ${firstVisible + 1}; range is ${describeDiags([hit])}`);
  return hit;
}

export function codes(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.map(codeOf);
}

/** A round trip to the language server that is answered only after it has handled earlier notifications. */
export async function roundTrip(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
}

/**
 * Every URI the language server has published diagnostics for (empty sets included), since the suite
 * started. Shared across the separately bundled test files through globalThis; the listener is
 * installed when mocha loads the first test file, before any test opens a document.
 */
const registry = globalThis as { __govreportPublished?: Set<string>; __govreportPublishedEvents?: vscode.EventEmitter<string> };
if (!registry.__govreportPublished) {
  const seen = new Set<string>();
  const emitter = new vscode.EventEmitter<string>();
  registry.__govreportPublished = seen;
  registry.__govreportPublishedEvents = emitter;
  vscode.languages.onDidChangeDiagnostics((e) => {
    for (const u of e.uris) { seen.add(u.toString()); emitter.fire(u.toString()); }
  });
}

/** Resolves once diagnostics have been published for the URI at least once (now or earlier). */
export function waitForFirstPublish(uri: vscode.Uri, timeoutMs = 20_000): Promise<void> {
  const key = uri.toString();
  if (registry.__govreportPublished!.has(key)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sub = registry.__govreportPublishedEvents!.event((u) => {
      if (u === key) { sub.dispose(); clearTimeout(timer); resolve(); }
    });
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no diagnostics published for ${uri.toString(true)} within ${timeoutMs} ms`)); }, timeoutMs);
  });
}

/**
 * Opens a workspace file in an editor and resolves once the language server has published diagnostics
 * for it at least once (empty sets included). Use for files that may legitimately have no diagnostic.
 */
export async function openAndWaitForPublish(name: string, timeoutMs = 20_000): Promise<{ doc: vscode.TextDocument; diags: vscode.Diagnostic[] }> {
  const uri = wsUri(name);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  await waitForFirstPublish(uri, timeoutMs);
  return { doc, diags: ours(uri) };
}
