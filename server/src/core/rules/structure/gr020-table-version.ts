import { tableSpec } from '../../standard/versions';
import type { Rule } from '../types';
import { adapt, migrateTable } from './templates';

/** GR020: a table in the other version's layout than the report year requires. */
export const gr020: Rule = {
  code: 'GR020', name: 'table-version', severity: 'error', category: 'structure', fixable: true,
  description: { 'zh-cn': '表格版本与报告年度不符', en: 'Table version does not fit the year' },
  check(ctx) {
    const { model } = ctx;
    if (model.expectedVersion === null || model.year === null) return;
    for (const t of model.tables) {
      if (t.key === null || t.version === null || t.version === model.expectedVersion) continue;
      const name = tableSpec(model.expectedVersion, t.key)?.title ?? tableSpec(t.version, t.key)?.title ?? t.key;
      const expected = model.expectedVersion;
      const rewritten = t.readable ? migrateTable({ ...t, key: t.key }, t.version, expected) : null;
      // The replacement keeps what follows the table (its trailing line break) untouched.
      const end = t.span.end - (/\r?\n$/.exec(model.source.slice(t.span))?.[0].length ?? 0);
      ctx.report({
        span: t.headerSpan ?? t.caption?.span ?? t.span,
        args: { table: name, used: t.version, expected, year: model.year },
        fixes: rewritten === null ? [] : [{
          title: ctx.t('GR020.fix', { expected }),
          edits: [{ span: { start: t.span.start, end }, newText: adapt(model, rewritten) }],
          safe: false, preferred: true, kind: 'quickfix',
        }],
      });
    }
  },
};
