import type { Rule } from '../types';

/** GR201: the years disagree: title vs statistics period vs a year written in a table. */
export const gr201: Rule = {
  code: 'GR201', name: 'year-mismatch', severity: 'error', category: 'text', fixable: false,
  description: { 'zh-cn': '标题、统计期限、表格中的年度不一致', en: 'Title, statistics period and tables name different years' },
  check(ctx) {
    const { model } = ctx;
    const title = model.title?.year != null && model.title.yearSpan ? { year: model.title.year, span: model.title.yearSpan } : null;
    const related = title ? [{ span: title.span, message: ctx.t('GR201.related', { year: title.year }) }] : undefined;
    const period = ctx.dates.period;
    if (period) {
      if (period.endYear !== null && period.endYear !== period.startYear) {
        ctx.report({
          span: { start: period.startYearSpan.start, end: period.endYearSpan!.end }, key: 'GR201.span',
          args: { start: period.startYear, end: period.endYear, year: title?.year ?? period.endYear },
        });
      } else if (title && period.startYear !== title.year) {
        ctx.report({ span: period.startYearSpan, args: { period: period.startYear, title: title.year }, related });
        if (period.endYearSpan) ctx.report({ span: period.endYearSpan, args: { period: period.startYear, title: title.year }, related });
      }
    }
    // A year in a table's caption or header ("2019年度政府信息公开情况统计表").
    const year = model.year;
    if (year === null) return;
    for (const t of model.tables) {
      for (const s of [t.caption?.span, t.headerSpan]) {
        if (!s) continue;
        const text = model.source.slice(s);
        const m = /((?:19|20)\d{2})\s*年/.exec(text);
        if (m && Number(m[1]) !== year) {
          ctx.report({ span: { start: s.start + m.index, end: s.start + m.index + 4 }, key: 'GR201.table', args: { table: m[1]!, year }, related });
        }
      }
    }
  },
};
