/**
 * Build-time stand-in (scripts/build.mjs, client bundle only) for the vscode-languageclient feature
 * modules whose LSP features the govreport server never offers (signature help, definitions, rename,
 * semantic tokens, notebooks, pull diagnostics, file operations, …). Each class is an inert static
 * feature: it advertises no client capability and registers nothing, so ~120 KB of client code
 * (and minimatch, which only file operations use) stay out of dist/client.js. The features the server
 * does offer (sync, completion, hover, symbols, folding, code actions, formatting, inlay hints,
 * configuration, file watching, progress, workspace folders, execute command) are bundled as they are.
 */
class InertFeature {
  constructor(_client?: unknown) {}
  fillClientCapabilities(): void {}
  initialize(): void {}
  getState(): { kind: 'static' } { return { kind: 'static' }; }
  clear(): void {}
}

export class SignatureHelpFeature extends InertFeature {}
export class DefinitionFeature extends InertFeature {}
export class ReferencesFeature extends InertFeature {}
export class DocumentHighlightFeature extends InertFeature {}
export class WorkspaceSymbolFeature extends InertFeature {}
export class CodeLensFeature extends InertFeature {}
export class RenameFeature extends InertFeature {}
export class DocumentLinkFeature extends InertFeature {}
export class TypeDefinitionFeature extends InertFeature {}
export class ImplementationFeature extends InertFeature {}
export class ColorProviderFeature extends InertFeature {}
export class DeclarationFeature extends InertFeature {}
export class SelectionRangeFeature extends InertFeature {}
export class CallHierarchyFeature extends InertFeature {}
export class SemanticTokensFeature extends InertFeature {}
export class LinkedEditingFeature extends InertFeature {}
export class DidCreateFilesFeature extends InertFeature {}
export class DidRenameFilesFeature extends InertFeature {}
export class DidDeleteFilesFeature extends InertFeature {}
export class WillCreateFilesFeature extends InertFeature {}
export class WillRenameFilesFeature extends InertFeature {}
export class WillDeleteFilesFeature extends InertFeature {}
export class TypeHierarchyFeature extends InertFeature {}
export class InlineValueFeature extends InertFeature {}
export class DiagnosticFeature extends InertFeature {}
export class InlineCompletionItemFeature extends InertFeature {}
export class TextDocumentContentFeature extends InertFeature {}
export class NotebookDocumentSyncFeature extends InertFeature {
  /** The URI scheme of notebook cells (client.js compares document URIs with it). */
  static readonly CellScheme = 'vscode-notebook-cell';
}
