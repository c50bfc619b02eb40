import { spanOf } from '../../prose/prose';
import type { Rule } from '../types';

/** Words that make "Y年，…" a plan rather than a report of what was done. */
const PLAN_RE = /将(?:继续|进一步|着力|重点|围绕|按照|采取|加大|加强|持续|全面|不断|认真|切实|积极|大力|紧紧|努力|坚持|深入|做好|进行|开展|推进|完善|强化|抓好|聚焦|结合|紧扣|立足|严格|从以下)|拟(?!定)|打算|计划(?:将|于|在|继续|进一步|重点|做好|从)|下一步|工作思路|重点做好/;
/** The plan's own year named after the report year: next year in words, or any written year. */
const OTHER_YEAR_RE = /明年|来年|次年|下一?年度?(?!步)|(?:19|20)\d{2}\s*年/;
const YEAR_RE = /((?:19|20)\d{2})\s*年度?/g;

/** GR204: in section 五, the improvement plan names year Y instead of Y+1 ("2016年，我们将…" in a 2016 report). */
export const gr204: Rule = {
  code: 'GR204', name: 'plan-year', severity: 'warning', category: 'text', fixable: true,
  description: { 'zh-cn': '改进计划写成了报告当年', en: 'Improvement plan names the report year instead of the next' },
  check(ctx) {
    const { model } = ctx;
    const year = model.year;
    if (year === null) return;
    const { prose } = ctx.facts;
    for (const s of prose.sentences) {
      if (s.section !== 'problems' || !s.text.includes(String(year))) continue;
      YEAR_RE.lastIndex = 0;
      for (let m = YEAR_RE.exec(s.text); m; m = YEAR_RE.exec(s.text)) {
        if (Number(m[1]) !== year) continue;
        const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
        const clause = after.split(/[。；;]/)[0]!;
        // Looking back ("2024年以来", "2024年已完成的工作"), or the plan names its own year
        // ("2024年度，我局计划于明年…"): not a plan for the report year.
        if (/^\s*(?:以来|底|末|上半年|下半年|前|之前|初|已|所)/.test(after) || !PLAN_RE.test(clause) || OTHER_YEAR_RE.test(clause)) continue;
        const span = spanOf(prose, s.start + m.index, s.start + m.index + 4);
        const next = String(year + 1);
        ctx.report({
          span, args: { year, next },
          fixes: [{ title: ctx.t('GR204.fix', { next }), edits: [{ span, newText: next }], safe: false }],
        });
      }
    }
  },
};
