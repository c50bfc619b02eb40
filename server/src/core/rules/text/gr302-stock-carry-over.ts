import type { ReportModel } from '../../model/types';
import type { TableKey } from '../../standard/types';
import type { Rule, RuleContext } from '../types';
import { previousReport } from './across';
import { cellRef, filledValue, refName, refSpan } from './common';

/**
 * GR302: stock figures do not carry over from last year's report.
 * 2021: 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y), per row of （一）.
 * 2019: 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1), per row of （五）（六）（八）.
 */
export const gr302: Rule = {
  code: 'GR302', name: 'stock-carry-over', severity: 'warning', category: 'across', fixable: false,
  description: { 'zh-cn': '存量数字与上年报告接不上', en: 'Stock figures do not carry over from last year' },
  check(ctx) {
    const { model } = ctx;
    const prev = previousReport(model, ctx.peers);
    if (!prev) return;
    const v = version(model);
    if (!v || v !== version(prev.model)) return;
    if (v === '2021') {
      for (const row of ['rules', 'normative']) {
        const cur = cellRef(model, 'T2.1', row, 'inForce');
        const issued = cellRef(model, 'T2.1', row, 'issued');
        const repealed = cellRef(model, 'T2.1', row, 'repealed');
        const old = cellRef(prev.model, 'T2.1', row, 'inForce');
        if (!cur || !old) continue;
        // Any of the four left blank (e.g. last year's empty table): nothing to compare; a blank is not a 0.
        const [c, i, r, o] = [filledValue(cur), filledValue(issued), filledValue(repealed), filledValue(old)];
        if (c === null || i === null || r === null || o === null) continue;
        report(ctx, prev, cur, old, o + i - r, `${o} + ${i} − ${r}`);
      }
    } else {
      const rows: [TableKey, string][] = [['T2.5', 'license'], ['T2.5', 'otherServices'], ['T2.6', 'penalty'], ['T2.6', 'coercion'], ['T2.8', 'fees']];
      for (const [t, row] of rows) {
        const cur = cellRef(model, t, row, 'lastYear');
        const old = cellRef(prev.model, t, row, 'lastYear');
        const delta = cellRef(prev.model, t, row, 'delta');
        if (!cur || !old) continue;
        // Any of the three left blank: nothing to compare (a blank is not a 0).
        const [c, o, d] = [filledValue(cur), filledValue(old), filledValue(delta)];
        if (c === null || o === null || d === null) continue;
        report(ctx, prev, cur, old, o + d, `${o} ${d < 0n ? '−' : '+'} ${d < 0n ? -d : d}`);
      }
    }
  },
};

function version(m: ReportModel) {
  return m.tables.find((t) => t.key === 'T2.1' || t.key === 'T2.5')?.version ?? m.usedVersion ?? m.expectedVersion;
}

function report(ctx: RuleContext, prev: { uri: string; model: ReportModel }, cur: NonNullable<ReturnType<typeof cellRef>>,
  old: NonNullable<ReturnType<typeof cellRef>>, expected: bigint, formula: string): void {
  if (cur.value === expected) return;
  const year = prev.model.year!;
  ctx.report({
    span: refSpan(ctx.model, cur),
    args: { cell: refName(cur), value: String(cur.value), year, expected: expected.toString(), formula },
    related: [{ uri: prev.uri, span: refSpan(prev.model, old), message: ctx.t('GR302.related', { year, cell: refName(old), value: String(old.value) }) }],
  });
}
