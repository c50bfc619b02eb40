/**
 * Snippet completion served by the language server instead of static snippet files, so that:
 *  - only the snippets of the document's format version are offered (no 2019 tables in a 2021
 *    report), generated from the format data like the static catalogue;
 *  - the skeleton's year defaults to last year (defaultReportYear), as the new-report command does
 *    (VS Code's snippet variables only know the current year);
 *  - the whole-report skeleton is offered only where there is no report yet (no title).
 * Offered at the start of a line (outside tables), for what was typed there.
 */
import type { ReportModel } from '../model/types';
import { renderTableBlock } from '../render/markdownTable';
import { renderSkeleton } from '../render/skeleton';
import { SKELETON_PREFIXES, SNIPPET_BODY, tablePrefixes } from '../render/snippets';
import type { VersionId } from '../standard/types';
import { FORMATS } from '../standard/versions';
import type { CompletionItemLike } from './completion';
import { defaultReportYear, reportVersion } from './templates';

/** What was typed at the start of the line, if the cursor is there: "", "年", "表三", "nb". */
const LINE_START = /^[ \t\u3000]*([\p{Script=Han}A-Za-z0-9]{0,8})$/u;

function pick(prefixes: readonly string[], typed: string): string | undefined {
  return typed ? prefixes.find((p) => p.startsWith(typed)) : prefixes[0];
}

export function snippetCompletions(text: string, offset: number, model: ReportModel | null, now: Date = new Date()): CompletionItemLike[] {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const m = LINE_START.exec(text.slice(lineStart, offset));
  if (!m) return [];
  const typed = m[1]!;
  const span = { start: offset - typed.length, end: offset };
  const out: CompletionItemLike[] = [];
  const year = defaultReportYear(now);

  if (!model?.title) {
    const prefix = pick(SKELETON_PREFIXES, typed);
    if (prefix) {
      const version = reportVersion(year);
      const body = renderSkeleton({ version, body: SNIPPET_BODY, year, kind: 'government', eol: '\n', snippet: true });
      out.push({
        label: prefix, kind: 'snippet', insertText: body, insertTextFormat: 'snippet', span, filterText: prefix,
        detail: `政府信息公开工作年度报告（${year}年度，${version}版格式）`,
        documentation: `全文模板：标题、六个部分、全部统计表（${FORMATS[version].notice}）。Full report template: title, six sections, every table.`,
        sortText: '900',
      });
    }
  }
  const version: VersionId = model?.usedVersion ?? model?.expectedVersion ?? reportVersion(year);
  FORMATS[version].tables.forEach((spec, i) => {
    const prefix = pick(tablePrefixes(spec), typed);
    if (!prefix) return;
    out.push({
      label: prefix, kind: 'snippet', span, filterText: prefix,
      insertText: renderTableBlock(spec, new Map(), { eol: '\n', snippet: true }) + '\n$0',
      insertTextFormat: 'snippet',
      detail: `${spec.title}（${version}版格式）`,
      sortText: `91${String(i).padStart(2, '0')}`,
    });
  });
  return out;
}
