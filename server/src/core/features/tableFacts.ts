/**
 * Shared by hover and inlay hints: the table at an offset, its spec, and its identity checks.
 * The format is chosen exactly as `analyze` chooses it, so what the editor shows matches the rules.
 */
import { readConfidently, tableConfidence } from '../tables/confidence';
import type { Analysis } from '../analyze';
import type { Cell, ReportModel, Row, Table } from '../model/types';
import { FORMATS } from '../standard/versions';
import type { FormatSpec, TableSpec } from '../standard/types';
import { contains, visibleSpan } from '../tables/spans';
import { specOf } from '../tables/checked';
import { checkIdentities, type IdentityCheck } from '../tables/identities';
import { cellSpan } from '../tables/cells';

export function formatOf(model: ReportModel): FormatSpec {
  return FORMATS[model.checkedVersion];
}

export interface TableFacts {
  table: Table;
  spec: TableSpec;
  checks: IdentityCheck[];
  /** Whether GR101–GR104 check this table's sums (tableConfidence): when not, neither do the hints. */
  arithmetic: boolean;
}

const cache = new WeakMap<Table, TableFacts | null>();

export function factsOf(model: ReportModel, table: Table): TableFacts | null {
  if (cache.has(table)) return cache.get(table)!;
  const spec = readConfidently(table) ? specOf(table, formatOf(model)) : undefined;
  const facts = spec ? { table, spec, checks: checkIdentities(table, spec), arithmetic: tableConfidence(table, spec, model.tables).arithmetic } : null;
  cache.set(table, facts);
  return facts;
}

export function tableAt(analysis: Pick<Analysis, 'model'>, offset: number): Table | undefined {
  return analysis.model.tables.find((t) => offset >= t.span.start && offset <= t.span.end);
}

/** The value cell under `offset` (a blank cell answers over the white space or tab around it). */
export function cellAtOffset(model: ReportModel, table: Table, offset: number): { row: Row; cell: Cell } | undefined {
  let near: { row: Row; cell: Cell } | undefined;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (cell.end > cell.start ? contains(cell, offset) : cell.start === offset) return { row, cell };
      if (!near && cell.start === cell.end && contains(visibleSpan(model.source, cellSpan(cell)), offset)) near = { row, cell };
    }
  }
  return near;
}
