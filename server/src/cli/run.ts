/**
 * `govreport check|fix|summary` on the pure core. `run(argv, io)` returns the exit code and writes only
 * through `io`, so tests call it directly; main.ts wires it to the process.
 *
 * Exit codes: 0 no error-level diagnostic · 1 at least one · 2 bad usage or unreadable input
 * (then a message on stderr and nothing on stdout).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, analyzeModel, type Analysis } from '../core/analyze';
import { parseReport } from '../core/parse/report';
import { RULES } from '../core/rules/registry';
import { looksLikeReport } from '../core/parse/title';
import type { Locale, Severity } from '../core/rules/types';
import { stripBom } from '../core/text/source';
import { computeFixAll } from '../core/features/fixAll';
import { ReportIndex, renderSummaryMarkdown } from '../core/workspace/index';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export const VERSION = '0.1.0';

export const HELP = `govreport — 政府信息公开工作年度报告检查工具

用法：
  govreport check [--format text|json] [--locale zh-cn|en] [--rule 代码=级别]… <文件|目录>…
  govreport fix [--dry-run] [--locale zh-cn|en] <文件>
  govreport summary [--output 文件.md] [--rule 代码=级别]… <文件|目录>…
  govreport --help | --version

check  检查报告。目录会被递归遍历，只检查看起来像年度报告的 .md / .txt 文件；
       直接列出的文件总会被检查。
         --format text   每条问题一行：文件:行:列 级别 代码 说明（行、列从 1 开始，列按 UTF-16 计）
         --format json   JSON 数组：[{file, year, version, diagnostics:[{code, severity, message, range}]}]，
                         range 为 LSP 形式（行、列从 0 开始，UTF-16）
         --locale        说明文字的语言，默认 zh-cn
         --rule GR006=off  修改某条规则的级别（error|warning|information|hint|off），可重复
fix    应用全部“可安全修复”的修改并写回文件；--dry-run 只把修改后的全文输出到标准输出，不写文件。
summary  汇总多份年报（与编辑器命令“汇总本工作区年报”相同）：每份报告的机关、年度、格式版本、错误和警告数，
       以及每个年度表三、表四的合计，输出 Markdown（--output 写入文件）。

退出码：0 没有错误级问题；1 至少有一个错误级问题；2 用法错误或文件无法读取（summary 只会是 0 或 2）。

English: govreport checks Chinese government information-disclosure annual reports.
  check [--format text|json] [--locale zh-cn|en] [--rule CODE=SEVERITY]... <file|dir>...
      Directories are walked for .md/.txt files that look like a report; files named explicitly are
      always checked. Text: "file:line:col severity code message" (1-based; columns in UTF-16 units).
      JSON: [{file, year, version, diagnostics:[{code, severity, message, range}]}], LSP 0-based ranges.
  fix [--dry-run] <file>   applies every safe fix in place (--dry-run: prints the fixed text instead).
  summary [--output F.md] <file|dir>...   the workspace overview as Markdown: per report its body, year,
      version and error/warning counts; per year the sums of T3 and T4 (same as the editor command).
  Exit: 0 no error-level finding · 1 some error-level finding · 2 bad usage / unreadable input
  (summary: 0 unless 2).
`;

class UsageError extends Error {}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

interface CommonOptions {
  locale: Locale;
  severities: Record<string, Severity | 'off'>;
}

interface Input { path: string; display: string; text: string; bom: boolean }

function parseLocale(v: string | undefined): Locale {
  if (v === undefined) throw new UsageError('--locale 需要一个值（zh-cn 或 en） / --locale needs a value (zh-cn or en)');
  const l = v.toLowerCase();
  if (l === 'zh-cn' || l === 'zh' || l === 'zh_cn') return 'zh-cn';
  if (l === 'en' || l.startsWith('en-') || l.startsWith('en_')) return 'en';
  throw new UsageError(`未知的语言 "${v}"，可用 zh-cn 或 en / unknown locale "${v}" (zh-cn or en)`);
}

function parseRule(v: string | undefined, into: Record<string, Severity | 'off'>): void {
  const m = v === undefined ? null : /^\s*([A-Za-z]+\d+)\s*=\s*(\w+)\s*$/.exec(v);
  if (!m || !SEVERITIES.has(m[2]!.toLowerCase())) {
    throw new UsageError(`--rule 的格式应为 代码=级别，例如 GR006=off / --rule expects CODE=SEVERITY, e.g. GR006=off (got "${v ?? ''}")`);
  }
  into[m[1]!.toUpperCase()] = m[2]!.toLowerCase() as Severity | 'off';
}

/** Splits "--opt=value" into two tokens. */
function tokens(argv: readonly string[]): string[] {
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

function readInput(path: string, display: string): Input {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`无法读取文件 ${display}（${code || String(err)}） / cannot read ${display} (${code || String(err)})`);
  }
  return { path, display, text: stripBom(raw), bom: raw.charCodeAt(0) === 0xfeff };
}

