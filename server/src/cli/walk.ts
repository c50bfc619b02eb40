/**
 * From command-line paths to the files to check, in a stable order (arguments in order, each
 * folder depth first by name). Folders are walked with realpath-based loop detection: a symlink
 * loop neither hangs nor yields a file twice; a file reached twice (two links) is checked once.
 * An unreadable folder is reported and the walk goes on.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
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
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      out.push({ kind: 'failed', display: displayPath(dir, cwd), message: `无法读取目录（${errCode(e)}） / cannot read folder (${errCode(e)})` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = join(dir, name);
      const display = displayPath(p, cwd);
      let st;
      let realP: string;
      try {
        st = statSync(p);
        realP = realpathSync(p);
      } catch (e) {
        // A dangling link or a vanished entry: only worth a line if it would have been a report.
        if (REPORT_EXTENSIONS.has(extname(name).toLowerCase())) {
          out.push({ kind: 'failed', display, message: `无法读取（${errCode(e)}） / cannot read (${errCode(e)})` });
        }
        continue;
      }
      if (isIgnored(p)) {
        if (!st.isDirectory() && REPORT_EXTENSIONS.has(extname(name).toLowerCase())) {
          out.push({ kind: 'skipped', display, reason: 'ignored', message: '已按忽略设置跳过 / ignored' });
        }
        continue;
      }
      if (st.isDirectory()) { walk(p, realP); continue; }
      if (!REPORT_EXTENSIONS.has(extname(name).toLowerCase())) continue;
      if (!st.isFile()) {
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
