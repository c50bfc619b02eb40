/**
 * From command-line paths to the files to check, in a stable order (arguments in order, each
 * folder depth first by name). Folders are walked with realpath-based loop detection: a symlink
 * loop neither hangs nor yields a file twice; a file reached twice (two links) is checked once.
 * An unreadable folder is reported and the walk goes on.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { isIgnored } from './hooks';

export const REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

export type Target =
  /** A file to read; `explicit` when named on the command line (always checked if readable). */
  | { kind: 'file'; path: string; display: string; explicit: boolean }
  | { kind: 'stdin'; display: string }
  /** Not checked, and not an error: why (for the skipped list). */
  | { kind: 'skipped'; display: string; reason: SkipReason; message: string }
  /** Could not be read: exit 3. */
  | { kind: 'failed'; display: string; message: string };

export type SkipReason = 'not-report' | 'generated' | 'ignored' | 'too-large' | 'not-regular';

export function displayPath(p: string, cwd: string): string {
  const r = relative(cwd, p);
  return r && !r.startsWith('..') ? r : p;
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

export function collectTargets(paths: readonly string[], cwd: string, stdinName = '<stdin>'): Target[] {
  const out: Target[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const walk = (dir: string, real: string): void => {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      out.push({ kind: 'failed', display: displayPath(dir, cwd), message: `无法读取目录（${errCode(e)}） / cannot read folder (${errCode(e)})` });
      return;
    }
    for (const ent of entries) {
      const name = ent.name;
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const isReport = REPORT_EXTENSIONS.has(extname(name).toLowerCase());
      // A plain file or folder (no link) needs no system call: its real path is under the folder's.
      const plain = ent.isFile() || ent.isDirectory();
      if (plain && !isReport && !ent.isDirectory()) continue;
      const p = join(dir, name);
      const display = displayPath(p, cwd);
      let isDir: boolean;
      let isFile: boolean;
      let realP: string;
      if (plain) {
        isDir = ent.isDirectory();
        isFile = !isDir;
        realP = join(real, name);
      } else {
        try {
          const st = statSync(p);
          realP = realpathSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          // A dangling link or a vanished entry: only worth a line if it would have been a report.
          if (isReport) out.push({ kind: 'failed', display, message: `无法读取（${errCode(e)}） / cannot read (${errCode(e)})` });
          continue;
        }
      }
      if (isIgnored(p)) {
        if (!isDir && isReport) out.push({ kind: 'skipped', display, reason: 'ignored', message: '已按忽略设置跳过 / ignored' });
        continue;
      }
      if (isDir) { walk(p, realP); continue; }
      if (!isReport) continue;
      if (!isFile) {
        out.push({ kind: 'skipped', display, reason: 'not-regular', message: '不是普通文件，未读取 / not a regular file; not read' });
        continue;
      }
      if (seenFiles.has(realP)) continue;
      seenFiles.add(realP);
      out.push({ kind: 'file', path: p, display, explicit: false });
    }
  };

  for (const given of paths) {
    if (given === '-') { out.push({ kind: 'stdin', display: stdinName }); continue; }
    const abs = resolve(cwd, given);
    let st;
    let real: string;
    try {
      st = statSync(abs);
      real = realpathSync(abs);
    } catch (e) {
      out.push({ kind: 'failed', display: given, message: `找不到或无法访问（${errCode(e)}） / no such file or not accessible (${errCode(e)})` });
      continue;
    }
    if (st.isDirectory()) walk(abs, real);
    else if (!seenFiles.has(real)) {
      seenFiles.add(real);
      out.push({ kind: 'file', path: abs, display: given, explicit: true });
    }
  }
  return out;
}
