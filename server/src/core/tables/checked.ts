/** Which spec a table is read against, and the tables the value rules compute at all. */
import type { Table } from '../model/types';
import { tableSpec } from '../standard/versions';
import type { FormatSpec, TableKey, TableSpec, VersionId } from '../standard/types';
import { readConfidently } from './confidence';
import { ObjectMemo } from '../model/objectMemo';

/** The spec a table's rows and columns are read against: its own version, else the checked format. */
export function specOf(table: Table, format: FormatSpec | VersionId): TableSpec | undefined {
  if (!table.key) return undefined;
  const version = table.version ?? (typeof format === 'string' ? format : format.version);
  // Static data: looked up once per version and key (tableSpec searches the format's list).
  let byKey = specs.get(version);
  if (!byKey) specs.set(version, (byKey = new Map()));
  let spec = byKey.get(table.key);
  if (spec === undefined && !byKey.has(table.key)) byKey.set(table.key, (spec = tableSpec(version, table.key)));
  return spec;
}
const specs = new Map<VersionId, Map<TableKey, TableSpec | undefined>>();

export interface CheckedTable { table: Table; spec: TableSpec }

// Every table rule asks for the same list: made once per model's table list (and format).
const checkedLists = new ObjectMemo<readonly Table[], { format: FormatSpec; list: readonly CheckedTable[] }>();

/** Tables the value rules look at: identified and read with confidence (no arithmetic on guesses). */
export function checkedTables(tables: readonly Table[], format: FormatSpec): readonly CheckedTable[] {
  const cached = checkedLists.get(tables);
  if (cached?.format === format) return cached.list;
  const out: CheckedTable[] = [];
  for (const table of tables) {
    if (!readConfidently(table)) continue;
    const spec = specOf(table, format);
    if (spec) out.push({ table, spec });
  }
  checkedLists.set(tables, { format, list: out });
  return out;
}
