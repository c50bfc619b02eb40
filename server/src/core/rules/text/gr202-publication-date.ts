import { compareDates, deadlineFor, formatDate } from '../../prose/dates';
import { REGULATION_ARTICLES } from '../../standard/legacy';
import type { Rule } from '../types';

/**
 * GR202: the 落款 / publication date is before the end of year Y (error), or after the deadline
 * in Y+1 (warning): 1月31日 for a 部门, 3月31日 for a 人民政府's own report (条例第四十九条);
 * both configurable (`ruleOptions.deadlines`). When the body kind is unknown the later deadline applies.
 * Legacy reports (≤ 2018) fall under the 2008 条例第三十一条: 3月31日 for every body.
 */
export const gr202: Rule = {
  code: 'GR202', name: 'publication-date', severity: 'error', category: 'text', fixable: false,
  description: { 'zh-cn': '落款日期早于年度结束或晚于公布期限', en: 'Signature date before the year ended or after the deadline' },
  check(ctx) {
    const { model } = ctx;
    const year = model.year;
    if (year === null) return;
    const date = ctx.dates.signature;
    if (!date) return;
    // Say where the date came from: the 落款, or a metadata line ("发布时间: …") at the top.
    const dated = (text: string) => date.source === 'metadata'
      ? ctx.t('GR202.dated.metadata', { date: text, label: date.label ?? '' })
      : ctx.t('GR202.dated.signature', { date: text });
    if (compareDates(date, { year, month: 12, day: 31 }) < 0) {
      ctx.report({ span: date.span, args: { dated: dated(date.text), date: date.text, year, next: year + 1 } });
      return;
    }
    if (model.version === 'legacy') {
      const { deadlineArticle: article, deadline: [month, day] } = REGULATION_ARTICLES.legacy;
      const [m, d] = ctx.options.deadlines?.government ?? [month, day];
      const deadline = { year: year + 1, month: m, day: d };
      if (compareDates(date, deadline) > 0) {
        ctx.report({ span: date.span, key: 'GR202.lateLegacy', severity: 'warning', args: { dated: dated(formatDate(date)), date: formatDate(date), deadline: formatDate(deadline), year, article } });
      }
      return;
    }
    const { kind } = ctx.bodyKind;
    const [month, day] = deadlineFor(kind, ctx.options);
    const deadline = { year: year + 1, month, day };
    if (compareDates(date, deadline) > 0) {
      const key = kind === 'department' ? 'GR202.lateDepartment' : kind === 'government' ? 'GR202.lateGovernment' : 'GR202.late';
      ctx.report({ span: date.span, key, severity: 'warning', args: { dated: dated(formatDate(date)), date: formatDate(date), deadline: formatDate(deadline), article: REGULATION_ARTICLES.current.deadlineArticle } });
    }
  },
};
