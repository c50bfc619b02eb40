import type { Rule } from '../types';
import { standardHeading } from './conventions';

/** GR002: sections out of the standard order. Reported on the section that comes too late. */
export const gr002: Rule = {
  code: 'GR002', name: 'section-order', severity: 'error', category: 'structure', fixable: false,
  description: { 'zh-cn': '各部分顺序与标准格式不一致', en: 'Sections are out of order' },
  check(ctx) {
    const { model, format } = ctx;
    if (model.legacyStructure) return;
    const ordinal = (key: string | null) => format.sections.find((s) => s.key === key)?.ordinal ?? 0;
    const known = model.sections.filter((s) => s.key !== null);
    known.forEach((s, i) => {
      const later = known.slice(0, i).find((p) => ordinal(p.key) > ordinal(s.key));
      if (!later) return;
      const spec = format.sections.find((x) => x.key === s.key)!;
      const laterSpec = format.sections.find((x) => x.key === later.key)!;
      ctx.report({ span: s.heading.span, args: { heading: standardHeading(spec), before: standardHeading(laterSpec) } });
    });
  },
};
