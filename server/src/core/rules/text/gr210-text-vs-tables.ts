import { type CountFact } from '../../prose/facts';
import { quote } from '../../prose/prose';
import { readConfidently } from '../../tables/confidence';
import type { MessageKey } from '../../messages';
import type { Rule, RuleContext } from '../types';
import { cellRef, refName, refRelated, t4Total, type CellRef } from './common';

/**
 * GR210: a count stated in the text disagrees with the tables: 收到/受理 N 件 = T3 一 (or 一+二);
 * 办结/答复 N 件 = （七）总计; 上年结转 = 二; 结转下年度 = 四; 予以公开 = （一）; 行政复议 / 行政诉讼
 * N 件 = T4 totals; 现行有效 = T2（一）. Only whole-report figures are compared (not 其中 parts,
 * not 本级/各部门 figures, not approximate ones), and only against readable cells.
 */
export const gr210: Rule = {
  code: 'GR210', name: 'text-vs-tables', severity: 'warning', category: 'text', fixable: false,
  description: { 'zh-cn': '正文中的数字与统计表不一致', en: 'A figure in the text disagrees with the tables' },
  check(ctx) {
    const { model } = ctx;
    if (!model.tables.some((t) => readConfidently(t) && (t.key === 'T3' || t.key === 'T4' || t.key === 'T2.1'))) return;
    for (const f of ctx.facts.counts) {
      if (f.partial) continue;
      checkCount(ctx, f);
    }
  },
};

function checkCount(ctx: RuleContext, f: CountFact): void {
  const { model } = ctx;
  const sentence = quote(f.sentence.text);
  const stated = f.value.toString();
  const one = (ref: CellRef | undefined, key: MessageKey) => {
    if (!ref || ref.value === null || ref.value === f.value) return;
    ctx.report({
      span: f.numberSpan, key,
      args: { stated, cell: refName(ref), actual: ref.value.toString(), sentence },
      related: [refRelated(ctx, model, ref)],
    });
  };
  switch (f.kind) {
    case 'received': {
      const neu = cellRef(model, 'T3', 'new', 'total');
      const carried = cellRef(model, 'T3', 'carriedIn', 'total');
      if (!neu || neu.value === null) return;
      const withCarried = neu.value + (carried?.value ?? 0n);
      if (f.value === neu.value || f.value === withCarried) return;
      ctx.report({
        span: f.numberSpan,
        args: { stated, cell: refName(neu), actual: neu.value.toString(), withCarried: withCarried.toString(), sentence },
        related: [refRelated(ctx, model, neu), ...(carried ? [refRelated(ctx, model, carried)] : [])],
      });
      return;
    }
    case 'processed': return one(cellRef(model, 'T3', 'total', 'total'), 'GR210.processed');
    case 'carriedIn': return one(cellRef(model, 'T3', 'carriedIn', 'total'), 'GR210.carriedIn');
    case 'carriedOut': return one(cellRef(model, 'T3', 'carriedOut', 'total'), 'GR210.carriedOut');
    case 'disclosed': return one(cellRef(model, 'T3', 'disclosed', 'total'), 'GR210.disclosed');
    case 'inForce': {
      if ((model.usedVersion ?? model.expectedVersion) !== '2021') return;
      const row = f.detail === 'rules' ? 'rules' : 'normative';
      return one(cellRef(model, 'T2.1', row, 'inForce'), row === 'rules' ? 'GR210.inForceRules' : 'GR210.inForceNormative');
    }
    case 'review': {
      const t = t4Total(model, 'review');
      if (!t || t.value === f.value) return;
      ctx.report({ span: f.numberSpan, key: 'GR210.review', args: { stated, actual: t.value.toString(), sentence }, related: [refRelated(ctx, model, t.ref)] });
      return;
    }
    case 'litigation': {
      const d = t4Total(model, 'direct');
      const a = t4Total(model, 'afterReview');
      if (!d || !a) return;
      const sum = d.value + a.value;
      if (sum === f.value) return;
      ctx.report({
        span: f.numberSpan, key: 'GR210.litigation',
        args: { stated, actual: sum.toString(), direct: d.value.toString(), after: a.value.toString(), sentence },
        related: [refRelated(ctx, model, d.ref), refRelated(ctx, model, a.ref)],
      });
    }
  }
}
