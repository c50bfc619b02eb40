/**
 * The workspace's reports for the language server: a ReportIndex (pure core) fed with the report
 * files of the workspace folders (read in the background) and with the open documents (which
 * replace their file's text while open). Gives the peers of a report (same body, year Y−1), the
 * reports to re-check when one changes (Y+1), and the workspace summary (govreport/workspaceSummary).
 */
import { createIgnoreFilter } from '../node/config/ignore';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReportModel } from '../core/model/types';
import { looksLikeReport } from '../core/parse/title';
import type { PeerReport } from '../core/rules/types';
import { stripBom } from '../core/text/source';
import { ReportIndex, renderSummaryMarkdown } from '../core/workspace/index';
import type { AnalyzeOptions } from '../core/analyze';

/** Custom request: the workspace overview as Markdown. */
export const WORKSPACE_SUMMARY_REQUEST = 'govreport/workspaceSummary';
export interface WorkspaceSummaryResult { markdown: string; reports: number }

const REPORT_FILE = /\.(?:md|markdown|txt|govreport)$/i;
const SKIP_DIR = /^(?:node_modules|\..*|out|dist|build|target|vendor)$/;
/** Limits of the background scan. */
const MAX_FILES = 5000;
const MAX_BYTES = 2 * 1024 * 1024;

export class WorkspaceReports {
  readonly index = new ReportIndex();
  private readonly open = new Set<string>();
  private stamp = 0;

  /** Reads the report files under the folders (file: URIs). Returns the URIs indexed. */
  async scan(folders: readonly string[], onError: (m: string) => void): Promise<string[]> {
    const found: string[] = [];
    let visited = 0;
    let ignored: (path: string) => boolean = () => false;
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (visited >= MAX_FILES) return;
        const path = join(dir, e.name);
        if (e.isDirectory()) { if (!SKIP_DIR.test(e.name)) await walk(path); continue; }
        if (!e.isFile() || !REPORT_FILE.test(e.name) || ignored(path)) continue;
        visited++;
        const uri = pathToFileURL(path).href;
        if (this.open.has(uri)) continue;
        if (await this.readFile(uri, path)) found.push(uri);
      }
    };
    for (const folder of folders) {
      try {
        if (!folder.startsWith('file:')) continue;
        // .govreportignore and the config's "ignore" globs of the folder.
        ignored = createIgnoreFilter(fileURLToPath(folder));
        await walk(fileURLToPath(folder));
      } catch (err) {
        onError(`[govreport] workspace scan of ${folder} failed: ${String(err)}`);
      }
    }
    return found;
  }

  /** (Re)reads one file from disk unless it is open; false when it is not a report (then dropped). */
  async refreshFile(uri: string): Promise<boolean> {
    if (this.open.has(uri) || !uri.startsWith('file:')) return this.index.has(uri);
    try { return await this.readFile(uri, fileURLToPath(uri)); } catch { this.index.remove(uri); return false; }
  }

  private async readFile(uri: string, path: string): Promise<boolean> {
    try {
      const s = await stat(path);
      if (s.size > MAX_BYTES) { this.index.remove(uri); return false; }
      const text = stripBom(await readFile(path, 'utf8'));
      if (this.open.has(uri)) return true; // opened meanwhile: the editor's text wins
      if (!looksLikeReport(text)) { this.index.remove(uri); return false; }
      this.index.update(uri, text, ++this.stamp);
      return true;
    } catch {
      this.index.remove(uri);
      return false;
    }
  }

  /**
   * An open document changed. `read` is called lazily (when peers, dependants or the summary are
   * next needed), so typing does not parse twice: it returns the text and, for a report, the
   * model the server's cache already holds; null when the document is not a report.
   */
  setOpen(uri: string, read: () => { text: string; model: ReportModel } | null): void {
    this.open.add(uri);
    this.pending.set(uri, read);
  }

  private readonly pending = new Map<string, () => { text: string; model: ReportModel } | null>();

  private flush(): void {
    if (!this.pending.size) return;
    for (const [uri, read] of this.pending) {
      const r = read();
      if (r) this.index.update(uri, r.text, ++this.stamp, r.model); else this.index.remove(uri);
    }
    this.pending.clear();
  }

  /** The document closed: fall back to the file on disk (if any). */
  async closed(uri: string): Promise<void> {
    this.open.delete(uri);
    this.pending.delete(uri);
    this.index.remove(uri);
    await this.refreshFile(uri);
  }

  /** Source of a report that is not open (related information pointing into it). */
  source(uri: string) {
    this.flush();
    return this.index.get(uri)?.model.source;
  }

  removeFile(uri: string): void {
    if (!this.open.has(uri)) this.index.remove(uri);
  }

  /** Peers for `uri`'s checks: the same body's reports of year Y−1, with a version for cache keys. */
  peersFor(uri: string, model: ReportModel): (PeerReport & { version: number })[] {
    this.flush();
    return this.index.peersFor(model, uri).map((p) => ({ ...p, version: this.index.get(p.uri)?.revision ?? 0 }));
  }

  /** Dependants as last indexed (before a pending change of `uri` is applied). */
  dependantsIndexed(uri: string): string[] {
    return this.index.dependantsOf(uri);
  }

  /** Reports to re-check when `uri` changed (same body, Y+1). */
  dependantsOf(uri: string): string[] {
    this.flush();
    return this.index.dependantsOf(uri);
  }

  summary(options: Omit<AnalyzeOptions, 'peers'>): WorkspaceSummaryResult {
    this.flush();
    return { markdown: renderSummaryMarkdown(this.index.summary(options)), reports: this.index.size };
  }
}
