import { type Figure } from '../../prose/facts';
import { quote } from '../../prose/prose';
import type { Rule } from '../types';
import { formatUnits } from '../../text/numbers';

/**
 * True when `percent` (with its written precision) can be `num / den` rounded, truncated or
 * rounded up: |num/den·100 − P| < one unit of P's last digit.
 */
export function percentFits(num: Figure, den: Figure, percent: Figure): boolean {
  if (den.value === 0n) return true;
  // Compare exactly in integers: P = percent.value / 10^ps; x = 100·num/den (num, den integers).
  const ps = BigInt(percent.scale);
  const unit = 10n ** ps;
  const lhs = 100n * unit * num.value * 10n ** BigInt(den.scale); // x·10^ps·den (scaled)
  const pd = percent.value * den.value * 10n ** BigInt(num.scale);
  const diff = lhs - pd;
  const bound = den.value * 10n ** BigInt(num.scale);
  return (diff < 0n ? -diff : diff) < bound;
}

/**
 * 100·num/den to one decimal, in integers: floats overflow (Infinity%) on long figures and large
 * scales. Callers never pass den = 0 (percentFits accepts it); "—" if one does.
 */
export function exact(num: Figure, den: Figure): string {
  const d = den.value * 10n ** BigInt(num.scale);
  if (d === 0n) return '—';
  const n = 1000n * num.value * 10n ** BigInt(den.scale); // tenths of a percent, scaled by d
  const neg = (n < 0n) !== (d < 0n);
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const tenths = (2n * an + ad) / (2n * ad); // rounded half up
  return formatUnits(neg ? -tenths : tenths, 1);
}

/** GR213: a percentage disagrees with the counts it is computed from (办结率; 其中…占P%). */
export const gr213: Rule = {
  code: 'GR213', name: 'rate', severity: 'warning', category: 'text', fixable: false,
  description: { 'zh-cn': '正文中的百分比与所列数字不符', en: 'A percentage disagrees with the counts it is computed from' },
  check(ctx) {
    const facts = ctx.facts;
    for (const r of facts.rates) {
      if (!r.numerator || !r.denominator) continue; // only when the same sentence names both
      if (percentFits(r.numerator, r.denominator, r.percent)) continue;
      // More completed than received ("收到14件，办结15件，办结率100%"): the rate's base includes
      // cases the sentence does not state (carried over), so the stated figures cannot refute it.
      if (r.numerator.value * 10n ** BigInt(r.denominator.scale) > r.denominator.value * 10n ** BigInt(r.numerator.scale)) continue;
      ctx.report({
        span: r.percent.span,
        args: { percent: r.percent.text, num: r.numerator.text, den: r.denominator.text, exact: exact(r.numerator, r.denominator), sentence: quote(r.sentence.text) },
        related: [
          { span: r.numerator.span, message: r.numerator.text },
          { span: r.denominator.span, message: r.denominator.text },
        ],
      });
    }
    for (const b of facts.breakdowns) {
      for (const s of b.shares) {
        if (percentFits(s.part, b.total, s.percent)) continue;
        ctx.report({
          span: s.percent.span, key: 'GR213.share',
          args: { percent: s.percent.text, part: s.part.text, total: b.total.text, exact: exact(s.part, b.total), sentence: quote(b.sentence.text) },
          related: [{ span: b.total.span, message: b.total.text }],
        });
      }
    }
  },
};
