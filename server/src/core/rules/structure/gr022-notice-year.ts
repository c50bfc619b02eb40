import { findNotices } from '../../parse/version';
import { FORMATS } from '../../standard/versions';
import type { Rule } from '../types';

/** GR022: the cited notice does not fit the year (〔2019〕60号 in 2021+, 〔2021〕30号 in 2019/2020, 492号 after 2019). */
export const gr022: Rule = {
  code: 'GR022', name: 'notice-year', severity: 'warning', category: 'structure', fixable: false,
  description: { 'zh-cn': '引用的文件与报告年度不符', en: 'Cited notice does not fit the year' },
  check(ctx) {
    const { model } = ctx;
    if (model.year === null || model.expectedVersion === null) return;
    for (const n of findNotices(model.source)) {
      if (n.notice === 'legacy') {
        if (model.year <= 2019) continue;
        ctx.report({ span: n.span, key: 'GR022.legacy', args: { cited: n.text, year: model.year } });
      } else if (n.notice !== model.expectedVersion) {
        ctx.report({ span: n.span, args: { cited: n.text, year: model.year, expected: `国办公开办函${FORMATS[model.expectedVersion].notice}` } });
      }
    }
  },
};
