/**
 * Registers 预览年度报告 / 导出为 Word / 导出为 HTML / 从 Word 导入; their code (client/src/preview.ts,
 * bundled as dist/preview.js) is required on first use so that dist/client.js stays small.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const PREVIEW_COMMANDS = {
  preview: 'govreport.preview',
  exportDocx: 'govreport.exportDocx',
  exportHtml: 'govreport.exportHtml',
  importDocx: 'govreport.importDocx',
} as const;

type PreviewChunk = typeof import('./preview');

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): void {
  let chunk: PreviewChunk | undefined;
  const load = (): PreviewChunk => {
    // A computed path: esbuild leaves this require alone (the chunk is a bundle of its own).
    const path = vscode.Uri.joinPath(context.extensionUri, 'dist', 'preview.js').fsPath;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (chunk ??= require(path) as PreviewChunk);
  };
  for (const id of Object.values(PREVIEW_COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => load().runPreviewCommand(id, client, ready, args)));
  }
}
