/**
 * `.govreportignore` (gitignore syntax, read with the `ignore` package) plus the `ignore` globs
 * of `.govreport.jsonc`, both relative to the folder holding them. Used by the CLI's file walk
 * and the workspace index.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { findConfigFile, readConfigFile } from './load';

export const IGNORE_FILE = '.govreportignore';

function isDir(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

function readIgnoreFile(path: string): string | undefined {
  try { return readFileSync(path, 'utf8'); } catch { return undefined; }
}

/**
 * A predicate saying whether a path is ignored. `rootOrFile` is the folder being walked (or a
 * file in it): the `.govreportignore` and `.govreport.jsonc` there (the config found upward) apply.
 * Paths outside the root are never ignored.
 */
export function createIgnoreFilter(rootOrFile: string): (path: string) => boolean {
  const root = isDir(rootOrFile) ? resolve(rootOrFile) : dirname(resolve(rootOrFile));
  const layers: { base: string; ig: ReturnType<typeof ignore> }[] = [];
  const ignoreText = readIgnoreFile(resolve(root, IGNORE_FILE));
  if (ignoreText !== undefined) layers.push({ base: root, ig: ignore().add(ignoreText) });
  const cfgPath = findConfigFile(root);
  const cfg = cfgPath ? readConfigFile(cfgPath).config : undefined;
  if (cfgPath && cfg?.ignore?.length) layers.push({ base: dirname(cfgPath), ig: ignore().add(cfg.ignore) });
  if (layers.length === 0) return () => false;
  return (path: string) => {
    const abs = isAbsolute(path) ? path : resolve(root, path);
    for (const { base, ig } of layers) {
      const rel = relative(base, abs);
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
      if (ig.ignores(rel.split(sep).join('/'))) return true;
    }
    return false;
  };
}
