/**
 * The server's initializationOptions as the VS Code client sends them (and scripts/bench-lsp.mjs,
 * which must measure what VS Code gets).
 */

/**
 * VS Code's extension host keeps at most this many diagnostics per file
 * (vs/workbench/api/common/extHostDiagnostics.ts: `ExtHostDiagnostics._maxDiagnosticsPerFile = 1e3`;
 * above it, all errors, then warnings, information and hints in array order until 1000, plus an
 * English-only "Not showing {0} further errors and warnings." marker). Declared so that the server
 * sends no more than is kept, with a note of its own (server/src/lsp/publish.ts): a 1 MB report has
 * ~1600 findings, and the ~600 beyond the limit were sent, parsed and converted to be dropped.
 */
export const VSCODE_MAX_DIAGNOSTICS_PER_FILE = 1000;

export interface InitializationOptions {
  /** The display language; the server picks zh-cn or en from it. */
  locale: string;
  /** The rule pages' folder (for the diagnostics' rule links where the server makes them). */
  docsBase: string;
  maxDiagnosticsPerFile: number;
  /**
   * The client adds `source` and the rule link from the code itself (client/src/ruleDocs.ts
   * completeDiagnostic): the server leaves them out of every diagnostic, which on a 1 MB report is
   * over a third of the publishDiagnostics message.
   */
  completesDiagnostics: true;
}

export function initializationOptions(locale: string, docsBase: string): InitializationOptions {
  return { locale, docsBase, maxDiagnosticsPerFile: VSCODE_MAX_DIAGNOSTICS_PER_FILE, completesDiagnostics: true };
}
