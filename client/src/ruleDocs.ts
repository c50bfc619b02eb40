/**
 * Rule pages (docs/rules/GRxxx.md) open inside VS Code as a rendered Markdown preview, not as
 * source text or in a browser. The .vsix ships them as one dist/rule-docs.json (forty small CJK
 * pages zipped one by one cost twice as much); on first use they are written out, once per
 * extension version, to the extension's global storage (ruleDocsDir), so relative links between
 * pages keep working. A development checkout reads docs/rules/ directly.
 *   govreport.showRule "GR101"   runs markdown.showPreview on the bundled page; an English page
 *                                (docs/rules/en/GR101.md) is preferred when the display language
 *                                is not Chinese and such a page exists
 *   ruleLink(diagnostic)         the diagnostic's code link (the server sends the file:// page,
 *                                valid for any LSP client) becomes command:govreport.showRule?["GR101"];
 *                                the Problems panel and the hover open code links with commands allowed
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';

export const SHOW_RULE_COMMAND = 'govreport.showRule';
const CODE = /^GR\d{3}$/;

/** One per rule code: a 1 MB report's 1000 diagnostics share a few dozen (a Uri is immutable). */
const commandUris = new Map<string, vscode.Uri>();

/** `command:govreport.showRule?["GR101"]` */
export function ruleCommandUri(code: string): vscode.Uri {
  let uri = commandUris.get(code);
  if (!uri) {
    uri = vscode.Uri.parse(`command:${SHOW_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`);
    commandUris.set(code, uri);
  }
  return uri;
}

/** The diagnostic with its rule link pointing at the preview command (other diagnostics untouched). */
export function withRuleLink(d: vscode.Diagnostic): vscode.Diagnostic {
  const c = d.code;
  if (d.source !== 'govreport' || c === undefined) return d;
  const code = String(typeof c === 'object' ? c.value : c);
  if (!CODE.test(code)) return d;
  d.code = { value: code, target: ruleCommandUri(code) };
  return d;
}

/**
 * A diagnostic of our server as the editor should show it: the server leaves out `source` and the
 * rule link, which are the same for all of them (initializationOptions.completesDiagnostics), and
 * the client adds them here.
 */
export function completeDiagnostic(d: vscode.Diagnostic): vscode.Diagnostic {
  if (d.source === undefined) d.source = 'govreport';
  return withRuleLink(d);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

type DocsContext = Pick<vscode.ExtensionContext, 'extensionUri' | 'globalStorageUri' | 'extension'>;

/** docs/rules/ of a development checkout, or undefined in an installed .vsix (which has dist/rule-docs.json instead). */
function checkoutDocs(context: DocsContext): vscode.Uri | undefined {
  const source = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  return source.scheme === 'file' && existsSync(source.fsPath) ? source : undefined;
}

/** Where the rule pages are, or will be once written out: one folder per extension version in global storage. */
export function ruleDocsLocation(context: DocsContext): vscode.Uri {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
  return checkoutDocs(context) ?? vscode.Uri.joinPath(context.globalStorageUri, 'rule-docs', version);
}

/** The rule pages' folder, written out from dist/rule-docs.json first if this version has not done so yet. */
export async function ruleDocsDir(context: DocsContext): Promise<vscode.Uri> {
  const checkout = checkoutDocs(context);
  if (checkout) return checkout;
  const dir = ruleDocsLocation(context);
  const marker = vscode.Uri.joinPath(dir, '.complete');
  if (await exists(marker)) return dir;
  const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist', 'rule-docs.json');
  const pages = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(bundle))) as Record<string, string>;
  const encoder = new TextEncoder();
  for (const [rel, text] of Object.entries(pages)) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, ...rel.split('/')), encoder.encode(text));
  }
  // Written last: an interrupted write-out is redone next time rather than left half done.
  await vscode.workspace.fs.writeFile(marker, new Uint8Array());
  return dir;
}

/** The page to show: the English one for a non-Chinese display language when it exists. */
export async function rulePage(dir: vscode.Uri, code: string): Promise<vscode.Uri | undefined> {
  if (!CODE.test(code)) return undefined;
  if (!vscode.env.language.toLowerCase().startsWith('zh')) {
    const en = vscode.Uri.joinPath(dir, 'en', `${code}.md`);
    if (await exists(en)) return en;
  }
  const zh = vscode.Uri.joinPath(dir, `${code}.md`);
  return (await exists(zh)) ? zh : undefined;
}

/** Palette: a quick pick of the rule pages, each with its first heading. */
async function pickRule(dir: vscode.Uri): Promise<string | undefined> {
  const names = (await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n).filter((n) => /^GR\d{3}\.md$/.test(n)).sort();
  const items = await Promise.all(names.map(async (n) => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, n)));
    const heading = /^#\s+GR\d{3}\s+(.*)$/m.exec(text)?.[1] ?? '';
    return { label: n.slice(0, 5), description: heading };
  }));
  const zh = vscode.env.language.toLowerCase().startsWith('zh');
  const picked = await vscode.window.showQuickPick(items, { title: zh ? '查看规则说明' : 'Show rule documentation', matchOnDescription: true });
  return picked?.label;
}

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_RULE_COMMAND, async (arg?: unknown) => {
    // From a command URI the code comes as a string; from a diagnostic, as { value }; from the palette, picked.
    const code = typeof arg === 'string' ? arg.trim().toUpperCase()
      : typeof arg === 'object' && arg !== null && 'value' in arg ? String((arg as { value: unknown }).value)
      : arg === undefined ? await pickRule(await ruleDocsDir(context)) : '';
    if (code === undefined) return undefined;
    const page = await rulePage(await ruleDocsDir(context), code);
    if (!page) {
      const zh = vscode.env.language.toLowerCase().startsWith('zh');
      void vscode.window.showWarningMessage(zh ? `没有规则 ${code || '（未指定）'} 的说明页` : `No rule page for ${code || '(none given)'}`);
      return undefined;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return page;
  }));
}
