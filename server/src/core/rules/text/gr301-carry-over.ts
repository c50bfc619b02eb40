import { cellEdit } from '../../tables/cellEdits';
import { columnName } from '../../tables/names';
import type { Rule } from '../types';
import { previousReport } from './across';
import { cellRef, filledValue, refName, refSpan } from './common';

const COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];

/** GR301: T3 二 (上年结转) of year Y ≠ T3 四 (结转下年度) of year Y−1, per column. */
export const gr301: Rule = {
  code: 'GR301', name: 'carry-over', severity: 'error', category: 'across', fixable: true,
  description: { 'zh-cn': '上年结转数与上年报告的结转下年度数不一致', en: 'Carried over ≠ last year\'s carried forward' },
  check(ctx) {
    const { model } = ctx;
    const prev = previousReport(model, ctx.peers);
    if (!prev) return;
    const prevYear = prev.model.year!;
    for (const col of COLUMNS) {
      const cur = cellRef(model, 'T3', 'carriedIn', col);
      const old = cellRef(prev.model, 'T3', 'carriedOut', col);
      // Either cell left blank: nothing to compare (a missing cell is not a 0).
      const now = filledValue(cur);
      const then = filledValue(old);
      if (!cur || !old || now === null || then === null || now === then) continue;
      const previous = then.toString();
      ctx.report({
        span: refSpan(model, cur),
        args: { column: columnName(cur.spec, col), value: now.toString(), year: prevYear, previous },
        related: [{
          uri: prev.uri, span: refSpan(prev.model, old),
          message: ctx.t('GR301.related', { year: prevYear, cell: refName(old), value: previous }),
        }],
        fixes: cur.cell ? [{
          title: ctx.t('GR301.fix', { previous, year: prevYear }),
          edits: [cellEdit(model.source, cur.table, cur.cell, previous)], safe: false,
        }] : undefined,
      });
    }
  },
};
