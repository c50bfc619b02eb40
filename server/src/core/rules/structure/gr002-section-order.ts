import type { Rule } from '../types';
import { standardHeading } from './conventions';

/** GR002: sections out of the standard order. Reported on the section that comes too late. */
export const gr002: Rule = {
  code: 'GR002', name: 'section-order', severity: 'error', category: 'structure', fixable: false,
  description: { 'zh-cn': '各部分顺序与标准格式不一致', en: 'Sections are out of order' },
  check(ctx) {
    const { model, format } = ctx;
    if (model.legacyStructure) return;
    const specOf = (key: string | null) => {
      for (let k = 0; k < format.sections.length; k++) if (format.sections[k]!.key === key) return format.sections[k];
      return undefined;
    };
    const known = model.sections.filter((s) => s.key !== null);
    // The first section seen of each ordinal: "the first earlier section of a higher ordinal" is
    // then the earliest of a handful of entries, not a scan of every earlier section (linear).
    // Parallel arrays and indexed loops: iterating a Map made an entry array per entry and section
    // (a long file has hundreds of sections).
    const ordinals: number[] = [];
    const firstIndex: number[] = [];
    const firstSection: (typeof known)[number][] = [];
    for (let i = 0; i < known.length; i++) {
      const s = known[i]!;
      const own = specOf(s.key)?.ordinal ?? 0;
      let later: (typeof known)[number] | undefined;
      let at = Infinity;
      for (let j = 0; j < ordinals.length; j++) if (ordinals[j]! > own && firstIndex[j]! < at) { at = firstIndex[j]!; later = firstSection[j]; }
      if (!ordinals.includes(own)) { ordinals.push(own); firstIndex.push(i); firstSection.push(s); }
      if (!later) continue;
      const spec = specOf(s.key)!;
      const laterSpec = specOf(later.key)!;
      ctx.report({ span: s.heading.span, args: { heading: standardHeading(spec), before: standardHeading(laterSpec) } });
    }
  },
};
