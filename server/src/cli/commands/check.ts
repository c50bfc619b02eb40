/** `govreport check`: read, parse, index peers once, analyse each file, stream it to the format. */
import { pathToFileURL } from 'node:url';
import { analyzeModel, parseReport, SourceText } from '../../core/index';
import type { ReportModel, Finding, Severity } from '../../core/index';
import { commonOption, parseSeverity, parseSize, pathsOf, SEVERITY_ORDER, UsageError, type CommonOptions } from '../args';
import type { EncodingChoice } from '../encoding';
import { isFormatName, makeFormatter, type FormatName } from '../formats/index';
import type { CheckedFile, RunTotals } from '../formats/types';
import { optionsForFile, takeConfigErrors } from '../hooks';
import { EXIT, type CliIO } from '../io';
import { loadTarget, type Loaded } from '../load';
import { PeerIndex } from '../peers';
import { DEFAULT_MAX_SIZE, type ReadOptions } from '../read';
import { collectTargets } from '../walk';
import { checkInWorkers, defaultJobs, workerScript, type ParallelItem } from '../parallel';
import type { WorkerResult } from '../worker';

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

/** Keeps the findings at or above `min` (without copying when nothing is dropped). */
export function atLeast(findings: Finding[], min: Severity): Finding[] {
  if (min === 'hint') return findings;
  const rank = SEVERITY_ORDER.indexOf(min);
  return findings.filter((f) => SEVERITY_ORDER.indexOf(f.severity) <= rank);
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function check(args: string[], io: CliIO): number {
  const { opts, paths } = parseCheckArgs(args);
  const loaded = collectTargets(paths, io.cwd, opts.stdinFilename).map((t) => loadTarget(t, opts.read, io));

  const texts = loaded.filter((l) => l.kind === 'text').length;
  const jobs = opts.jobs ?? defaultJobs(texts);
  const script = jobs > 1 && texts > 1 ? workerScript() : null;
  let fromWorkers: Map<number, WorkerResult> | null = null;
  if (script) {
    const items: ParallelItem[] = [];
    loaded.forEach((l, i) => { if (l.kind === 'text') items.push({ i, text: l.text, uri: uriOf(l), options: optionsForFile(l.path ?? l.display, opts) }); });
    try {
      fromWorkers = checkInWorkers(items, jobs, script);
    } catch {
      fromWorkers = null; // workers unavailable or stalled: check here instead
    }
  }

  // Parse every report once; a report that cannot be parsed is a failure of that file only.
  const models: (ReportModel | null)[] = new Array(loaded.length).fill(null);
  const parseErrors = new Map<number, string>();
  const peers = new PeerIndex();
  for (let i = 0; i < loaded.length && !fromWorkers; i++) {
    const l = loaded[i]!;
    if (l.kind !== 'text') continue;
    try {
      const model = parseReport(l.text);
      models[i] = model;
      peers.add(uriOf(l), model);
    } catch (e) {
      parseErrors.set(i, `内部错误，未能检查 / internal error, not checked: ${errText(e)}`);
    }
  }

  const formatter = makeFormatter(opts.format, { io, locale: opts.locale, quiet: opts.quiet, verbose: opts.verbose });
  const totals: RunTotals = { files: 0, failed: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, skipped: [] };
  for (let i = 0; i < loaded.length; i++) {
    const l = loaded[i]!;
    if (l.kind === 'skipped') { totals.skipped.push({ file: l.display, reason: l.reason, message: l.message }); continue; }
    let out: CheckedFile;
    if (l.kind === 'failed' || parseErrors.has(i)) {
      out = { display: l.display, analysis: null, findings: [], error: l.kind === 'failed' ? l.message : parseErrors.get(i)! };
    } else if (fromWorkers) {
      const r = fromWorkers.get(i);
      if (!r || r.error !== undefined) out = { display: l.display, analysis: null, findings: [], error: r?.error ?? 'internal error' };
      else {
        const findings: Finding[] = r.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, span: { start: f.start, end: f.end } }));
        const model = { source: new SourceText(l.text), year: r.year, usedVersion: r.usedVersion as ReportModel['usedVersion'], legacyStructure: r.legacyStructure };
        out = { display: l.display, analysis: { model, findings }, findings: atLeast(findings, opts.minSeverity) };
      }
    } else {
      const model = models[i]!;
      try {
        const a = analyzeModel(model, { ...optionsForFile(l.path ?? l.display, opts), peers: peers.peersFor(model) });
        out = { display: l.display, analysis: a, findings: atLeast(a.findings, opts.minSeverity) };
      } catch (e) {
        out = { display: l.display, analysis: null, findings: [], error: `内部错误，未能检查 / internal error, not checked: ${errText(e)}` };
      }
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
