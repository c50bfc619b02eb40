/**
 * `govreport.fixAllStopped`: the server attaches this command to its fix-all code actions when
 * fix-all stopped without converging; VS Code runs it after applying the edit (also on save with
 * editor.codeActionsOnSave). The message (zh-CN first, from the server's catalogue) says why it
 * stopped and which errors remain. Returns the message so that tests can see what was shown.
 */
import * as vscode from 'vscode';

export const FIX_ALL_STOPPED_COMMAND = 'govreport.fixAllStopped';

export function registerFixAllNotice(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(FIX_ALL_STOPPED_COMMAND, (message?: unknown) => {
    if (typeof message !== 'string' || !message) return undefined;
    void vscode.window.showWarningMessage(message);
    return message;
  }));
}
