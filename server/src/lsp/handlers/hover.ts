/** textDocument/hover: the core's table hovers (sums term by term, row meanings), as Markdown. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../../core/index';
import type { ServerContext } from '../context';

export function onHover(ctx: ServerContext) {
  return async (params: HoverParams): Promise<Hover | null> => {
    const uri = params.textDocument.uri;
    if (!ctx.reportDocument(uri)) return null;
    if (!(await ctx.settings(uri)).hover.enabled) return null;
    const model = ctx.model(uri);
    if (!model) return null;
    const src = model.source;
    const h = hoverAt({ model }, src.offsetAt(params.position), { locale: ctx.locale });
    if (!h || !h.markdown) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: src.rangeOf(h.span) };
  };
}
