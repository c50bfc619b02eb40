import type { Rule } from '../types';

const FEE_RE = /处理费|收费|收取|费用/;

/** GR024: version 2021: section 六 says nothing about 信息处理费. */
export const gr024: Rule = {
  code: 'GR024', name: 'processing-fee', severity: 'warning', category: 'structure', fixable: false,
  description: { 'zh-cn': '第六部分未说明信息处理费收取情况', en: 'Section 六 says nothing about processing fees' },
  check(ctx) {
    const { model } = ctx;
    // Only when the year or the markers (or the config) say 2021, not by the default alone.
    if (model.checkedVersion !== '2021' || (model.expectedVersion === null && model.usedVersion === null)) return;
    const other = model.sections.find((s) => s.key === 'other');
    if (!other) return;
    if (FEE_RE.test(model.source.text.slice(other.heading.span.end, other.span.end))) return;
    ctx.report({ span: other.heading.span, args: { year: model.year ?? '' } });
  },
};
