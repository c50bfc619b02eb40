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
    // The first section seen of each ordinal: "the first earlier section of a higher ordinal" is
    // then the earliest of a handful of entries, not a scan of every earlier section (linear).
    const firstOfOrdinal = new Map<number, { index: number; section: (typeof known)[number] }>();
    known.forEach((s, i) => {
      const own = ordinal(s.key);
      let later: (typeof known)[number] | undefined;
      let at = Infinity;
      for (const [o, f] of firstOfOrdinal) if (o > own && f.index < at) { at = f.index; later = f.section; }
      if (!firstOfOrdinal.has(own)) firstOfOrdinal.set(own, { index: i, section: s });
      if (!later) return;
      const spec = format.sections.find((x) => x.key === s.key)!;
      const laterSpec = format.sections.find((x) => x.key === later.key)!;
      ctx.report({ span: s.heading.span, args: { heading: standardHeading(spec), before: standardHeading(laterSpec) } });
    });
  },
};
