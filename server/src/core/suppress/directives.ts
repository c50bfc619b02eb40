/**
 * Suppression directives written in a report: a Markdown comment
 * `<!-- govreport-disable GR107 -->` (for .md / .govreport) or, in plain-text reports, a line of
 * its own in 【】 brackets: `【govreport-disable-next-line GR101】`. The brackets are typed with any
 * Chinese input method and no report line looks like that. Pure: text in, directives out.
 */
import type { SourceText, Span } from '../text/source';

/** The code of the unused-suppression hint (GR009), never itself suppressed. */
export const UNUSED = 'GR009';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule codes named (upper-cased), empty = every rule. */
  codes: string[];
  /** The whole comment / bracket text. */
  span: Span;
  /** Line index of the directive. */
  line: number;
  /** True when the directive is alone on its line (removing it removes the line). */
  ownLine: boolean;
}

const KINDS = '(disable-next-line|disable-line|disable-file|disable|enable)';
const COMMENT_RE = new RegExp(`<!--\\s*govreport-${KINDS}(?=\\s|-->)([^>]*?)-->`, 'g');
const PLAIN_RE = new RegExp(`^\\s*[【\\[]\\s*govreport-${KINDS}(?=[\\s】\\]])([^】\\]]*)[】\\]]\\s*$`);

/**
 * A line that holds nothing but a directive: table readers pass over it like page furniture, so
 * a suppression put between table lines (or above a header) does not change how the table reads.
 */
export function isDirectiveLine(text: string): boolean {
  if (!text.includes('govreport-')) return false;
  if (PLAIN_RE.test(text)) return true;
  COMMENT_RE.lastIndex = 0;
  const m = COMMENT_RE.exec(text);
  return m !== null && text.trim() === m[0];
}

function splitCodes(list: string): string[] {
  return list.split(/[\s,，、;；]+/).filter(Boolean).map((c) => c.toUpperCase());
}

/** Every directive, in text order. Linear: one cheap `includes` per line. */
export function findDirectives(source: SourceText): Directive[] {
  const out: Directive[] = [];
  // Most reports have none: one native search instead of a line object per line.
  if (!source.text.includes('govreport-')) return out;
  for (let i = 0; i < source.lineCount; i++) {
    if (!source.lineText(i).includes('govreport-')) continue;
    const line = source.line(i);
    const plain = PLAIN_RE.exec(line.text);
    if (plain) {
      out.push({ kind: plain[1] as DirectiveKind, codes: splitCodes(plain[2]!), line: line.index, ownLine: true,
        span: { start: line.start + line.text.search(/\S/), end: line.start + line.text.trimEnd().length } });
      continue;
    }
    COMMENT_RE.lastIndex = 0;
    for (let m = COMMENT_RE.exec(line.text); m; m = COMMENT_RE.exec(line.text)) {
      const ownLine = line.text.trim() === m[0];
      out.push({ kind: m[1] as DirectiveKind, codes: splitCodes(m[2]!), line: line.index, ownLine,
        span: { start: line.start + m.index, end: line.start + m.index + m[0].length } });
    }
  }
  return out;
}

/** The text of a directive in the document's own form (no line break). */
export function directiveText(form: 'markdown' | 'plain', kind: DirectiveKind, codes: readonly string[]): string {
  const body = `govreport-${kind}${codes.length ? ' ' + codes.join(' ') : ''}`;
  return form === 'markdown' ? `<!-- ${body} -->` : `【${body}】`;
}
