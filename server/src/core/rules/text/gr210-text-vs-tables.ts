import { type CountFact } from '../../prose/facts';
import { quote } from '../../prose/prose';
import { readConfidently } from '../../tables/confidence';
import type { MessageKey } from '../../messages';
import type { Rule, RuleContext } from '../types';
import { cellRef, filledValue, refName, refRelated, t4Total, type CellRef } from './common';

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
      if (f.partial || ofAnotherYear(ctx, f)) continue;
      checkCount(ctx, f);
    }
  },
};

function checkCount(ctx: RuleContext, f: CountFact): void {
  const { model } = ctx;
  // Message texts only for a count that disagrees (most agree): quoting the sentence costs.
  const sentence = () => quote(f.sentence.text);
  const stated = () => f.value.toString();
  const one = (ref: CellRef | undefined, key: MessageKey) => {
    // A blank cell is not a 0: nothing to compare with.
    const actual = filledValue(ref);
    if (!ref || actual === null || actual === f.value) return;
    ctx.report({
      span: f.numberSpan, key,
      args: { stated: stated(), cell: refName(ref), actual: actual.toString(), sentence: sentence() },
      related: [refRelated(ctx, model, ref)],
    });
  };
  switch (f.kind) {
    case 'received': {
      const neu = cellRef(model, 'T3', 'new', 'total');
      const carried = cellRef(model, 'T3', 'carriedIn', 'total');
      const n = filledValue(neu);
      if (!neu || n === null) return;
      // 上年结转 left blank: whether the figure includes it is unknown, so nothing is reported.
      const c = carried ? filledValue(carried) : 0n;
      if (c === null) return;
      const withCarried = n + c;
      if (f.value === n || f.value === withCarried) return;
      ctx.report({
        span: f.numberSpan,
        args: { stated: stated(), cell: refName(neu), actual: n.toString(), withCarried: withCarried.toString(), sentence: sentence() },
        related: [refRelated(ctx, model, neu), ...(carried ? [refRelated(ctx, model, carried)] : [])],
      });
      return;
    }
    case 'processed': {
      // "已答复14件，另有上年结转1件已办结": the sentence adds the carried-over ones itself.
      const carried = filledValue(cellRef(model, 'T3', 'carriedIn', 'total'));
      const total = filledValue(cellRef(model, 'T3', 'total', 'total'));
      if (carried !== null && total !== null && f.value + carried === total && /上年结转|上年度结转/.test(f.sentence.text)) return;
      return one(cellRef(model, 'T3', 'total', 'total'), 'GR210.processed');
    }
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
      ctx.report({ span: f.numberSpan, key: 'GR210.review', args: { stated: stated(), actual: t.value.toString(), sentence: sentence() }, related: [refRelated(ctx, model, t.ref)] });
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
        args: { stated: stated(), actual: sum.toString(), direct: d.value.toString(), after: a.value.toString(), sentence: sentence() },
        related: [refRelated(ctx, model, d.ref), refRelated(ctx, model, a.ref)],
      });
    }
  }
}

/**
 * The clause of the number names another year ("2023年收到申请11件，2024年收到14件"): the figure
 * is not this year's, so it is not compared with this year's tables.
 */
function ofAnotherYear(ctx: RuleContext, f: CountFact): boolean {
  const year = ctx.model.year;
  if (year === null || year === undefined) return false;
  // The clause: back from the number to the last ，；,; of the sentence (scanned, not sliced per count).
  const text = ctx.model.source.text;
  const end = f.numberSpan.start;
  let start = end - 1;
  while (start >= f.sentence.span.start) {
    const c = text.charCodeAt(start);
    if (c === 0xff0c || c === 0xff1b || c === 0x2c || c === 0x3b) break; // ， ； , ;
    start--;
  }
  start = Math.max(start + 1, f.sentence.span.start);
  let at = start;
  while (at < end && text.charCodeAt(at) !== 0x5e74) at++; // 年
  if (at >= end) return false; // most clauses name no year: no regex run
  const clause = text.slice(start, end);
  for (const m of clause.matchAll(/(\d{4})\s*年/g)) if (Number(m[1]) !== year) return true;
  return false;
}
