import type { Span } from '../../text/source';
import type { Related } from '../../types';
import type { Rule } from '../types';

const TABLE_YEAR_RE = /((?:19|20)\d{2})\s*年/;

/** Whether text[span] holds 年 (TABLE_YEAR_RE needs one): most captions and headers name no year. */
function holdsNian(text: string, s: Span): boolean {
  for (let i = s.start; i < s.end; i++) if (text.charCodeAt(i) === 0x5e74) return true; // 年
  return false;
}

/** GR201: the years disagree: title vs statistics period vs a year written in a table. */
export const gr201: Rule = {
  code: 'GR201', name: 'year-mismatch', severity: 'error', category: 'text', fixable: false,
  description: { 'zh-cn': '标题、统计期限、表格中的年度不一致', en: 'Title, statistics period and tables name different years' },
  check(ctx) {
    const { model } = ctx;
    const title = model.title?.year != null && model.title.yearSpan ? { year: model.title.year, span: model.title.yearSpan } : null;
    // The title's year as related information, made when a finding first needs it (most reports have
    // none) and then shared by every finding of the run, as it always was.
    let related: Related[] | undefined | null = null;
    const relatedTitle = () => (related === null ? (related = title ? [{ span: title.span, message: ctx.t('GR201.related', { year: title.year }) }] : undefined) : related);
    const period = ctx.dates.period;
    if (period) {
      if (period.endYear !== null && period.endYear !== period.startYear) {
        ctx.report({
          span: { start: period.startYearSpan.start, end: period.endYearSpan!.end }, key: 'GR201.span',
          args: { start: period.startYear, end: period.endYear, year: title?.year ?? period.endYear },
        });
      } else if (title && period.startYear !== title.year) {
        ctx.report({ span: period.startYearSpan, args: { period: period.startYear, title: title.year }, related: relatedTitle() });
        if (period.endYearSpan) ctx.report({ span: period.endYearSpan, args: { period: period.startYear, title: title.year }, related: relatedTitle() });
      }
    }
    // A year in a table's caption or header ("2019年度政府信息公开情况统计表").
    const year = model.year;
    if (year === null) return;
    const text = model.source.text;
    for (const t of model.tables) {
      for (let k = 0; k < 2; k++) {
        const s = k === 0 ? t.caption?.span : t.headerSpan;
        if (!s || !holdsNian(text, s)) continue;
        const m = TABLE_YEAR_RE.exec(model.source.slice(s));
        if (m && Number(m[1]) !== year) {
          ctx.report({ span: { start: s.start + m.index, end: s.start + m.index + 4 }, key: 'GR201.table', args: { table: m[1]!, year }, related: relatedTitle() });
        }
      }
    }
  },
};
