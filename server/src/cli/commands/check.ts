/** `govreport check`: read, parse, index peers once, analyse each file (on several threads when it pays), format in input order. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/index';
import { commonOption, parseSeverity, parseSize, pathsOf, UsageError, type CommonOptions } from '../args';
import type { EncodingChoice } from '../encoding';
import { isFormatName, makeFormatter, type FormatName } from '../formats/index';
import type { CheckedFile, RunTotals } from '../formats/types';
import { RunConfigs, takeConfigErrors } from '../hooks';
import { EXIT, type CliIO } from '../io';
import { loadTarget, type Loaded } from '../load';
import { DEFAULT_MAX_SIZE, type ReadOptions } from '../read';
import { collectTargets } from '../walk';
import { checkInOneThread } from '../oneThread';
import { autoThreads, busyElsewhere, checkInThreads, decideThreads, workerScript, Workers, type CheckInput, type CheckOutput } from '../parallel';
import { internalError, type LoadJob } from '../participant';
import { checkedFile } from '../results';

export interface CheckOptions extends CommonOptions {
  format: FormatName;
  minSeverity: Severity;
  quiet: boolean;
  verbose: boolean;
  read: ReadOptions;
  stdinFilename: string;
  /** Worker threads; undefined = automatic (several when there are many files and CPUs). */
  jobs?: number;
}

export function parseEncoding(v: string | undefined): EncodingChoice {
  const e = v?.toLowerCase().replace(/[-_]/g, '');
  if (e === 'utf8') return 'utf8';
  if (e === 'gb18030' || e === 'gbk' || e === 'gb2312') return 'gb18030';
  if (e === 'auto') return 'auto';
  throw new UsageError(`--encoding 只能是 utf8、gb18030 或 auto / --encoding must be utf8, gb18030 or auto (got "${v ?? ''}")`);
}

/** Options check and fix share: reading (--max-size, --encoding, --stdin-filename) and --locale/--rule. */
export function readingOption(a: string, next: () => string | undefined, opts: CommonOptions & { read: ReadOptions; stdinFilename: string }): boolean {
  if (a === '--max-size') opts.read.maxSize = parseSize(next(), a);
  else if (a === '--encoding') opts.read.encoding = parseEncoding(next());
  else if (a === '--stdin-filename') {
    const v = next();
    if (!v) throw new UsageError('--stdin-filename 需要一个文件名 / --stdin-filename needs a name');
    opts.stdinFilename = v;
  } else return commonOption(a, next, opts);
  return true;
}

export function parseCheckArgs(args: readonly string[]): { opts: CheckOptions; paths: string[] } {
  const opts: CheckOptions = {
    locale: 'zh-cn', severities: {}, format: 'text', minSeverity: 'hint', quiet: false, verbose: false,
    read: { maxSize: DEFAULT_MAX_SIZE, encoding: 'auto' }, stdinFilename: '<stdin>',
  };
  const paths = pathsOf(args, (a, next) => {
    if (a === '--format' || a === '-f') {
      const v = next();
      if (!isFormatName(v)) throw new UsageError(`--format 只能是 text、json、sarif、junit 或 github / --format must be text, json, sarif, junit or github (got "${v ?? ''}")`);
      opts.format = v;
    } else if (a === '--json') opts.format = 'json';
    else if (a === '--min-severity') opts.minSeverity = parseSeverity(next(), a);
    else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--jobs' || a === '-j') {
      const v = next();
      if (!v || !/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs 需要一个正整数 / --jobs needs a positive integer (got "${v ?? ''}")`);
      opts.jobs = Number(v);
    }
    else return readingOption(a, next, opts);
    return true;
  });
  if (paths.length === 0) throw new UsageError('请给出要检查的文件或目录 / give at least one file or directory to check');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('标准输入 - 只能给一次 / - (stdin) may be given once');
  if (opts.quiet) opts.minSeverity = 'error';
  return { opts, paths };
}

export function uriOf(l: Loaded & { kind: 'text' }): string {
  return l.path ? pathToFileURL(l.path).href : `untitled:${l.display}`;
}

export { atLeast } from '../participant';

const isFolder = (p: string) => { try { return statSync(p).isDirectory(); } catch { return false; } };

export function check(args: string[], io: CliIO): number {
  const { opts, paths } = parseCheckArgs(args);
  // When a folder is to be walked and cores are idle, workers start now and boot during the walk.
  const busy = opts.jobs === undefined ? busyElsewhere() : 0;
  const script = opts.jobs === 1 ? null : workerScript();
  const early = script ? (opts.jobs ?? (paths.some((p) => isFolder(resolve(io.cwd, p))) ? autoThreads(busy) : 1)) - 1 : 0;
  let pool: Workers | null = null;
  try { if (early > 0) pool = new Workers(early, script!, opts.read, opts.minSeverity); } catch { pool = null; }
  const targets = collectTargets(paths, io.cwd, opts.stdinFilename);
  const configs = new RunConfigs(opts);
  const jobs: LoadJob[] = [];
  targets.forEach((t, i) => {
    if (t.kind === 'file') jobs.push({ i, target: t, opt: configs.indexOf(t.path) });
    else if (t.kind === 'stdin') {
      const l = loadTarget(t, opts.read, io); // read here, once: a fallback to one thread must not read it again
      jobs.push({ i, target: l, opt: configs.indexOf(l.display) });
    }
  });
  const input: CheckInput = {
    jobs, options: configs.options, read: opts.read, minSeverity: opts.minSeverity,
  };
  const threads = decideThreads(opts.jobs, jobs, () => busy);
  let result: CheckOutput | null = null;
  try {
    if (threads > 1 && script) {
      if (pool && pool.ports.length >= threads - 1) pool.keep(threads - 1);
      else { pool?.stop(); pool = new Workers(threads - 1, script, opts.read, opts.minSeverity); }
      result = checkInThreads(input, pool);
    }
  } catch {
    result = null; // workers unavailable or failed: check here instead
  } finally {
    pool?.stop();
  }
  result ??= checkInOneThread(input);

  const optOf = new Map(jobs.map((j) => [j.i, j.opt]));
  const formatter = makeFormatter(opts.format, { io, locale: opts.locale, quiet: opts.quiet, verbose: opts.verbose });
  const totals: RunTotals = { files: 0, failed: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, skipped: [] };
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const k = t.kind === 'skipped' || t.kind === 'failed' ? t : result.keyed.get(i);
    if (k?.kind === 'skipped') { totals.skipped.push({ file: t.display, reason: k.reason, message: k.message }); continue; }
    let out: CheckedFile;
    if (!k) out = { display: t.display, analysis: null, findings: [], error: internalError('not loaded') };
    else if (k.kind === 'failed') out = { display: t.display, analysis: null, findings: [], error: k.message };
    else if (k.parseError !== undefined) out = { display: t.display, analysis: null, findings: [], error: k.parseError };
    else {
      configs.noteChecked(optOf.get(i)!);
      out = checkedFile(t.display, result.checked.get(i));
    }
    if (out.analysis) {
      totals.files++;
      for (const f of out.findings) totals.counts[f.severity]++;
    } else totals.failed++;
    formatter.file(out);
  }
  if (totals.files === 0 && totals.failed === 0) io.stderr('没有找到年度报告 / no report found\n');
  formatter.end(totals);
  const badConfig = takeConfigErrors();
  for (const line of badConfig) io.stderr(`${line}\n`);
  if (totals.failed > 0) return EXIT.unreadable;
  if (badConfig.length) return EXIT.usage;
  return totals.counts.error > 0 ? EXIT.findings : EXIT.ok;
}
