/** textDocument/foldingRange: sections, sub-heading blocks and tables (whole lines). */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges } from '../../core/index';
import type { ServerContext } from '../context';

export function onFoldingRange(ctx: ServerContext) {
  return (params: FoldingRangeParams): FoldingRange[] | null => {
    const model = ctx.model(params.textDocument.uri);
    if (!model) return null;
    return foldingRanges(model)
      .filter((r) => r.endLine > r.startLine)
      .map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: FoldingRangeKind.Region }));
  };
}
