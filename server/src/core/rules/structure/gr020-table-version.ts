import type { ReportModel, Table } from '../../model/types';
import { tableSpec } from '../../standard/versions';
import type { TableKey, VersionId } from '../../standard/types';
import type { Fix, TextEdit } from '../../types';
import type { Rule, RuleContext } from '../types';
import { adapt, migrateTable } from './templates';

/** What a migration fix's `edits` getter reads (a hidden slot of the fix). */
const MIGRATION = Symbol();
interface Migration { model: ReportModel; table: Table & { key: TableKey }; from: VersionId; to: VersionId; edits?: TextEdit[] }

/** The `edits` of every migration fix: one getter, not a closure per fix (see migrationFix). */
const EDITS: PropertyDescriptor = {
  get(this: { [MIGRATION]: Migration }): TextEdit[] {
    const { model, table, from, to, edits } = this[MIGRATION];
    if (edits) return edits;
    // The replacement keeps what follows the table (its trailing line break) untouched.
    const end = table.span.end - (/\r?\n$/.exec(model.source.slice(table.span))?.[0].length ?? 0);
    return (this[MIGRATION].edits = [{ span: { start: table.span.start, end }, newText: adapt(model, migrateTable(table, from, to)!) }]);
  },
  enumerable: true, configurable: true,
};

/**
 * The fix that rewrites a table in the expected version. Rendering the migrated table waits until
 * the fix's edits are read; the getter stays an own property (rather than `lazyFix`) so the fix
 * keeps the shape it always had. A getter literal per fix kept each analysis's model alive through
 * the next scavenges, which promoted it (bench 1 MB analysis ~4 ms slower): V8 allocates an object
 * literal's accessor pair in old space, and an old object pointing at a young closure keeps the
 * closure, and all it captures, alive until a full GC.
 */
function migrationFix(ctx: RuleContext, table: Table & { key: TableKey }, from: VersionId, to: VersionId): Fix {
  const fix = Object.defineProperty({ title: ctx.t('GR020.fix', { expected: to }) }, 'edits', EDITS) as Fix;
  fix.safe = false; fix.preferred = true; fix.kind = 'quickfix';
  return Object.defineProperty(fix, MIGRATION, { value: { model: ctx.model, table, from, to } });
}

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
      ctx.report({
        span: t.headerSpan ?? t.caption?.span ?? t.span,
        args: { table: name, used: t.version, expected, year: model.year },
        fixes: canMigrate ? [migrationFix(ctx, { ...t, key: t.key }, t.version, expected)] : [],
      });
    }
  },
};
