/** textDocument/completion: missing section headings, table row labels, 第二十条 items (core/features/completion). */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { completions, type CompletionKind } from '../../core/features/completion';
import type { ServerContext } from '../context';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  heading: CompletionItemKind.Module,
  row: CompletionItemKind.Field,
  item: CompletionItemKind.EnumMember,
};

export const COMPLETION_TRIGGERS = ['（', '(', '|'];

export function onCompletion(ctx: ServerContext) {
  return (params: CompletionParams): CompletionList | null => {
    const model = ctx.model(params.textDocument.uri);
    if (!model) return null;
    const src = model.source;
    const items = completions(model, src.offsetAt(params.position)).map((c): CompletionItem => {
      const item: CompletionItem = {
        label: c.label,
        kind: KIND[c.kind] ?? CompletionItemKind.Text,
        textEdit: { range: src.rangeOf(c.span), newText: c.insertText },
        insertTextFormat: c.insertTextFormat === 'snippet' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        sortText: c.sortText,
      };
      if (c.filterText) item.filterText = c.filterText;
      if (c.detail) item.detail = c.detail;
      if (c.documentation) item.documentation = c.documentation;
      return item;
    });
    return { isIncomplete: false, items };
  };
}
