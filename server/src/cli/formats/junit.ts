/**
 * JUnit XML (GitLab, Jenkins, Azure): one <testsuite> per file, one failing <testcase> per finding,
 * one passing testcase for a clean file, an <error> for a file that could not be read. Streamed.
 */
import type { CheckedFile, FormatContext, Formatter } from './types';
import { oneLine } from './types';

export function xmlEscape(s: string): string {
  // Characters XML 1.0 forbids are dropped; the rest escaped.
  // eslint-disable-next-line no-misleading-character-class -- surrogate halves are listed one by one on purpose: pairs are kept
  return s.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function junitFormatter(ctx: FormatContext): Formatter {
  const { io } = ctx;
  io.stdout('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="govreport">\n');
  return {
    file(f: CheckedFile) {
      const name = xmlEscape(f.display);
      if (!f.analysis) {
        io.stdout(`  <testsuite name="${name}" tests="1" failures="0" errors="1">\n    <testcase classname="${name}" name="govreport"><error message="${xmlEscape(f.error ?? '')}"/></testcase>\n  </testsuite>\n`);
        io.stderr(`${f.display}: ${f.error}\n`);
        return;
      }
      const src = f.analysis.model.source;
      const parts: string[] = [`  <testsuite name="${name}" tests="${Math.max(1, f.findings.length)}" failures="${f.findings.length}" errors="0">\n`];
      if (f.findings.length === 0) parts.push(`    <testcase classname="${name}" name="govreport"/>\n`);
      for (const d of f.findings) {
        const p = src.positionAt(d.span.start);
        const where = `${f.display}:${p.line + 1}:${p.character + 1}`;
        const msg = xmlEscape(oneLine(d.message));
        parts.push(`    <testcase classname="${name}" name="${xmlEscape(d.code)} ${xmlEscape(where)}"><failure type="${d.severity}" message="${msg}">${xmlEscape(`${where} ${d.severity} ${d.code} ${d.message}`)}</failure></testcase>\n`);
      }
      parts.push('  </testsuite>\n');
      io.stdout(parts.join(''));
    },
    end() {
      io.stdout('</testsuites>\n');
    },
  };
}
