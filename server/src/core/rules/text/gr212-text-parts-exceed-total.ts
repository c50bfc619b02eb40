import { quote } from '../../prose/prose';
import { formatUnits } from '../../text/numbers';
import type { Rule } from '../types';

/** GR212: "共 N …，其中 A …、B …" where the parts add up to more than the total. */
export const gr212: Rule = {
  code: 'GR212', name: 'text-parts-exceed-total', severity: 'warning', category: 'text', fixable: false,
  description: { 'zh-cn': '正文“共…其中…”各项之和超过总数', en: 'Parts listed after 其中 exceed the stated total' },
  check(ctx) {
    const facts = ctx.facts;
    for (const b of facts.breakdowns) {
      const scale = Math.max(b.total.scale, ...b.parts.map((p) => p.scale));
      const up = (v: bigint, s: number) => v * 10n ** BigInt(scale - s);
      const sum = b.parts.reduce((acc, p) => acc + up(p.value, p.scale), 0n);
      const total = up(b.total.value, b.total.scale);
      if (sum <= total) continue;
      const sentence = b.totalSentence === b.sentence ? b.sentence.text : `${b.totalSentence.text}${b.sentence.text}`;
      ctx.report({
        span: b.span,
        args: {
          sum: formatUnits(sum, scale), total: formatUnits(total, scale), unit: b.unit,
          parts: b.parts.map((p) => formatUnits(p.value, p.scale)).join(' + '), sentence: quote(sentence, 80),
        },
        related: [{ span: b.total.span, message: ctx.t('GR212.related', { total: formatUnits(total, scale), unit: b.unit }) }],
      });
    }
  },
};