/** Files under a directory, depth first, sorted by name for stable output. */
function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    throw new UsageError(`无法读取目录 ${dir}（${(err as NodeJS.ErrnoException).code ?? String(err)}） / cannot read directory ${dir}`);
  }
  for (const name of names) {
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    let st;
    try { st = statSync(p); } catch { continue; }
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile() && REPORT_EXTENSIONS.has(extname(name).toLowerCase())) out.push(p);
  }
}

function collectInputs(paths: string[], io: CliIO): Input[] {
  const inputs: Input[] = [];
  for (const given of paths) {
    const abs = resolve(io.cwd, given);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      throw new UsageError(`找不到文件或目录 ${given}（${code}） / no such file or directory: ${given} (${code})`);
    }
    if (st.isDirectory()) {
      const files: string[] = [];
      walk(abs, files);
      for (const f of files) {
        const input = readInput(f, displayPath(f, io.cwd));
        if (looksLikeReport(input.text)) inputs.push(input);
      }
    } else {
      inputs.push(readInput(abs, given));
    }
  }
  return inputs;
}

function displayPath(p: string, cwd: string): string {
  const r = relative(cwd, p);
  return r && !r.startsWith('..') ? r : p;
}

export interface JsonReport {
  file: string;
  year: number | null;
  version: string | null;
  diagnostics: { code: string; severity: Severity; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

export function toJsonReport(file: string, a: Analysis): JsonReport {
  const src = a.model.source;
  return {
    file,
    year: a.model.year,
    version: a.model.usedVersion ?? (a.model.legacyStructure ? 'legacy' : null),
    diagnostics: a.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: src.rangeOf(f.span) })),
  };
}

/** One line per finding: file:line:col severity code message (1-based; message on one line). */
export function toTextLines(file: string, a: Analysis): string[] {
  const src = a.model.source;
  return a.findings.map((f) => {
    const p = src.positionAt(f.span.start);
    return `${file}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
  });
}

/**
 * The paths among a command's arguments. `own` takes the command's options (`next` reads an
 * option's value) and says whether it knew `a`; `--` ends the options, any other "-x" is unknown.
 */
function pathsOf(args: readonly string[], own: (a: string, next: () => string | undefined) => boolean): string[] {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { paths.push(...args.slice(i + 1)); break; }
    if (own(a, () => args[++i])) continue;
    if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 ${a} / unknown option ${a}`);
    paths.push(a);
  }
  return paths;
}

/** --locale and --rule, which check and fix share. */
function commonOption(a: string, next: () => string | undefined, opts: CommonOptions): boolean {
  if (a === '--locale' || a === '-l') opts.locale = parseLocale(next());
  else if (a === '--rule') parseRule(next(), opts.severities);
  else return false;
  return true;
}

