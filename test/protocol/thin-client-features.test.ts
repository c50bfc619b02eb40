/**
 * dist/client.js carries inert stand-ins for the vscode-languageclient feature modules listed in
 * scripts/thin-client.mjs. That is only right while the server announces none of their features:
 * this test reads the server's capabilities from `initialize` and maps each to its client module.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT, TestClient } from './client';

/** Server capability → the vscode-languageclient/lib/common module whose feature consumes it. */
const MODULE_OF: Record<string, string> = {
  textDocumentSync: 'textSynchronization', completionProvider: 'completion', hoverProvider: 'hover',
  signatureHelpProvider: 'signatureHelp', definitionProvider: 'definition', referencesProvider: 'reference',
  documentHighlightProvider: 'documentHighlight', documentSymbolProvider: 'documentSymbol',
  workspaceSymbolProvider: 'workspaceSymbol', codeActionProvider: 'codeAction', codeLensProvider: 'codeLens',
  documentFormattingProvider: 'formatting', documentRangeFormattingProvider: 'formatting',
  documentOnTypeFormattingProvider: 'formatting', renameProvider: 'rename', documentLinkProvider: 'documentLink',
  executeCommandProvider: 'executeCommand', typeDefinitionProvider: 'typeDefinition',
  implementationProvider: 'implementation', colorProvider: 'colorProvider', foldingRangeProvider: 'foldingRange',
  declarationProvider: 'declaration', selectionRangeProvider: 'selectionRange', callHierarchyProvider: 'callHierarchy',
  semanticTokensProvider: 'semanticTokens', linkedEditingRangeProvider: 'linkedEditingRange',
  typeHierarchyProvider: 'typeHierarchy', inlineValueProvider: 'inlineValue', inlayHintProvider: 'inlayHint',
  diagnosticProvider: 'diagnostic', notebookDocumentSync: 'notebook', inlineCompletionProvider: 'inlineCompletion',
  workspace: 'workspaceFolder', experimental: 'client', positionEncoding: 'client',
};

describe('thin client: the server needs no feature the client bundle left out', () => {
  let client: TestClient;
  before(() => { ensureBuilt(); client = new TestClient(); });
  after(async () => { await client.stop(); });

  it('maps every announced capability to a bundled client module', async () => {
    const { INERT_FEATURE_MODULES } = (await import(pathToFileURL(join(ROOT, 'scripts', 'thin-client.mjs')).href)) as { INERT_FEATURE_MODULES: string[] };
    const init = await client.initialize();
    const caps = Object.keys(init.capabilities).filter((k) => (init.capabilities as Record<string, unknown>)[k] !== undefined);
    assert.ok(caps.includes('hoverProvider'), 'the server announces its features');
    for (const cap of caps) {
      const mod = MODULE_OF[cap];
      assert.ok(mod, `capability ${cap} has a client module in MODULE_OF`);
      assert.ok(!INERT_FEATURE_MODULES.includes(mod), `${cap} needs ${mod}, which scripts/thin-client.mjs replaces`);
    }
    // workspace.fileOperations would need fileOperations (replaced).
    assert.equal((init.capabilities.workspace as { fileOperations?: unknown } | undefined)?.fileOperations, undefined);
  });
});
