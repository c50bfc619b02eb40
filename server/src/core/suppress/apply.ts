/**
 * Applies suppression directives to the findings of a run (after every rule ran) and reports
 * the directives that suppressed nothing (GR009, a hint with the "unnecessary" tag). One sweep
 * over findings and directives sorted by offset: linear after the sort.
 */
import type { Finding, Fix } from '../types';
import type { SourceText } from '../text/source';
import { UNUSED as UNUSED_CODE, type Directive } from './directives';

export { UNUSED_CODE };

export interface UnusedSuppression {
  directive: Directive;
  /** The code that suppressed nothing (undefined: a directive naming no code), or unknown. */
  code?: string;
  unknown: boolean;
}

export interface SuppressionResult {
  kept: Finding[];
  unused: UnusedSuppression[];
}

/** The line a disable-next-line aims at: the next line that is neither blank nor only a directive. */
function targetLines(source: SourceText, directives: readonly Directive[]): Map<Directive, number> {
  const directiveLines = new Set(directives.filter((d) => d.ownLine).map((d) => d.line));
  const out = new Map<Directive, number>();
  for (const d of directives) {
    if (d.kind === 'disable-line') out.set(d, d.line);
    if (d.kind !== 'disable-next-line') continue;
    let l = d.line + 1;
    while (l < source.lineCount && (directiveLines.has(l) || source.lineText(l).trim() === '')) l++;
    out.set(d, l);
  }
  return out;
}

export function applySuppressions(
  findings: readonly Finding[], source: SourceText, directives: readonly Directive[], known: (code: string) => boolean,
): SuppressionResult {
  if (directives.length === 0) return { kept: [...findings], unused: [] };
  // used: directive → codes it suppressed ('*' for a directive without codes).
  const used = new Map<Directive, Set<string>>(directives.map((d) => [d, new Set<string>()]));
  const mark = (d: Directive, code: string) => used.get(d)!.add(d.codes.length ? code : '*');
  const covers = (d: Directive, code: string) => d.codes.length === 0 || d.codes.includes(code);

  const fileWide = directives.filter((d) => d.kind === 'disable-file');
  const targets = targetLines(source, directives);
  const byLine = new Map<number, Directive[]>();
  for (const [d, l] of targets) byLine.set(l, [...(byLine.get(l) ?? []), d]);
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');

  // Sweep state for disable/enable ranges.
  const disabled = new Map<string, Directive>();
  let all: Directive | undefined;
  const exceptions = new Set<string>();
  let next = 0;

  const order = findings.map((f, i) => i).sort((a, b) => findings[a]!.span.start - findings[b]!.span.start);
  const keep = new Array<boolean>(findings.length).fill(true);
  for (const i of order) {
    const f = findings[i]!;
    while (next < ranged.length && ranged[next]!.span.start <= f.span.start) {
      const d = ranged[next++]!;
      if (d.kind === 'disable') {
        if (d.codes.length === 0) { all = d; exceptions.clear(); }
        for (const c of d.codes) { disabled.set(c, d); exceptions.delete(c); }
      } else if (d.codes.length === 0) {
        disabled.clear(); all = undefined; exceptions.clear();
      } else {
        for (const c of d.codes) { disabled.delete(c); if (all) exceptions.add(c); }
      }
    }
    if (f.code === UNUSED_CODE) continue;
    const file = fileWide.find((d) => covers(d, f.code));
    if (file) { mark(file, f.code); keep[i] = false; continue; }
    const line = source.lineIndexAt(f.span.start);
    // A finding that starts on a directive's own line means the reader glued the directive to
    // the block below it (a one-cell-per-line table): it belongs to that directive too.
    const onLine = byLine.get(line)?.find((d) => covers(d, f.code))
      ?? directives.find((d) => d.kind === 'disable-next-line' && d.line === line && covers(d, f.code));
    if (onLine) { mark(onLine, f.code); keep[i] = false; continue; }
    const range = disabled.get(f.code) ?? (all && !exceptions.has(f.code) ? all : undefined);
    if (range) { mark(range, f.code); keep[i] = false; }
  }

  const unused: UnusedSuppression[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const u = used.get(d)!;
    if (d.codes.length === 0) {
      if (u.size === 0) unused.push({ directive: d, unknown: false });
      continue;
    }
    for (const c of d.codes) {
      if (!known(c)) unused.push({ directive: d, code: c, unknown: true });
      else if (!u.has(c)) unused.push({ directive: d, code: c, unknown: false });
    }
  }
  return { kept: findings.filter((_, i) => keep[i]), unused };
}

/** Removing a directive: its whole line when it stands alone, else just the comment. */
export function removeDirectiveFix(d: Directive, source: SourceText, title: string): Fix {
  const line = source.line(d.line);
  const span = d.ownLine ? { start: line.start, end: line.next } : d.span;
  return { title, safe: false, edits: [{ span, newText: '' }] };
}
