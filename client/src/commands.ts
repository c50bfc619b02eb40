/**
 * Authoring commands of the client. What they write comes from the server (requests of
 * server/src/lsp/handlers/authoring.ts, backed by the pure core's render / features/templates), so a
 * new report or an inserted table is exactly what the checker reads, and dist/client.js bundles no
 * checking code. This file only shows prompts and applies the answers.
 *   govreport.newReport     新建政府信息公开年度报告: asks body, year, kind; opens an untitled report
 *   govreport.insertTable   插入统计表: quick pick of the document's version's tables, inserted as a snippet
 *   govreport.formatTables  格式化表格: editor.action.formatDocument (the server aligns pipe tables)
 * Imports only 'vscode' and the language client's types.
 */
import * as vscode from 'vscode';
import { showUntitled } from './untitled';
import type { LanguageClient } from 'vscode-languageclient/node';

export const COMMANDS = {
  newReport: 'govreport.newReport',
  insertTable: 'govreport.insertTable',
  formatTables: 'govreport.formatTables',
} as const;

/** Language id of report documents (contributed by the manifest). */
const LANGUAGE = 'govreport';

type BodyKind = 'government' | 'department';
interface Texts { bodyPrompt: string; bodyPlaceholder: string; bodyRequired: string; yearPrompt: string; yearInvalid: string; noEditor: string }
interface KindChoices { title: string; placeHolder: string; kinds: { bodyKind: BodyKind; label: string; detail: string }[] }
interface TableChoices { title: string; version: string; items: { key: string; label: string; description: string; detail?: string }[] }

const eolOf = (doc: vscode.TextDocument): '\n' | '\r\n' => (doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');

/** Arguments that skip the prompts (keybindings, tasks, tests): `{ body, year, kind }`. */
export interface NewReportArgs { body?: string; year?: number; kind?: BodyKind }

/** Sends a request once the server is up. */
type Ask = <R>(method: string, params?: object) => Promise<R>;

async function newReport(ask: Ask, args: NewReportArgs = {}): Promise<vscode.TextEditor | undefined> {
  if (args.body && args.year && args.kind) return openNewReport(ask, args.body, args.year, args.kind);
  const { texts, defaultYear } = await ask<{ texts: Texts; defaultYear: number }>('govreport/authoringTexts');
  const body = args.body ?? await vscode.window.showInputBox({
    title: texts.bodyPrompt,
    prompt: texts.bodyPrompt,
    placeHolder: texts.bodyPlaceholder,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : texts.bodyRequired),
  });
  if (body === undefined) return undefined;
  const yearText = await vscode.window.showInputBox({
    title: texts.yearPrompt,
    prompt: texts.yearPrompt,
    value: String(defaultYear),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\s*(20[1-9]\d|2100)\s*$/.test(v) && Number(v) >= 2019 ? undefined : texts.yearInvalid),
  });
  if (yearText === undefined) return undefined;
  const year = Number(yearText.trim());
  const choices = await ask<KindChoices | null>('govreport/newReportKinds', { body, year });
  if (!choices) return undefined;
  const picked = await vscode.window.showQuickPick(choices.kinds, { title: choices.title, placeHolder: choices.placeHolder, ignoreFocusOut: true });
  if (!picked) return undefined;
  return openNewReport(ask, body, year, picked.bodyKind);
}

async function openNewReport(ask: Ask, body: string, year: number, kind: BodyKind): Promise<vscode.TextEditor | undefined> {
  const r = await ask<{ text: string } | null>('govreport/newReport', { body, year, kind });
  if (!r) return undefined;
  return showUntitled(LANGUAGE, r.text);
}

/** `{ table: 'T3' }` inserts that table without asking. */
async function insertTable(ask: Ask, args: { table?: string } = {}): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    const { texts } = await ask<{ texts: Texts }>('govreport/authoringTexts');
    void vscode.window.showInformationMessage(texts.noEditor);
    return false;
  }
  const doc = editor.document;
  const choices = await ask<TableChoices | null>('govreport/tableChoices', { uri: doc.uri.toString() });
  if (!choices) return false;
  const choice = choices.items.find((c) => c.key === args.table)
    ?? await vscode.window.showQuickPick(choices.items, { title: choices.title, matchOnDescription: true });
  if (!choice) return false;
  const eol = eolOf(doc);
  const template = await ask<{ snippet: string } | null>('govreport/tableTemplate', { version: choices.version, table: choice.key, eol });
  if (!template) return false;
  const pos = editor.selection.active;
  const lineText = doc.lineAt(pos.line).text;
  // A table needs lines of its own: open a blank line before it when the cursor is inside text.
  const lead = lineText.slice(0, pos.character).trim() ? eol + eol : '';
  const trail = lineText.slice(pos.character).trim() ? eol + eol : eol;
  const snippet = lead + template.snippet + trail;
  return editor.insertSnippet(new vscode.SnippetString(snippet.replace(/\r\n/g, '\n')), pos);
}

export async function formatTables(): Promise<void> {
  await vscode.commands.executeCommand('editor.action.formatDocument');
}

/** Registers the authoring commands; call from activate(). */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): void {
  const ask: Ask = async (method, params) => {
    await ready;
    return client.sendRequest(method, params ?? {});
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newReport, (args?: NewReportArgs) => newReport(ask, args)),
    vscode.commands.registerCommand(COMMANDS.insertTable, (args?: { table?: string }) => insertTable(ask, args)),
    vscode.commands.registerCommand(COMMANDS.formatTables, formatTables),
  );
}
