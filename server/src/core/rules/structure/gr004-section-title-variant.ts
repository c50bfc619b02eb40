import type { Rule } from '../types';

/** GR004: a section title is a variant or misspelt; the fix writes the standard title. */
export const gr004: Rule = {
  code: 'GR004', name: 'section-title-variant', severity: 'warning', category: 'structure', fixable: true,
  description: { 'zh-cn': '部分标题为变体或有错别字', en: 'A section title is a variant or misspelt' },
  check(ctx) {
    const { model, format } = ctx;
    if (model.legacyStructure) return;
    for (const s of model.sections) {
      if (s.key === null || (s.match !== 'alias' && s.match !== 'fuzzy')) continue;
      const spec = format.sections.find((x) => x.key === s.key)!;
      ctx.report({
        span: s.heading.titleSpan,
        args: { title: s.heading.title, standard: spec.title },
        fixes: [{ title: ctx.t('GR004.fix', { standard: spec.title }), edits: [{ span: s.heading.titleSpan, newText: spec.title }], safe: true, preferred: true }],
      });
    }
  },
};
