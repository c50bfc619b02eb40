import type { Rule } from '../types';
import { lineNumber, standardHeading } from './conventions';

/** GR003: the same section appears twice. */
export const gr003: Rule = {
  code: 'GR003', name: 'duplicate-section', severity: 'error', category: 'structure', fixable: false,
  description: { 'zh-cn': '同一部分重复出现', en: 'A section appears twice' },
  check(ctx) {
    const { model, format } = ctx;
    if (model.legacyStructure) return;
    model.sections.forEach((s, i) => {
      if (s.key === null) return;
      const first = model.sections.slice(0, i).find((p) => p.key === s.key);
      if (!first) return;
      const spec = format.sections.find((x) => x.key === s.key)!;
      ctx.report({ span: s.heading.span, args: { heading: standardHeading(spec), line: lineNumber(model, first) } });
    });
  },
};
