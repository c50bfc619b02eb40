/** textDocument/inlayHint: expected totals and per-table summaries from the core. */
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { inlayHints } from '../../core/index';
import type { ServerContext } from '../context';

export function onInlayHint(ctx: ServerContext) {
  return async (params: InlayHintParams): Promise<InlayHint[] | null> => {
    const uri = params.textDocument.uri;
    if (!ctx.reportDocument(uri)) return null;
    if (!(await ctx.settings(uri)).inlayHints.enabled) return [];
    const model = ctx.model(uri);
    if (!model) return null;
    const src = model.source;
    const span = { start: src.offsetAt(params.range.start), end: src.offsetAt(params.range.end) };
    return inlayHints({ model }, span, { locale: ctx.locale }).map((h) => {
      const hint: InlayHint = { position: src.positionAt(h.offset), label: h.label };
      if (h.tooltip) hint.tooltip = h.tooltip;
      if (h.paddingLeft) hint.paddingLeft = true;
      return hint;
    });
  };
}
