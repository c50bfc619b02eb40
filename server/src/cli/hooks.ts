/**
 * Where configuration plugs into the CLI: `.govreport.jsonc` (nearest upward from each file, the
 * same loader the server uses) and `.govreportignore` (with the config's `ignore` globs). Options
 * given on the command line win over the file; errors in a config file are collected once per
 * file and printed by the command, which then exits 2.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AnalyzeOptions } from '../core/index';
import { SourceText } from '../core/index';
import { createIgnoreFilter, IGNORE_FILE } from '../node/config/ignore';
import { CONFIG_FILE, loadConfigFor } from '../node/config/load';
import type { CommonOptions } from './args';

const configErrors = new Map<string, string[]>();

/** The options of one file (its folder's config, then the command line over it) and how to record its config's errors. */
function configOf(path: string, cli: CommonOptions): { options: AnalyzeOptions; record(): void } {
  const r = loadConfigFor(path, { locale: cli.locale });
  const record = () => {
    if (r.path && r.text !== undefined && r.errors.length && !configErrors.has(r.path)) {
      const src = new SourceText(r.text);
      configErrors.set(r.path, r.errors.map((e) => {
        const p = src.positionAt(e.span.start);
        return `${r.path}:${p.line + 1}:${p.character + 1} ${e.message}`;
      }));
    }
  };
  const o = r.options;
  return { options: { ...o, locale: cli.locale, severities: { ...o.severities, ...cli.severities } }, record };
}

/** The analysis options of one file: its folder's config, then the command-line options over it. */
export function optionsForFile(path: string, cli: CommonOptions): AnalyzeOptions {
  const c = configOf(path, cli);
  c.record();
  return c.options;
}

/**
 * The options of the files of one run, looked up once per folder (a config file is found by the
 * folder, and a run does not watch it change) and numbered, so threads receive each set once.
 * A config's errors are recorded only for files that turn out to be checked (`noteChecked`).
 */
export class RunConfigs {
  readonly options: AnalyzeOptions[] = [];
  private readonly byDir = new Map<string, number>();
  private readonly records: (() => void)[] = [];

  constructor(private readonly cli: CommonOptions) {}

  indexOf(path: string): number {
    const dir = dirname(resolve(path));
    let k = this.byDir.get(dir);
    if (k === undefined) {
      const c = configOf(path, this.cli);
      k = this.options.push(c.options) - 1;
      this.records.push(c.record);
      this.byDir.set(dir, k);
    }
    return k;
  }

  noteChecked(index: number): void {
    this.records[index]?.();
  }
}

/** Errors found so far in config files (each file once), as `file:line:col message` lines; then forgotten. */
export function takeConfigErrors(): string[] {
  const out = [...configErrors.values()].flat();
  configErrors.clear();
  return out;
}

const rootOfDir = new Map<string, string | null>();
const filters = new Map<string, (path: string) => boolean>();

/** The nearest folder at or above `dir` holding a .govreportignore or a .govreport.jsonc. */
function ignoreRoot(dir: string): string | null {
  const hit = rootOfDir.get(dir);
  if (hit !== undefined) return hit;
  const up = dirname(dir);
  const root = existsSync(join(dir, IGNORE_FILE)) || existsSync(join(dir, CONFIG_FILE)) ? dir
    : up === dir ? null : ignoreRoot(up);
  rootOfDir.set(dir, root);
  return root;
}

/** Whether a walked path (file or folder, absolute) is ignored. Files named explicitly are not asked. */
export function isIgnored(path: string): boolean {
  const root = ignoreRoot(dirname(resolve(path)));
  if (!root) return false;
  let f = filters.get(root);
  if (!f) filters.set(root, (f = createIgnoreFilter(root)));
  return f(path);
}
