/** Glue between analyze.ts and the suppression modules: filter findings, add GR009 hints. */
import { translate } from '../messages/index';
import { RULES_BY_CODE } from '../rules/registry';
import type { Finding, Locale, Severity } from '../types';
import type { SourceText } from '../text/source';
import { applySuppressions, removeDirectiveFix, UNUSED_CODE } from './apply';
import { findDirectives } from './directives';

export function suppress(source: SourceText, findings: Finding[], locale: Locale, unusedSeverity?: Severity | 'off'): Finding[] {
  const directives = findDirectives(source);
  if (directives.length === 0) return findings;
  const { kept, unused } = applySuppressions(findings, source, directives, (c) => RULES_BY_CODE.has(c));
  if (unusedSeverity === 'off') return kept;
  for (const u of unused) {
    const key = u.unknown ? 'GR009.unknown' : u.code ? 'GR009' : 'GR009.all';
    kept.push({
      code: UNUSED_CODE,
      severity: unusedSeverity ?? RULES_BY_CODE.get(UNUSED_CODE)?.severity ?? 'hint',
      span: u.directive.span,
      message: translate(locale, key, { code: u.code ?? '' }),
      tags: ['unnecessary'],
      fixes: [removeDirectiveFix(u.directive, source, translate(locale, 'GR009.fix'))],
    });
  }
  return kept;
}
