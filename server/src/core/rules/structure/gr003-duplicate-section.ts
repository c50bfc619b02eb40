import type { Rule } from '../types';
import { lineNumber, standardHeading } from './conventions';

/** GR003: the same section appears twice. */
export const gr003: Rule = {
  code: 'GR003', name: 'duplicate-section', severity: 'error', category: 'structure', fixable: false,
  description: { 'zh-cn': '同一部分重复出现', en: 'A section appears twice' },
  check(ctx) {
    const { model, format } = ctx;
    if (model.legacyStructure) return;
    // The first section of each key, so each later one finds it at once (linear in the headings).
    const firsts = new Map<string, (typeof model.sections)[number]>();
    model.sections.forEach((s) => {
      if (s.key === null) return;
      const first = firsts.get(s.key);
      if (!first) { firsts.set(s.key, s); return; }
      const spec = format.sections.find((x) => x.key === s.key)!;
      ctx.report({ span: s.heading.span, args: { heading: standardHeading(spec), line: lineNumber(model, first) } });
    });
  },
};