function check(args: string[], io: CliIO): number {
  let format = 'text' as 'text' | 'json'; // set in the callback below: no narrowing to 'text'
  const opts: CommonOptions = { locale: 'zh-cn', severities: {} };
  const paths = pathsOf(args, (a, next) => {
    if (a === '--format' || a === '-f') {
      const v = next();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format 只能是 text 或 json / --format must be text or json (got "${v ?? ''}")`);
      format = v;
    } else if (a === '--json') format = 'json';
    else return commonOption(a, next, opts);
    return true;
  });
  if (paths.length === 0) throw new UsageError('请给出要检查的文件或目录 / give at least one file or directory to check');

  const inputs = collectInputs(paths, io);
  let errors = 0;
  const reports: JsonReport[] = [];
  const lines: string[] = [];
  // Every report checked together is a peer of the others (GR3xx compare consecutive years).
  const models = inputs.map((input) => parseReport(input.text));
  const across = RULES.some((r) => r.category === 'across');
  for (const [i, input] of inputs.entries()) {
    const peers = across ? models.flatMap((model, k) => (k === i ? [] : [{ uri: pathToFileURL(inputs[k]!.path).href, model }])) : [];
    const a = analyzeModel(models[i]!, { locale: opts.locale, severities: opts.severities, peers });
    errors += a.findings.filter((f) => f.severity === 'error').length;
    if (format === 'json') reports.push(toJsonReport(input.display, a));
    else lines.push(...toTextLines(input.display, a));
  }
  if (format === 'json') io.stdout(JSON.stringify(reports, null, 2) + '\n');
  else if (lines.length) io.stdout(lines.join('\n') + '\n');
  if (inputs.length === 0) io.stderr('没有找到年度报告 / no report found\n');
  return errors > 0 ? 1 : 0;
}

function fix(args: string[], io: CliIO): number {
  let dryRun = false;
  const opts: CommonOptions = { locale: 'zh-cn', severities: {} };
  const paths = pathsOf(args, (a, next) => {
    if (a !== '--dry-run' && a !== '-n') return commonOption(a, next, opts);
    dryRun = true;
    return true;
  });
  if (paths.length !== 1) throw new UsageError('fix 需要且只需要一个文件 / fix takes exactly one file');
  const given = paths[0]!;
  const abs = resolve(io.cwd, given);
  try {
    if (!statSync(abs).isFile()) throw new UsageError(`${given} 不是文件 / ${given} is not a file`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`找不到文件 ${given} / no such file: ${given}`);
  }
  const input = readInput(abs, given);
  // Rounds of safe fixes until nothing is left to fix (a filled blank, then the total it feeds).
  const result = computeFixAll(input.text, { locale: opts.locale, severities: opts.severities });
  const text = result.text;
  const applied = result.edits.length;
  if (!result.converged) io.stderr(`${given}: 修复未收敛，已停止 / fixes did not converge; stopped after ${result.rounds} round(s)\n`);
  const remaining = analyze(text, { locale: opts.locale, severities: opts.severities }).findings;
  const errors = remaining.filter((f) => f.severity === 'error').length;
  if (dryRun) {
    io.stdout(text);
    io.stderr(`${given}: 可应用 ${applied} 处修改（未写入） / ${applied} edit(s) would be applied (dry run)\n`);
  } else {
    if (text !== input.text) {
      try {
        writeFileSync(abs, (input.bom ? '\ufeff' : '') + text, 'utf8');
      } catch (err) {
        throw new UsageError(`无法写入 ${given}（${(err as NodeJS.ErrnoException).code ?? String(err)}） / cannot write ${given}`);
      }
    }
    io.stderr(`${given}: 已应用 ${applied} 处修改 / ${applied} edit(s) applied\n`);
  }
  if (remaining.length) io.stderr(`${given}: 仍有 ${remaining.length} 个问题（其中 ${errors} 个错误） / ${remaining.length} problem(s) remain (${errors} error(s))\n`);
  return errors > 0 ? 1 : 0;
}

/** The workspace overview of the given reports, as the editor's 汇总本工作区年报 writes it. */
function summary(args: string[], io: CliIO): number {
  let output: string | undefined;
  const severities: CommonOptions['severities'] = {};
  // No --locale: the overview is written in Chinese, as the editor command writes it.
  const paths = pathsOf(args, (a, next) => {
    if (a === '--output' || a === '-o') {
      output = next();
      if (!output) throw new UsageError('--output 需要一个文件名 / --output needs a file name');
    } else if (a === '--rule') parseRule(next(), severities);
    else return false;
    return true;
  });
  if (paths.length === 0) throw new UsageError('请给出要汇总的文件或目录 / give at least one file or directory to summarise');
  const inputs = collectInputs(paths, io);
  const index = new ReportIndex();
  for (const input of inputs) index.add(pathToFileURL(input.path).href, input.text);
  const markdown = renderSummaryMarkdown(index.summary({ severities }));
  if (output === undefined) io.stdout(markdown);
  else {
    try {
      writeFileSync(resolve(io.cwd, output), markdown, 'utf8');
    } catch (err) {
      throw new UsageError(`无法写入 ${output}（${(err as NodeJS.ErrnoException).code ?? String(err)}） / cannot write ${output}`);
    }
    io.stderr(`${output}: 已汇总 ${inputs.length} 份年报 / ${inputs.length} report(s) summarised\n`);
  }
  if (inputs.length === 0) io.stderr('没有找到年度报告 / no report found\n');
  return 0;
}

export function run(argv: readonly string[], io: CliIO): number {
  const args = tokens(argv);
  try {
    const cmd = args[0];
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      if (cmd === undefined) {
        io.stderr(HELP);
        return 2;
      }
      io.stdout(HELP);
      return 0;
    }
    if (cmd === '--version' || cmd === '-v') {
      io.stdout(VERSION + '\n');
      return 0;
    }
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(HELP);
      return 0;
    }
    if (cmd === 'check') return check(args.slice(1), io);
    if (cmd === 'fix') return fix(args.slice(1), io);
    if (cmd === 'summary') return summary(args.slice(1), io);
    throw new UsageError(`未知命令 ${cmd}（可用 check、fix、summary） / unknown command ${cmd} (check, fix, summary)`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`govreport: ${err.message}\n`);
      io.stderr('运行 govreport --help 查看用法 / run govreport --help for usage\n');
      return 2;
    }
    io.stderr(`govreport: 内部错误 / internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}
