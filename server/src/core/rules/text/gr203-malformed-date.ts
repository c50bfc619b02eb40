import type { Rule } from '../types';

/** GR203: a malformed date (202020年12月31日, 2019年11日, 20191231日, 2月30日). */
export const gr203: Rule = {
  code: 'GR203', name: 'malformed-date', severity: 'error', category: 'text', fixable: false,
  description: { 'zh-cn': '日期格式有误', en: 'Malformed date' },
  check(ctx) {
    for (const d of ctx.dates.malformed) {
      const key = d.problem === 'yearDigits' ? 'GR203' : (`GR203.${d.problem}` as const);
      ctx.report({ span: d.span, key, args: { text: d.text.replace(/\s+/g, '') } });
    }
  },
};
