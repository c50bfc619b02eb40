import { tableSpec } from '../../standard/versions';
import type { Rule, TextEdit } from '../types';
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
      // migrateTable gives null only when the expected version has no such table.
      const canMigrate = t.readable && tableSpec(expected, t.key) !== undefined;
      const table = { ...t, key: t.key };
      const from = t.version;
      let edits: TextEdit[] | undefined;
      ctx.report({
        span: t.headerSpan ?? t.caption?.span ?? t.span,
        args: { table: name, used: t.version, expected, year: model.year },
        fixes: !canMigrate ? [] : [{
          title: ctx.t('GR020.fix', { expected }),
          // Rendering the migrated table is deferred until the fix is asked for.
          get edits() {
            if (!edits) {
              // The replacement keeps what follows the table (its trailing line break) untouched.
              const end = table.span.end - (/\r?\n$/.exec(model.source.slice(table.span))?.[0].length ?? 0);
              edits = [{ span: { start: table.span.start, end }, newText: adapt(model, migrateTable(table, from, expected)!) }];
            }
            return edits;
          },
          safe: false, preferred: true, kind: 'quickfix',
        }],
      });
    }
  },
};
