/** textDocument/formatting and rangeFormatting: aligns the Markdown pipe tables (core/features/formatting). */
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { formatDocument, formatRange } from '../../core/index';
import type { ServerContext } from '../context';
import { toLspEdits } from '../convert';

export function onFormatting(ctx: ServerContext) {
  return (params: DocumentFormattingParams): TextEdit[] | null => {
    const model = ctx.model(params.textDocument.uri);
    if (!model) return null;
    return toLspEdits(formatDocument(model), model.source);
  };
}

export function onRangeFormatting(ctx: ServerContext) {
  return (params: DocumentRangeFormattingParams): TextEdit[] | null => {
    const model = ctx.model(params.textDocument.uri);
    if (!model) return null;
    const src = model.source;
    const span = { start: src.offsetAt(params.range.start), end: src.offsetAt(params.range.end) };
    return toLspEdits(formatRange(model, span), src);
  };
}
