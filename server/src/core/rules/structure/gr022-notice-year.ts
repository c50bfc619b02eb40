import { noticesIn } from './notices';
import { FORMATS } from '../../standard/versions';
import type { Rule } from '../types';

/** GR022: the cited notice does not fit the year (〔2019〕60号 in 2021+, 〔2021〕30号 in 2019/2020, 492号 after 2019). */
export const gr022: Rule = {
  code: 'GR022', name: 'notice-year', severity: 'warning', category: 'structure', fixable: false,
  description: { 'zh-cn': '引用的文件与报告年度不符', en: 'Cited notice does not fit the year' },
  check(ctx) {
    const { model } = ctx;
    if (model.year === null || model.expectedVersion === null) return;
    for (const n of noticesIn(model.source)) {
      if (n.notice === 'legacy') {
        if (model.year <= 2019) continue;
        ctx.report({ span: n.span, key: 'GR022.legacy', args: { cited: n.text, year: model.year } });
      } else if (n.notice !== model.expectedVersion && !otherIssuer(model.source.text, n.span.start)) {
        ctx.report({ span: n.span, args: { cited: n.text, year: model.year, expected: `国办公开办函${FORMATS[model.expectedVersion].notice}` } });
      }
    }
  },
};

/** National issuers of 〔2019〕60号 / 〔2021〕30号 as written before the number. */
const NATIONAL_RE = /(?:国办公开办函|国办函|国办发|国务院办公厅(?:政府信息与政务公开办公室)?|国务院办公厅公开办)\s*$/;
/** A document code of some issuer ("省政府办公厅", "县政府办", "市府办发"): ends in 办/厅/函/发/字. */
const ISSUER_RE = /[\u4e00-\u9fff]{2,}(?:办|厅|函|发|字)\s*$/;

/**
 * The number is written after another issuer's document code ("省政府办公厅〔2019〕60号"): not the
 * national notice. A bare "〔2019〕60号" still counts (it usually is the national one).
 */
function otherIssuer(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 20), at);
  return !NATIONAL_RE.test(before) && ISSUER_RE.test(before);
}
