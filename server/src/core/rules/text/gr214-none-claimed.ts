import type { Rule } from '../types';
import { cellRef, refName, refRelated, t4Total } from './common';

/** GR214: "未收到申请" / "未发生行政复议、行政诉讼" while T3 / T4 show cases. */
export const gr214: Rule = {
  code: 'GR214', name: 'none-claimed', severity: 'error', category: 'text', fixable: false,
  description: { 'zh-cn': '正文称未收到申请或未发生复议诉讼，但统计表有数', en: 'Text says there were none, the tables show some' },
  check(ctx) {
    const { model } = ctx;
    for (const c of ctx.facts.claims) {
      if (c.kind === 'noRequests') {
        const ref = cellRef(model, 'T3', 'new', 'total');
        if (!ref || ref.value === null || ref.value <= 0n) continue;
        ctx.report({ span: c.span, args: { claim: c.text, cell: refName(ref), actual: ref.value.toString() }, related: [refRelated(ctx, model, ref)] });
      } else if (c.kind === 'noCases') {
        if (c.scope.review) {
          const t = t4Total(model, 'review');
          if (t && t.value > 0n) ctx.report({ span: c.span, key: 'GR214.review', args: { claim: c.text, actual: t.value.toString() }, related: [refRelated(ctx, model, t.ref)] });
        }
        if (c.scope.litigation) {
          const d = t4Total(model, 'direct');
          const a = t4Total(model, 'afterReview');
          if (d && a && d.value + a.value > 0n) {
            ctx.report({
              span: c.span, key: 'GR214.litigation', args: { claim: c.text, actual: (d.value + a.value).toString() },
              related: [refRelated(ctx, model, d.ref), refRelated(ctx, model, a.ref)],
            });
          }
        }
      }
    }
  },
};
