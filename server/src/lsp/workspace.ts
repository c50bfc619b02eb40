/**
 * The workspace's reports for the language server: a ReportIndex (pure core) fed with the report
 * files of the workspace folders (read in the background) and with the open documents (which
 * replace their file's text while open). Gives the peers of a report (same body, year Y−1), the
 * reports to re-check when one changes (Y+1), and the workspace summary (govreport/workspaceSummary).
 */
// fs.promises (read on use), not node:fs/promises: requiring that at load cost ~2.3 ms of each
// server start (it loads readline, fs.watch, fs.Dir), and the scan runs after the first diagnostics.
import { constants, promises as fsp } from 'node:fs';
import { createIgnoreFilter } from '../node/config/ignore';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReportModel, PeerReport, AnalyzeOptions } from '../core/index';
import { looksLikeReport, isGenerated, stripBom, ReportIndex, renderSummaryMarkdown } from '../core/index';

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

  /** `log` hears of every file skipped (not a regular file, too large, unreadable). */
  constructor(private readonly log: (message: string) => void = () => undefined) {}

  /** Reads the report files under the folders (file: URIs). Returns the URIs indexed. */
  async scan(folders: readonly string[], onError: (m: string) => void): Promise<string[]> {
    const found: string[] = [];
    let visited = 0;
    /** Real paths of the folders walked and files read: a symlink loop or a second link to a file is not followed again. */
    const seen = new Set<string>();
    let ignored: (path: string) => boolean = () => false;
    const walk = async (dir: string): Promise<void> => {
      let real: string;
      try { real = await fsp.realpath(dir); } catch { return; }
      if (seen.has(real)) return;
      seen.add(real);
      let entries;
      try { entries = await fsp.readdir(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (visited >= MAX_FILES) return;
        const path = join(dir, e.name);
        let isDir = e.isDirectory();
        if (e.isSymbolicLink()) {
          // Followed to what it points at (loops and dangling links end here).
          try { isDir = (await fsp.stat(path)).isDirectory(); } catch { continue; }
        }
        if (isDir) { if (!SKIP_DIR.test(e.name)) await walk(path); continue; }
        if (!REPORT_FILE.test(e.name) || ignored(path)) continue;
        visited++;
        try {
          const target = await fsp.realpath(path);
          if (seen.has(target)) continue;
          seen.add(target);
        } catch { continue; }
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
    const text = await readRegularFile(path, MAX_BYTES).catch((err: unknown) => ({ skipped: `unreadable (${(err as NodeJS.ErrnoException).code ?? String(err)})` }));
    if (typeof text !== 'string') {
      this.log(`[govreport] workspace: skipped ${path}: ${text.skipped}`);
      this.index.remove(uri);
      return false;
    }
    if (this.open.has(uri)) return true; // opened meanwhile: the editor's text wins
    try {
      if (isGenerated(text) || !looksLikeReport(text)) { this.index.remove(uri); return false; }
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
      try {
        const r = read();
        if (r) this.index.update(uri, r.text, ++this.stamp, r.model); else this.index.remove(uri);
      } catch {
        this.index.remove(uri); // a document that cannot be read is no one's peer
      }
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

/**
 * The text of a regular file of at most `maxBytes` (symlinks resolved), else why it was skipped.
 * Never blocks or reads without bound: devices, FIFOs and sockets are refused before reading
 * (the open is non-blocking, so a FIFO without a writer cannot hang it), and the size is checked
 * on the opened descriptor and again by reading at most maxBytes + 1 bytes.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<string | { skipped: string }> {
  const link = await fsp.lstat(path);
  const s = link.isSymbolicLink() ? await fsp.stat(path) : link;
  if (!s.isFile()) return { skipped: 'not a regular file' };
  if (s.size > maxBytes) return { skipped: `larger than ${maxBytes} bytes (${s.size})` };
  const fh = await fsp.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const fs2 = await fh.stat();
    if (!fs2.isFile()) return { skipped: 'not a regular file' };
    if (fs2.size > maxBytes) return { skipped: `larger than ${maxBytes} bytes (${fs2.size})` };
    const buf = Buffer.alloc(Math.min(fs2.size, maxBytes) + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > fs2.size) return { skipped: 'grew while read' }; // the buffer holds size + 1 bytes
    return stripBom(buf.subarray(0, n).toString('utf8'));
  } finally {
    await fh.close();
  }
}
