/** textDocument/completion: missing section headings, table row labels, 第二十条 items (core/features/completion). */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { completions, type CompletionItemLike, type CompletionKind, snippetCompletions, SourceText } from '../../core/index';
import type { ServerContext } from '../context';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  heading: CompletionItemKind.Module,
  row: CompletionItemKind.Field,
  item: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
};

// 报/告/表 end what an author types at a line start for a snippet ("年报", "年度报告", "表"): Markdown
// has quick suggestions off, so the snippet list opens on these without Ctrl+Space.
export const COMPLETION_TRIGGERS = ['（', '(', '|', '报', '告', '表'];

export function onCompletion(ctx: ServerContext) {
  return (params: CompletionParams): CompletionList | null => {
    const model = ctx.model(params.textDocument.uri);
    let src: SourceText;
    let found: CompletionItemLike[];
    if (model) {
      src = model.source;
      const offset = src.offsetAt(params.position);
      found = [...completions(model, offset), ...snippetCompletions(src.text, offset, model)];
    } else {
      // Not a report (yet): an empty document still gets the report skeleton and the tables.
      const text = ctx.documents.get(params.textDocument.uri)?.getText();
      if (text === undefined || text.trim().length > 8) return null;
      src = new SourceText(text);
      found = snippetCompletions(text, src.offsetAt(params.position), null);
    }
    if (!found.length) return null;
    const items = found.map((c): CompletionItem => {
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
