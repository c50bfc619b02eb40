/** Command-line parsing shared by the commands: tokens, options, usage errors. */
import { RULES_BY_CODE } from '../core/index';
import type { Locale, Severity } from '../core/index';

/** Bad usage: exit 2, message on stderr, nothing on stdout. */
export class UsageError extends Error {}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export interface CommonOptions {
  locale: Locale;
  severities: Record<string, Severity | 'off'>;
}

export function parseLocale(v: string | undefined): Locale {
  if (v === undefined) throw new UsageError('--locale 需要一个值（zh-cn 或 en） / --locale needs a value (zh-cn or en)');
  const l = v.toLowerCase();
  if (l === 'zh-cn' || l === 'zh' || l === 'zh_cn') return 'zh-cn';
  if (l === 'en' || l.startsWith('en-') || l.startsWith('en_')) return 'en';
  throw new UsageError(`未知的语言 "${v}"，可用 zh-cn 或 en / unknown locale "${v}" (zh-cn or en)`);
}

/** Edit distance, for "did you mean" on rule codes (codes are short: quadratic is fine). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export function closestRuleCode(code: string): string {
  let best = '';
  let bestD = Infinity;
  for (const c of RULES_BY_CODE.keys()) {
    const d = distance(code, c);
    if (d < bestD) { best = c; bestD = d; }
  }
  return best;
}

export function parseRule(v: string | undefined, into: Record<string, Severity | 'off'>): void {
  const m = v === undefined ? null : /^\s*([A-Za-z]+\d+)\s*=\s*(\w+)\s*$/.exec(v);
  if (!m || !SEVERITIES.has(m[2]!.toLowerCase())) {
    throw new UsageError(`--rule 的格式应为 代码=级别，例如 GR006=off / --rule expects CODE=SEVERITY, e.g. GR006=off (got "${v ?? ''}")`);
  }
  const code = m[1]!.toUpperCase();
  if (!RULES_BY_CODE.has(code)) {
    const near = closestRuleCode(code);
    throw new UsageError(`未知的规则代码 ${code}，最接近的是 ${near} / unknown rule code ${code}; closest is ${near}`);
  }
  into[code] = m[2]!.toLowerCase() as Severity | 'off';
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function parseSeverity(v: string | undefined, option: string): Severity {
  const s = v?.toLowerCase();
  if (s === 'error' || s === 'warning' || s === 'information' || s === 'hint') return s;
  if (s === 'info') return 'information';
  throw new UsageError(`${option} 只能是 error、warning、information 或 hint / ${option} must be error, warning, information or hint (got "${v ?? ''}")`);
}

/** A positive size such as 10MB, 512k, 1000000. */
export function parseSize(v: string | undefined, option: string): number {
  const m = v === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(v);
  if (!m) throw new UsageError(`${option} 需要一个大小，例如 10MB / ${option} needs a size, e.g. 10MB (got "${v ?? ''}")`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Math.floor(Number(m[1]) * unit);
  if (!(n > 0)) throw new UsageError(`${option} 必须大于 0 / ${option} must be positive`);
  return n;
}

/** Splits "--opt=value" into two tokens. */
export function tokens(argv: readonly string[]): string[] {
  const out: string[] = [];
  let rest = false;
  for (const a of argv) {
    if (rest) { out.push(a); continue; }
    if (a === '--') { rest = true; out.push(a); continue; }
    const m = /^(--[a-z-]+)=(.*)$/s.exec(a);
    if (m) out.push(m[1]!, m[2]!); else out.push(a);
  }
  return out;
}

/**
 * The paths among a command's arguments. `own` takes the command's options (`next` reads an
 * option's value) and says whether it knew `a`; `--` ends the options, any other "-x" is unknown.
 */
export function pathsOf(args: readonly string[], own: (a: string, next: () => string | undefined) => boolean): string[] {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { for (const p of args.slice(i + 1)) paths.push(p); break; }
    if (own(a, () => args[++i])) continue;
    if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 ${a} / unknown option ${a}`);
    paths.push(a);
  }
  return paths;
}

/** --locale and --rule, which check and fix share. */
export function commonOption(a: string, next: () => string | undefined, opts: CommonOptions): boolean {
  if (a === '--locale' || a === '-l') opts.locale = parseLocale(next());
  else if (a === '--rule') parseRule(next(), opts.severities);
  else return false;
  return true;
}
