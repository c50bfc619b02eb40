/**
 * The quick fixes "在此行忽略 GRxxx" / "在本文件忽略 GRxxx" offered on every finding: they insert a
 * directive in the document's own form (Markdown comment, or 【】 line in .txt) with its EOL.
 * Never safe: fix-all must not silence findings.
 */
import { translate } from '../messages/index';
import type { Finding, Fix, Locale } from '../types';
import type { SourceText } from '../text/source';
import { directiveText, UNUSED } from './directives';

export function suppressionFixes(f: Finding, source: SourceText, form: 'markdown' | 'plain', locale: Locale): Fix[] {
  if (f.code === UNUSED) return [];
  const line = source.line(source.lineIndexAt(f.span.start));
  const indent = /^[ \t\u3000]*/.exec(line.text)![0];
  const first = source.line(0);
  return [
    {
      title: translate(locale, 'suppress.line', { code: f.code }), safe: false,
      edits: [{ span: { start: line.start, end: line.start }, newText: indent + directiveText(form, 'disable-next-line', [f.code]) + source.eol }],
    },
    {
      title: translate(locale, 'suppress.file', { code: f.code }), safe: false,
      edits: [{ span: { start: first.start, end: first.start }, newText: directiveText(form, 'disable-file', [f.code]) + source.eol }],
    },
  ];
}

/** .txt reports get the plain form; .md / .govreport the Markdown comment. */
export function suppressionForm(uriOrPath: string, languageId?: string): 'markdown' | 'plain' {
  if (languageId === 'plaintext') return 'plain';
  return /\.txt$/i.test(uriOrPath) ? 'plain' : 'markdown';
}
