import { matchSectionTitle } from '../../parse/sections';
import type { Rule } from '../types';

/** GR005: a report of 2019 or later still follows the pre-2019 free-form structure. */
export const gr005: Rule = {
  code: 'GR005', name: 'legacy-structure', severity: 'error', category: 'structure', fixable: false,
  description: { 'zh-cn': '2019年及以后的报告使用了旧版结构', en: 'Legacy (pre-2019) structure in a report of 2019 or later' },
  check(ctx) {
    const { model, format } = ctx;
    if (!model.legacyStructure || model.year === null || model.year < 2019) return;
    const legacy = model.sections.filter((s) => matchSectionTitle(s.heading.title).legacy);
    const first = legacy[0]!;
    ctx.report({
      span: model.title?.span ?? first.heading.span,
      args: { year: model.year, titles: legacy.slice(0, 3).map((s) => s.heading.title).join('、'), notice: `国办公开办函${format.notice}` },
      related: legacy.map((s) => ({ span: s.heading.span, message: s.heading.title })),
    });
  },
};
