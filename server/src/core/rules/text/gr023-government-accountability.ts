import type { Rule } from '../types';

// Plain words looked for with includes (a string search, faster than a regex over the whole text).
const TOPICS = [
  { key: 'GR023.exam', words: ['考核'] },
  { key: 'GR023.review', words: ['评议'] },
  { key: 'GR023.accountability', words: ['责任追究', '追责', '问责'] },
] as const;

/** GR023: a 人民政府's report does not mention 工作考核、社会评议、责任追究 (条例第五十条). */
export const gr023: Rule = {
  code: 'GR023', name: 'government-accountability', severity: 'information', category: 'structure', fixable: false,
  description: { 'zh-cn': '人民政府的年度报告未提及工作考核、社会评议和责任追究', en: 'A government report does not mention assessment, appraisal and accountability' },
  check(ctx) {
    const { model } = ctx;
    if (ctx.bodyKind.kind !== 'government') return;
    const text = model.source.text;
    const missing = TOPICS.filter((t) => !t.words.some((w) => text.includes(w))).map((t) => ctx.t(t.key));
    if (!missing.length) return;
    const problems = model.sections.find((s) => s.key === 'problems');
    const span = problems?.heading.span ?? model.title?.span;
    if (!span) return;
    ctx.report({ span, args: { missing: missing.join('、') } });
  },
};
