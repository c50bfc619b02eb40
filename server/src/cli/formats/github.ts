/**
 * GitHub Actions workflow commands: "::error file=…,line=…,col=…,endLine=…,endColumn=…,title=GRxxx::message"
 * (warning for warnings, notice for information and hints). Streamed per file.
 */
import type { Severity } from '../../core/index';
import { summaryLine } from './text';
import type { CheckedFile, FormatContext, Formatter, RunTotals } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escaping of workflow-command data (after "::") and property values. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubFormatter(ctx: FormatContext): Formatter {
  const { io } = ctx;
  return {
    file(f: CheckedFile) {
      const file = escapeProperty(f.display.replace(/\\/g, '/'));
      if (!f.analysis) {
        io.stdout(`::error file=${file},title=govreport::${escapeData(f.error ?? '')}\n`);
        return;
      }
      const src = f.analysis.model.source;
      const lines: string[] = [];
      for (const d of f.findings) {
        const r = src.rangeOf(d.span);
        lines.push(`::${COMMAND[d.severity]} file=${file},line=${r.start.line + 1},col=${r.start.character + 1},endLine=${r.end.line + 1},endColumn=${r.end.character + 1},title=${escapeProperty(d.code)}::${escapeData(d.message)}`);
      }
      if (lines.length) io.stdout(lines.join('\n') + '\n');
    },
    end(t: RunTotals) {
      if (!ctx.quiet) io.stderr(summaryLine(t, ctx.locale) + '\n');
    },
  };
}
