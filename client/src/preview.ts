/**
 * 预览年度报告 / 导出为 Word / 导出为 HTML / 从 Word 导入. The server renders (dist/publish.js,
 * loaded on first use); this file only shows a webview, writes and reads bytes.
 *   Preview: a webview beside the editor, body HTML from `govreport/preview`, refreshed (debounced)
 *   as the document or its diagnostics change. Scroll sync: the editor's first visible line →
 *   the element with the nearest data-line; a click in the preview → the editor reveals that line.
 *   Strict CSP: no remote resource, one nonce'd inline script, inline styles.
 * Bundled as dist/preview.js, loaded by previewLoader.ts when one of the commands first runs.
 */
import * as vscode from 'vscode';
import { showUntitled } from './untitled';
import type { LanguageClient } from 'vscode-languageclient/node';

// The catalogue's preview / export group (zh-CN first): this chunk is bundled apart from dist/client.js.
import { PUBLISH as EN } from '../../server/src/core/messages/en/publish';
import { PUBLISH as ZH } from '../../server/src/core/messages/zh-cn/publish';
import { PREVIEW_COMMANDS } from './previewLoader';

type Key = keyof typeof ZH;
const zh = () => !vscode.env.language || vscode.env.language.toLowerCase().startsWith('zh');
/** A catalogue string in the editor's language, {name} placeholders filled. */
export function t(key: Key, args: Record<string, string | number> = {}): string {
  return (zh() ? ZH : EN)[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface PreviewResult { html: string; version: number; errors: number; warnings?: number; notes?: string[] }

/** The bar above the report: legend, counts, export buttons, and the export notes. */
function toolbarHtml(r: PreviewResult): string {
  const legend = (['error', 'warning', 'information'] as const)
    .map((s) => `<span class="gr-swatch gr-${s}">${escapeHtml(t(`preview.severity.${s}`))}</span>`).join(' ');
  const counts = r.errors || r.warnings ? t('preview.findings', { errors: r.errors, warnings: r.warnings ?? 0 }) : t('preview.clean');
  const notes = r.notes?.length
    ? `<details id="gr-notes" open><summary>${escapeHtml(t('publish.notes'))}</summary><ul>${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></details>`
    : '';
  return `<div id="gr-legend">${escapeHtml(t('preview.legend'))}${legend}<span id="gr-counts">${escapeHtml(counts)}</span>`
    + `<button data-command="${PREVIEW_COMMANDS.exportDocx}">${escapeHtml(t('preview.exportDocx'))}</button>`
    + `<button data-command="${PREVIEW_COMMANDS.exportHtml}">${escapeHtml(t('preview.exportHtml'))}</button></div>${notes}`;
}

function nonce(): string {
  let s = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

const STYLE = `
body{font-family:"仿宋_GB2312","仿宋",FangSong,serif;font-size:16px;line-height:1.6;max-width:60em;margin:0 auto;padding:0 1.5em 40vh;}
h1.gr-title{font-family:"方正小标宋简体","宋体",SimSun,serif;font-size:26px;text-align:center;font-weight:normal;}
h2{font-family:"黑体",SimHei,sans-serif;font-size:17px;} h3{font-family:"楷体",KaiTi,serif;font-size:16px;}
h2,h3,h4{font-weight:normal;margin:.5em 0;} p{text-indent:2em;margin:.2em 0;} p.gr-caption{text-indent:0;text-align:center;}
table{border-collapse:collapse;margin:.6em auto;font-size:13px;line-height:1.3;}
td,th{border:1px solid var(--vscode-editor-foreground,#333);padding:2px 4px;text-align:center;} td.gr-label{text-align:left;}
.gr-error{background:rgba(255,0,0,.2);outline:2px solid var(--vscode-editorError-foreground,#d00);}
.gr-warning{background:rgba(255,200,0,.25);outline:1px solid var(--vscode-editorWarning-foreground,#c80);}
.gr-information,.gr-hint{outline:1px dotted var(--vscode-editorInfo-foreground,#08c);}
[data-line]{cursor:default;} .gr-current{box-shadow:-4px 0 0 var(--vscode-focusBorder,#08f);}
#gr-empty{color:var(--vscode-descriptionForeground);text-align:center;margin-top:3em;}
#gr-bar{position:sticky;top:0;z-index:1;background:var(--vscode-editor-background);font-family:var(--vscode-font-family);font-size:12px;padding:4px 0;border-bottom:1px solid var(--vscode-panel-border,#8884);}
#gr-legend{display:flex;gap:.6em;align-items:center;flex-wrap:wrap;} .gr-swatch{padding:0 .4em;} #gr-counts{flex:1;color:var(--vscode-descriptionForeground);}
#gr-bar button{font:inherit;color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:none;padding:2px 8px;cursor:pointer;}
#gr-notes{margin:.3em 0 0;color:var(--vscode-editorWarning-foreground,#c80);} #gr-notes ul{margin:.2em 0;padding-left:1.5em;}
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('gr-root');
const bar = document.getElementById('gr-bar');
bar.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-command]');
  if (b) vscode.postMessage({ type: 'command', id: b.dataset.command });
});
let syncing = false;
function elementFor(line) {
  let best = null, bestLine = -1;
  for (const el of root.querySelectorAll('[data-line]')) {
    const l = Number(el.dataset.line);
    if (l <= line && l >= bestLine) { best = el; bestLine = l; }
  }
  return best;
}
window.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type === 'update') { root.innerHTML = m.html; bar.innerHTML = m.bar || ''; document.title = m.title || document.title; }
  if (m.type === 'scroll') {
    const el = elementFor(m.line);
    if (el) { syncing = true; el.scrollIntoView({ block: 'start' }); setTimeout(() => { syncing = false; }, 50); }
  }
});
root.addEventListener('click', (e) => {
  const el = e.target.closest('[data-line]');
  if (!el) return;
  for (const c of root.querySelectorAll('.gr-current')) c.classList.remove('gr-current');
  el.classList.add('gr-current');
  vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line) });
});
vscode.postMessage({ type: 'ready' });
`;

class Preview {
  readonly panel: vscode.WebviewPanel;
  private timer: NodeJS.Timeout | undefined;
  private lastVersion = -1;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>, public doc: vscode.TextDocument, onDispose: () => void) {
    this.panel = vscode.window.createWebviewPanel('govreport.preview', t('preview.title', { name: basename(doc.uri) }),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    const n = nonce();
    this.panel.webview.html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<style nonce="${n}">${STYLE}</style></head><body><div id="gr-bar"></div><div id="gr-root"><p id="gr-empty">${escapeHtml(t('preview.rendering'))}</p></div>
<script nonce="${n}">${SCRIPT}</script></body></html>`;
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: { type: string; line?: number; id?: string }) => {
        if (m.type === 'ready') void this.refresh(true);
        if (m.type === 'command' && (m.id === PREVIEW_COMMANDS.exportDocx || m.id === PREVIEW_COMMANDS.exportHtml)) {
          // Export the previewed report, whichever editor has the focus now.
          void vscode.window.showTextDocument(this.doc, { preserveFocus: false, preview: false }).then(() => vscode.commands.executeCommand(m.id!));
        }
        if (m.type === 'reveal' && typeof m.line === 'number') void this.reveal(m.line);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === this.doc) this.schedule(); }),
      vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === this.doc.uri.toString())) this.schedule(); }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document === this.doc && e.visibleRanges[0]) void this.panel.webview.postMessage({ type: 'scroll', line: e.visibleRanges[0].start.line });
      }),
    );
    this.panel.onDidDispose(() => { clearTimeout(this.timer); for (const d of this.disposables) d.dispose(); onDispose(); });
  }

  show(doc: vscode.TextDocument): void {
    if (doc !== this.doc) { this.doc = doc; this.lastVersion = -1; this.panel.title = t('preview.title', { name: basename(doc.uri) }); }
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    void this.refresh(true);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(false), 300);
  }

  async refresh(force: boolean): Promise<void> {
    await this.ready;
    const r = await this.client.sendRequest<PreviewResult | null>('govreport/preview', { uri: this.doc.uri.toString() });
    if (!r) {
      void this.panel.webview.postMessage({ type: 'update', html: `<p id="gr-empty">${escapeHtml(t('preview.notReport'))}</p>`, bar: '' });
      return;
    }
    if (!force && r.version === this.lastVersion && r.html === this.lastHtml) return;
    this.lastVersion = r.version;
    this.lastHtml = r.html;
    await this.panel.webview.postMessage({ type: 'update', html: r.html, bar: toolbarHtml(r) });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
    if (editor?.visibleRanges[0]) void this.panel.webview.postMessage({ type: 'scroll', line: editor.visibleRanges[0].start.line });
  }
  private lastHtml = '';

  private async reveal(line: number): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.doc)
      ?? await vscode.window.showTextDocument(this.doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const pos = new vscode.Position(Math.min(line, this.doc.lineCount - 1), 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  }
}

const basename = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;

function activeReport(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc) return doc;
  void vscode.window.showWarningMessage(t('preview.openReport'));
  return undefined;
}

/** Asks before exporting a report that still has error-level findings. */
async function confirmErrors(errors: number): Promise<boolean> {
  if (errors === 0) return true;
  const go = t('preview.exportAnyway');
  const pick = await vscode.window.showWarningMessage(t('preview.confirmErrors', { count: errors }), { modal: true }, go);
  return pick === go;
}

function targetUri(doc: vscode.TextDocument, ext: string): vscode.Uri {
  if (doc.uri.scheme === 'file') return doc.uri.with({ path: doc.uri.path.replace(/(\.[^./]*)?$/, ext) });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = t('preview.defaultName') + ext;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name);
}

let preview: Preview | undefined;

/** Runs one of the commands (called by previewLoader.ts once this chunk is loaded). */
export async function runPreviewCommand(id: string, client: LanguageClient, ready: Promise<void>, args: unknown[]): Promise<unknown> {
  if (id === PREVIEW_COMMANDS.preview) {
    const doc = activeReport();
    if (!doc) return undefined;
    if (preview) preview.show(doc);
    else preview = new Preview(client, ready, doc, () => { preview = undefined; });
    return preview.panel;
  }

  const exportAs = async (kind: 'docx' | 'html', target?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const doc = activeReport();
    if (!doc) return undefined;
    await ready;
    const uri = doc.uri.toString();
    const fonts = vscode.workspace.getConfiguration('govreport', doc.uri).get('export.fonts');
    const r = kind === 'docx'
      ? await client.sendRequest<{ data: string; errors: number; notes?: string[] } | null>('govreport/exportDocx', { uri, fonts })
      : await client.sendRequest<{ html: string; errors: number; notes?: string[] } | null>('govreport/exportHtml', { uri });
    if (!r) {
      void vscode.window.showWarningMessage(t('preview.notExported'));
      return undefined;
    }
    // An explicit target (tests, tasks) writes there without asking.
    if (!target && !(await confirmErrors(r.errors))) return undefined;
    const dest = target ?? await vscode.window.showSaveDialog({
      defaultUri: targetUri(doc, '.' + kind),
      filters: kind === 'docx' ? { 'Word (.docx)': ['docx'] } : { HTML: ['html'] },
      title: kind === 'docx' ? t('preview.exportDocx') : t('preview.exportHtml'),
    });
    if (!dest) return undefined;
    const bytes = 'data' in r ? Buffer.from(r.data, 'base64') : Buffer.from(r.html, 'utf8');
    await vscode.workspace.fs.writeFile(dest, bytes);
    // What the document does differently from the text (split, joined, guessed, left as written) is said, not hidden.
    if (r.notes?.length) void vscode.window.showWarningMessage(t('preview.exportedWithNotes', { path: dest.fsPath, notes: r.notes.join(zh() ? '；' : '; ') }));
    else void vscode.window.showInformationMessage(t('preview.exported', { path: dest.fsPath }));
    return dest;
  };
  const target = args[0] instanceof vscode.Uri ? args[0] : undefined;
  if (id === PREVIEW_COMMANDS.exportDocx) return exportAs('docx', target);
  if (id === PREVIEW_COMMANDS.exportHtml) return exportAs('html', target);

  if (id === PREVIEW_COMMANDS.importDocx) {
    const src = target ?? (await vscode.window.showOpenDialog({
      canSelectMany: false, filters: { 'Word (.docx)': ['docx'] }, title: t('preview.importDocx'),
    }))?.[0];
    if (!src) return undefined;
    await ready;
    const data = Buffer.from(await vscode.workspace.fs.readFile(src)).toString('base64');
    const r = await client.sendRequest<{ markdown: string; warnings: string[] } | null>('govreport/importDocx', { data });
    if (!r?.markdown.trim()) {
      void vscode.window.showErrorMessage(t('preview.importFailed'));
      return undefined;
    }
    return showUntitled('govreport', r.markdown);
  }
  return undefined;
}
