/**
 * Finds the `.govreport.jsonc` that governs a file (nearest folder upward wins, like
 * `.markdownlint-cli2.jsonc`; the search stops at the filesystem root or at a given root, e.g. a
 * workspace folder), reads and validates it, and caches it by mtime so that a check per
 * keystroke costs one stat per folder level.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AnalyzeOptions, ConfigError, GovReportConfig, Locale } from '../../core/index';
import { mergeConfig, parseConfig, stripBom } from '../../core/index';

export const CONFIG_FILE = '.govreport.jsonc';

export interface LoadedConfig {
  /** Absolute path of the config file, or undefined when none governs the file. */
  path?: string;
  /** The config file's text (for converting error spans to positions). */
  text?: string;
  config?: GovReportConfig;
  errors: ConfigError[];
}

const cache = new Map<string, { mtimeMs: number; size: number; locale: Locale; loaded: LoadedConfig }>();

function statFile(p: string) {
  try {
    const s = statSync(p);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest config file at or above `dir`, not above `stopAt`. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (let d = resolve(dir); ; ) {
    const p = join(d, CONFIG_FILE);
    if (statFile(p)) return p;
    const up = dirname(d);
    if (up === d || d === stop) return undefined;
    d = up;
  }
}

/** Reads and validates a config file, cached by mtime and size. */
export function readConfigFile(path: string, locale: Locale = 'zh-cn'): LoadedConfig {
  const s = statFile(path);
  if (!s) { cache.delete(path); return { errors: [] }; }
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === s.mtimeMs && hit.size === s.size && hit.locale === locale) return hit.loaded;
  let text: string;
  try {
    text = stripBom(readFileSync(path, 'utf8'));
  } catch {
    return { path, errors: [] };
  }
  const { config, errors } = parseConfig(text, locale);
  const loaded: LoadedConfig = { path, text, config, errors };
  cache.set(path, { mtimeMs: s.mtimeMs, size: s.size, locale, loaded });
  return loaded;
}

/** Forgets cached files (a watcher saw a change whose mtime may not have moved). */
export function clearConfigCache(path?: string): void {
  if (path) cache.delete(path); else cache.clear();
}

export interface ResolvedConfig extends LoadedConfig {
  /** `base` with the config layered over it. */
  options: AnalyzeOptions;
}

/**
 * The hook for the CLI and the server: the options that apply to `filePath` (a report file),
 * with the errors of the config file that governs it.
 */
export function loadConfigFor(filePath: string, base: AnalyzeOptions = {}, stopAt?: string): ResolvedConfig {
  const found = findConfigFile(dirname(resolve(filePath)), stopAt);
  if (!found) return { errors: [], options: base };
  const loaded = readConfigFile(found, base.locale ?? 'zh-cn');
  return { ...loaded, options: mergeConfig(base, loaded.config) };
}
