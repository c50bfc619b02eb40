/**
 * textDocument/codeAction: the findings' fixes as quick fixes (or refactor.rewrite) for the
 * requested range, plus `source.fixAll.govreport`: every safe fix of the current version, sorted and
 * without overlaps, as one versioned edit (the client refuses it if the document changed since).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Finding, SourceText } from '../../core/index';
import { suppressionFixes, suppressionForm } from '../../core/index';
import type { ServerContext } from '../context';
import { dedupeCodeActions, FIX_ALL_KIND, fixToCodeAction, nonOverlapping, toDiagnostic, toLspEdits, workspaceEdit } from '../convert';
import { FIX_ALL_STOPPED_COMMAND, fixAllForEditor } from '../fixAll';

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function sameRange(a: Diagnostic, f: Finding, src: SourceText): boolean {
  const r = src.rangeOf(f.span);
  return a.range.start.line === r.start.line && a.range.start.character === r.start.character &&
    a.range.end.line === r.end.line && a.range.end.character === r.end.character;
}

/**
 * Fix-all that stopped without converging: after applying the edit the client runs this command,
 * which tells the author why and what remains (client/src/fixAllNotice.ts).
 */
function stoppedCommand(notice: string | undefined): Pick<CodeAction, 'command'> {
  return notice ? { command: { title: notice, command: FIX_ALL_STOPPED_COMMAND, arguments: [notice] } } : {};
}

export function onCodeAction(ctx: ServerContext) {
  return async (params: CodeActionParams): Promise<CodeAction[] | null> => {
    const uri = params.textDocument.uri;
    const got = await ctx.analysis(uri);
    if (!got) return null;
    const { doc, analysis } = got;
    // The document may change (or be closed and reopened) while settings are pulled: answer for the
    // analysed text only. `doc` is updated in place by an edit, so its version is read now.
    const version = doc.version;
    const stale = () => ctx.documents.get(uri) !== doc || doc.version !== version;
    if (stale()) return null;
    const src = analysis.model.source;
    const only = params.context.only;
    const actions: CodeAction[] = [];

    if (wants(only, CodeActionKind.QuickFix) || wants(only, CodeActionKind.RefactorRewrite)) {
      const start = src.offsetAt(params.range.start);
      const end = src.offsetAt(params.range.end);
      const form = suppressionForm(uri, ctx.documents.get(uri)?.languageId);
      for (const f of analysis.findings) {
        // Touching counts: a cursor at either edge of the finding gets its fixes.
        if (f.span.start > end || f.span.end < start) continue;
        const diagnostic = params.context.diagnostics.find((d) => d.code === f.code && sameRange(d, f, src)) ?? toDiagnostic(f, src, uri, ctx.docsBase, undefined, ctx.locale);
        for (const fix of [...(f.fixes ?? []), ...suppressionFixes(f, src, form, ctx.locale)]) {
          const kind = fix.kind === 'refactor.rewrite' ? CodeActionKind.RefactorRewrite : CodeActionKind.QuickFix;
          if (!wants(only, kind)) continue;
          actions.push(fixToCodeAction(fix, diagnostic, src, uri, version, ctx.support.documentChanges));
        }
      }
      // 修复全部 in the light bulb too (not only source.fixAll), when a safe fix is here and there are ≥ 2.
      const safeHere = actions.length > 0 && analysis.findings.some((f) => f.span.start <= end && f.span.end >= start && f.fixes?.some((x) => x.safe));
      if (safeHere && wants(only, CodeActionKind.QuickFix) && analysis.findings.filter((f) => f.fixes?.some((x) => x.safe)).length >= 2) {
        const all = fixAllForEditor(analysis, await ctx.analyzeOptions(uri), ctx.locale);
        const edits = nonOverlapping(all.edits);
        if (stale()) return null;
        if (edits.length >= 2) {
          actions.push({
            title: ctx.locale === 'en' ? 'Fix all safe govreport problems' : '修复全部可安全修复的问题（govreport）',
            kind: CodeActionKind.QuickFix,
            edit: workspaceEdit(uri, version, toLspEdits(edits, src), ctx.support.documentChanges),
            ...stoppedCommand(all.notice),
          });
        }
      }
    }

    if (only?.length && (wants(only, FIX_ALL_KIND) || only.includes(CodeActionKind.Source))) {
      const all = fixAllForEditor(analysis, await ctx.analyzeOptions(uri), ctx.locale);
      const edits = nonOverlapping(all.edits);
      if (stale()) return null;
      if (edits.length) {
        actions.push({
          title: ctx.locale === 'en' ? 'Fix all safe govreport problems' : '修复全部可安全修复的问题（govreport）',
          kind: FIX_ALL_KIND,
          edit: workspaceEdit(uri, version, toLspEdits(edits, src), ctx.support.documentChanges),
          ...stoppedCommand(all.notice),
        });
      }
    }
    return dedupeCodeActions(actions);
  };
}
