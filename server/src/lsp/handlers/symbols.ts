/** textDocument/documentSymbol: the core outline (sections → sub-headings → tables), hierarchical. */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver';
import { documentSymbols, type OutlineSymbol, type SymbolKind as CoreKind } from '../../core/index';
import type { SourceText } from '../../core/index';
import type { ServerContext } from '../context';

const KIND: Record<CoreKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  heading: SymbolKind.Namespace,
  table: SymbolKind.Struct,
};

function toDocumentSymbol(s: OutlineSymbol, src: SourceText): DocumentSymbol {
  // The selection must lie inside the full range (VS Code rejects the outline otherwise).
  const start = Math.min(s.span.start, s.selectionSpan.start);
  const end = Math.max(s.span.end, s.selectionSpan.end);
  const sym: DocumentSymbol = {
    name: s.name.trim() || '—',
    kind: KIND[s.kind] ?? SymbolKind.Namespace,
    range: src.rangeOf({ start, end }),
    selectionRange: src.rangeOf(s.selectionSpan),
    children: s.children.map((c) => toDocumentSymbol(c, src)),
  };
  if (s.detail) sym.detail = s.detail;
  return sym;
}

function flatten(syms: DocumentSymbol[], uri: string, container: string | undefined, out: SymbolInformation[]): SymbolInformation[] {
  for (const s of syms) {
    const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (container) info.containerName = container;
    out.push(info);
    if (s.children) flatten(s.children, uri, s.name, out);
  }
  return out;
}

export function onDocumentSymbol(ctx: ServerContext) {
  return (params: DocumentSymbolParams): DocumentSymbol[] | SymbolInformation[] | null => {
    const model = ctx.model(params.textDocument.uri);
    if (!model) return null;
    const syms = documentSymbols(model).map((s) => toDocumentSymbol(s, model.source));
    return ctx.support.hierarchicalSymbols ? syms : flatten(syms, params.textDocument.uri, undefined, []);
  };
}
