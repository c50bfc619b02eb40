/**
 * Text: one line per finding, "file:line:col 级别 代码 说明" (1-based, columns in UTF-16 units),
 * written per file (never one giant string). Skipped files, unreadable files and the summary
 * line go to stderr so stdout stays one finding per line.
 */
import type { Finding, Locale, Severity } from '../../core/index';
import { oneLine, type AnalysisView, type CheckedFile, type FormatContext, type Formatter, type RunTotals } from './types';

const WORDS: Record<Locale, Record<Severity, string>> = {
  'zh-cn': { error: '错误', warning: '警告', information: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

export function severityWord(s: Severity, locale: Locale): string {
  return WORDS[locale][s];
}

export function toTextLines(file: string, a: AnalysisView, findings: readonly Finding[] = a.findings, locale: Locale = 'en'): string[] {
  const src = a.model.source;
  const out: string[] = [];
  for (const f of findings) {
    const p = src.positionAt(f.span.start);
    out.push(`${file}:${p.line + 1}:${p.character + 1} ${WORDS[locale][f.severity]} ${f.code} ${oneLine(f.message)}`);
  }
  return out;
}

export function summaryLine(t: RunTotals, locale: Locale): string {
  const c = t.counts;
  if (locale === 'en') {
    return `${t.files} file(s) checked: ${c.error} error(s), ${c.warning} warning(s), ${c.information} information, ${c.hint} hint(s)`
      + (t.skipped.length ? `; ${t.skipped.length} skipped` : '') + (t.failed ? `; ${t.failed} could not be read` : '');
  }
  return `检查了 ${t.files} 个文件：错误 ${c.error} 个，警告 ${c.warning} 个，信息 ${c.information} 个，提示 ${c.hint} 个`
    + (t.skipped.length ? `；跳过 ${t.skipped.length} 个` : '') + (t.failed ? `；${t.failed} 个无法读取` : '');
}

export function textFormatter(ctx: FormatContext): Formatter {
  const { io, locale } = ctx;
  return {
    file(f: CheckedFile) {
      if (f.error !== undefined) {
        io.stderr(`${f.display}: ${f.error}\n`);
        return;
      }
      if (f.analysis && f.findings.length) io.stdout(toTextLines(f.display, f.analysis, f.findings, locale).join('\n') + '\n');
      if (ctx.verbose) io.stderr(`${f.display}: ${locale === 'en' ? 'checked' : '已检查'}\n`);
    },
    end(t: RunTotals) {
      if (ctx.quiet) return;
      for (const s of t.skipped) io.stderr(`${s.file}: ${locale === 'en' ? 'skipped' : '跳过'} — ${s.message}\n`);
      io.stderr(summaryLine(t, locale) + '\n');
    },
  };
}
