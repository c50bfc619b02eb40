import { quote } from '../../prose/prose';
import { readConfidently } from '../../tables/confidence';
import type { Rule } from '../types';
import { cellName } from '../../tables/names';
import { cellRef, refRelated, type CellRef } from './common';

const BLOCKS = { review: ['review'], litigation: ['direct', 'afterReview'] } as const;

/** GR211: the text claims 均获维持 / 全部胜诉 / 无败诉 / 均已结案, but T4 shows 纠正 / 其他结果 / 尚未审结. */
export const gr211: Rule = {
  code: 'GR211', name: 'claim-vs-t4', severity: 'error', category: 'text', fixable: false,
  description: { 'zh-cn': '正文称“均获维持”“全部胜诉”等，但表四有纠正、其他结果或未审结', en: 'Text claims all upheld/won/closed, table 四 disagrees' },
  check(ctx) {
    const { model } = ctx;
    if (!model.tables.some((t) => t.key === 'T4' && readConfidently(t))) return;
    for (const c of ctx.facts.claims) {
      if (c.kind !== 'allUpheld' && c.kind !== 'allWon' && c.kind !== 'allConcluded') continue;
      const results = c.kind === 'allUpheld' ? ['corrected', 'other', 'pending'] : c.kind === 'allWon' ? ['corrected'] : ['pending'];
      const scope = clauseScope(model.source.text.slice(c.sentence.span.start, c.span.start)) ?? c.scope;
      const blocks = [...(scope.review ? BLOCKS.review : []), ...(scope.litigation ? BLOCKS.litigation : [])];
      const bad: CellRef[] = [];
      for (const b of blocks) {
        for (const r of results) {
          const ref = cellRef(model, 'T4', 'data', `${b}.${r}`);
          if (ref?.value != null && ref.value > 0n) bad.push(ref);
        }
      }
      if (!bad.length) continue;
      ctx.report({
        span: c.span,
        args: { claim: c.text, cells: bad.map((r) => `${cellName(r.spec, r.rowKey, r.columnKey)} ${r.value}`).join(ctx.locale === 'en' ? ', ' : '、'), sentence: quote(c.sentence.text) },
        related: bad.map((r) => refRelated(ctx, model, r)),
      });
    }
  },
};

/**
 * The scope named by the claim's own clause ("行政复议案件均已审结，行政诉讼案件均获维持": the
 * second claim is about 诉讼 only), when that clause names exactly one of 复议 / 诉讼; else null.
 */
function clauseScope(before: string): { review: boolean; litigation: boolean } | null {
  const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('；'), before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  const review = clause.includes('复议');
  const litigation = clause.includes('诉讼') || clause.includes('起诉');
  return review !== litigation ? { review, litigation } : null;
}
