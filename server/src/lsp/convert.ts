/** Core findings and spans → LSP shapes. Offsets are converted only through SourceText. */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { compactRelated } from '../core/index';
import type { Finding, Fix, Severity, TextEdit, SourceText } from '../core/index';

export const SOURCE = 'govreport';
export const DEFAULT_DOCS_BASE = 'https://github.com/govreport/gov-report/blob/main/docs/rules/';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s] ?? DiagnosticSeverity.Warning;
}

/** docsBase with exactly one trailing slash. */
export function normaliseDocsBase(base: unknown): string {
  if (typeof base !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(base)) return DEFAULT_DOCS_BASE;
  return base.endsWith('/') ? base : base + '/';
}

/** SourceText of another document (a peer report), for related information that points there. */
export type SourceResolver = (uri: string) => SourceText | undefined;

/**
 * `clientCompletes`: the client adds `source` and the rule link (from `code`) itself, as the VS Code
 * client declares (ClientSupport.completesDiagnostics): the link alone, a file:// URI into the
 * extension's storage, was a third of a 1 MB report's publishDiagnostics message, and the client
 * replaced it anyway.
 */
export function toDiagnostic(
  f: Finding, src: SourceText, uri: string, docsBase: string, sourceOf?: SourceResolver, locale: 'zh-cn' | 'en' = 'zh-cn', clientCompletes = false,
): Diagnostic {
  const d: Diagnostic = clientCompletes
    ? { range: src.rangeOf(f.span), severity: toSeverity(f.severity), code: f.code, message: f.message }
    : {
      range: src.rangeOf(f.span),
      severity: toSeverity(f.severity),
      code: f.code,
      codeDescription: { href: `${docsBase}${f.code}.md` },
      source: SOURCE,
      message: f.message,
    };
  if (f.related?.length) {
    d.relatedInformation = [];
    // Only the terms that carry a value, capped (the Problems panel expands every entry).
    for (const r of compactRelated(f.related, src.text, f.span, locale)) {
      const other = r.uri && r.uri !== uri ? sourceOf?.(r.uri) : src;
      if (!other) continue; // a peer we cannot resolve any more: drop rather than point at wrong lines
      d.relatedInformation.push({ location: { uri: r.uri ?? uri, range: other.rangeOf(r.span) }, message: r.message });
    }
    if (d.relatedInformation.length === 0) delete d.relatedInformation;
  }
  if (f.tags?.length) {
    d.tags = f.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  return d;
}

export function toLspEdits(edits: readonly TextEdit[], src: SourceText): LspTextEdit[] {
  return edits.map((e) => ({ range: src.rangeOf(e.span), newText: e.newText }));
}

/**
 * A workspace edit for one document. With `documentChanges` support the edit carries the version
 * it was computed for, so the client refuses it once the document has changed.
 */
export function workspaceEdit(uri: string, version: number, edits: LspTextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

/** Sorted by start, dropping any edit that overlaps one already kept (the earlier one wins). */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.span.start - b.e.span.start || a.e.span.end - b.e.span.end || a.i - b.i)
    .map((x) => x.e);
  const out: TextEdit[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const e of sorted) {
    if (e.span.start < lastEnd) continue;
    // Two insertions at the same point: keep both only if they are not identical.
    if (e.span.start === e.span.end && e.span.start === lastStart && lastEnd === lastStart) {
      const prev = out[out.length - 1]!;
      if (prev.newText === e.newText) continue;
    }
    out.push(e);
    lastStart = e.span.start;
    lastEnd = e.span.end;
  }
  return out;
}

/** Same title and same edits: one menu entry (a fix offered by two findings, or twice by one). */
export function dedupeCodeActions(actions: readonly CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  const out: CodeAction[] = [];
  for (const a of actions) {
    const key = `${a.kind ?? ''}\u0000${a.title}\u0000${JSON.stringify(a.edit ?? null)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

export function fixToCodeAction(fix: Fix, diagnostic: Diagnostic | null, src: SourceText, uri: string, version: number, documentChanges: boolean): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: fix.kind === 'refactor.rewrite' ? CodeActionKind.RefactorRewrite : CodeActionKind.QuickFix,
    edit: workspaceEdit(uri, version, toLspEdits(nonOverlapping(fix.edits), src), documentChanges),
  };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  return action;
}
