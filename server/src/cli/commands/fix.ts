/**
 * `govreport fix`: every safe fix of the core's fix-all, over files and folders. Writes atomically
 * in the file's own encoding, keeping its BOM and line ends; prints what changed (file:line:col,
 * rule, old → new) and what remains. `--dry-run` writes nothing: one file → the fixed text on
 * stdout; several → the list of changes.
 */
import { analyze, type AnalyzeOptions, applyEdits, computeFixAll, SourceText } from '../../core/index';
import type { TextEdit } from '../../core/index';
import { pathsOf, UsageError, type CommonOptions } from '../args';
import { encodeText, EncodingError } from '../encoding';
import { optionsForFile, takeConfigErrors } from '../hooks';
import { EXIT, type CliIO } from '../io';
import { loadTarget } from '../load';
import { DEFAULT_MAX_SIZE, type ReadOptions } from '../read';
import { collectTargets } from '../walk';
import { nodeWriteFs, writeFileAtomic, type WriteFs } from '../write';
import { readingOption } from './check';

/** The line end a file mostly uses: inserted text gets the same. */
export function dominantEol(text: string): '\r\n' | '\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++; else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** A short, one-line rendering of a piece of text for "old → new". */
function show(s: string): string {
  const t = s.length > 60 ? s.slice(0, 57) + '…' : s;
  return `“${t.replace(/\r\n|\r|\n/g, '⏎')}”`;
}

/** Which rule's safe fix an applied edit comes from (the first finding whose fix edits overlap it). */
function ruleOf(edit: TextEdit, sources: { start: number; end: number; code: string }[]): string {
  for (const s of sources) {
    if (s.start <= edit.span.end && edit.span.start <= s.end) return s.code;
  }
  return '—';
}

export interface FixedFile { text: string; edits: TextEdit[]; converged: boolean; rounds: number }

/** Fix-all on one text, with inserted line breaks in the file's own style. */
export function fixText(text: string, options: AnalyzeOptions): FixedFile {
  const result = computeFixAll(text, options);
  const eol = dominantEol(text);
  if (eol === '\n' || result.edits.every((e) => !e.newText.includes('\n'))) {
    return { text: result.text, edits: result.edits, converged: result.converged, rounds: result.rounds };
  }
  const edits = result.edits.map((e) => ({ span: e.span, newText: e.newText.replace(/\r?\n/g, '\r\n') }));
  return { text: applyEdits(text, edits), edits, converged: result.converged, rounds: result.rounds };
}

export function fix(args: string[], io: CliIO & { writeFs?: WriteFs }): number {
  let dryRun = false;
  const opts: CommonOptions & { read: ReadOptions; stdinFilename: string } = {
    locale: 'zh-cn', severities: {}, read: { maxSize: DEFAULT_MAX_SIZE, encoding: 'auto' }, stdinFilename: '<stdin>',
  };
  const paths = pathsOf(args, (a, next) => {
    if (a === '--dry-run' || a === '-n') dryRun = true;
    else return readingOption(a, next, opts);
    return true;
  });
  if (paths.length === 0) throw new UsageError('请给出要修复的文件或目录 / give at least one file or folder to fix');
  const en = opts.locale === 'en';
  const targets = collectTargets(paths, io.cwd, opts.stdinFilename);
  // One file named alone (or stdin): the fixed text itself is the output of a dry run.
  const textOut = targets.length === 1 && (targets[0]!.kind === 'stdin' || (dryRun && targets[0]!.kind === 'file'));
  const report = textOut ? io.stderr : io.stdout;
  let failed = 0;
  let withErrors = 0;
  for (const t of targets) {
    const l = loadTarget(t, opts.read, io);
    if (l.kind === 'skipped') { if (t.kind !== 'skipped') io.stderr(`${l.display}: ${en ? 'skipped' : '跳过'} — ${l.message}\n`); continue; }
    if (l.kind === 'failed') { failed++; io.stderr(`${l.display}: ${l.message}\n`); continue; }
    try {
      const options = optionsForFile(l.path ?? l.display, opts);
      const fixed = fixText(l.text, options);
      const src = new SourceText(l.text);
      const sources: { start: number; end: number; code: string }[] = [];
      if (fixed.edits.length) {
        for (const f of analyze(l.text, options).findings) {
          for (const x of f.fixes ?? []) {
            if (!x.safe) continue;
            for (const e of x.edits) sources.push({ start: e.span.start, end: e.span.end, code: f.code });
          }
        }
      }
      const lines: string[] = [];
      for (const e of fixed.edits) {
        const p = src.positionAt(e.span.start);
        lines.push(`${l.display}:${p.line + 1}:${p.character + 1} ${ruleOf(e, sources)} ${show(l.text.slice(e.span.start, e.span.end))} → ${show(e.newText)}`);
      }
      if (lines.length) report(lines.join('\n') + '\n');
      if (!fixed.converged) io.stderr(`${l.display}: 修复未收敛，已停止 / fixes did not converge; stopped after ${fixed.rounds} round(s)\n`);

      if (textOut) io.stdout((l.bom ? '\ufeff' : '') + fixed.text);
      else if (!dryRun && fixed.text !== l.text && l.path) {
        // Encoded before anything is written: a text that cannot round-trip is refused whole.
        writeFileAtomic(l.path, encodeText(fixed.text, l.encoding, l.bom), io.writeFs ?? nodeWriteFs);
      }
      const remaining = analyze(fixed.text, options).findings;
      const errors = remaining.filter((f) => f.severity === 'error').length;
      const warnings = remaining.filter((f) => f.severity === 'warning').length;
      if (errors) withErrors++;
      const n = fixed.edits.length;
      const done = dryRun || textOut
        ? (en ? `${n} edit(s) would be applied (not written)` : `可应用 ${n} 处修改（未写入）`)
        : (en ? `${n} edit(s) applied` : `已应用 ${n} 处修改`);
      const rest = en ? `${errors} error(s), ${warnings} warning(s) remain` : `仍有错误 ${errors} 个，警告 ${warnings} 个`;
      report(`${l.display}: ${done}；${rest}\n`.replace('；', en ? '; ' : '；'));
    } catch (e) {
      failed++;
      const why = e instanceof EncodingError ? e.message
        : (e as NodeJS.ErrnoException).code ? `无法写入，原文件未改动（${(e as NodeJS.ErrnoException).code}） / cannot write; the file is unchanged (${(e as NodeJS.ErrnoException).code})`
        : `内部错误，未修复 / internal error, not fixed: ${e instanceof Error ? e.message : String(e)}`;
      io.stderr(`${l.display}: ${why}\n`);
    }
  }
  const badConfig = takeConfigErrors();
  for (const line of badConfig) io.stderr(`${line}\n`);
  if (failed) return EXIT.unreadable;
  if (badConfig.length) return EXIT.usage;
  return withErrors ? EXIT.findings : EXIT.ok;
}
