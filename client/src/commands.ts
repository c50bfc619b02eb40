/**
 * Authoring commands of the client. Everything they write comes from the pure core (render /
 * features/templates), so a new report or an inserted table is exactly what the checker reads.
 *   govreport.newReport     新建政府信息公开年度报告: asks body, year, kind; opens an untitled report
 *   govreport.insertTable   插入统计表: quick pick of the document's version's tables, inserted as a snippet
 *   govreport.formatTables  格式化表格: editor.action.formatDocument (the server aligns pipe tables)
 * Imports only 'vscode' and pure core modules.
 */
import * as vscode from 'vscode';
import { pickLocale, translate, type MessageKey } from '../../server/src/core/messages/index';
import { parseReport } from '../../server/src/core/parse/report';
import { FORMATS } from '../../server/src/core/standard/versions';
import type { TableKey } from '../../server/src/core/standard/types';
import {
  defaultReportYear, documentVersion, guessBodyKind, newReportText, reportVersion, tableChoices, tableTemplate, type BodyKind,
} from '../../server/src/core/features/templates';

export const COMMANDS = {
  newReport: 'govreport.newReport',
  insertTable: 'govreport.insertTable',
  formatTables: 'govreport.formatTables',
} as const;

/** Language id of report documents (contributed by the manifest). */
const LANGUAGE = 'govreport';

function t(key: MessageKey, args?: Record<string, string | number>): string {
  return translate(pickLocale(vscode.env.language), key, args);
}

const eolOf = (doc: vscode.TextDocument): '\n' | '\r\n' => (doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');

/** Arguments that skip the prompts (keybindings, tasks, tests): `{ body, year, kind }`. */
export interface NewReportArgs { body?: string; year?: number; kind?: BodyKind }

export async function newReport(args: NewReportArgs = {}): Promise<vscode.TextEditor | undefined> {
  if (args.body && args.year && args.kind) return openNewReport(args.body, args.year, args.kind);
  const body = args.body ?? await vscode.window.showInputBox({
    title: t('ui.authoring.bodyPrompt'),
    prompt: t('ui.authoring.bodyPrompt'),
    placeHolder: t('ui.authoring.bodyPlaceholder'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : t('ui.authoring.bodyRequired')),
  });
  if (body === undefined) return undefined;
  const yearText = await vscode.window.showInputBox({
    title: t('ui.authoring.yearPrompt'),
    prompt: t('ui.authoring.yearPrompt'),
    value: String(defaultReportYear()),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\s*(20[1-9]\d|2100)\s*$/.test(v) && Number(v) >= 2019 ? undefined : t('ui.authoring.yearInvalid')),
  });
  if (yearText === undefined) return undefined;
  const year = Number(yearText.trim());
  const guess = guessBodyKind(body);
  const kinds: (vscode.QuickPickItem & { bodyKind: BodyKind })[] = [
    { bodyKind: 'government', label: t('ui.authoring.kindGovernment'), detail: t('ui.authoring.kindGovernmentDetail') },
    { bodyKind: 'department', label: t('ui.authoring.kindDepartment'), detail: t('ui.authoring.kindDepartmentDetail') },
  ];
  if (guess === 'department') kinds.reverse();
  const version = reportVersion(year);
  const picked = await vscode.window.showQuickPick(kinds, {
    title: t('ui.authoring.kindPrompt'),
    placeHolder: t('ui.authoring.versionDetail', { version, notice: FORMATS[version].notice }),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return openNewReport(body, year, picked.bodyKind);
}

async function openNewReport(body: string, year: number, kind: BodyKind): Promise<vscode.TextEditor> {
  const content = newReportText({ body: body.trim(), year, kind, version: reportVersion(year) });
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE, content });
  return vscode.window.showTextDocument(doc);
}

/** `{ table: 'T3' }` inserts that table without asking. */
export async function insertTable(args: { table?: TableKey } = {}): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(t('ui.authoring.noEditor'));
    return false;
  }
  const doc = editor.document;
  const model = parseReport(doc.getText());
  const version = documentVersion(model.usedVersion, model.year);
  const present = new Set(model.tables.map((x) => x.key));
  const items = tableChoices(version).map((c) => ({ ...c, picked: false, detail: present.has(c.key) ? '✓' : undefined }));
  const choice = items.find((c) => c.key === args.table)
    ?? await vscode.window.showQuickPick(items, { title: t('ui.authoring.tablePrompt', { version }), matchOnDescription: true });
  if (!choice) return false;
  const eol = eolOf(doc);
  const pos = editor.selection.active;
  const lineText = doc.lineAt(pos.line).text;
  // A table needs lines of its own: open a blank line before it when the cursor is inside text.
  const lead = lineText.slice(0, pos.character).trim() ? eol + eol : '';
  const trail = lineText.slice(pos.character).trim() ? eol + eol : eol;
  const snippet = lead + tableTemplate(version, choice.key, eol, { snippet: true }) + trail;
  return editor.insertSnippet(new vscode.SnippetString(snippet.replace(/\r\n/g, '\n')), pos);
}

export async function formatTables(): Promise<void> {
  await vscode.commands.executeCommand('editor.action.formatDocument');
}

/** Registers the authoring commands; call from activate(). */
export function registerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newReport, newReport),
    vscode.commands.registerCommand(COMMANDS.insertTable, insertTable),
    vscode.commands.registerCommand(COMMANDS.formatTables, formatTables),
  );
}
