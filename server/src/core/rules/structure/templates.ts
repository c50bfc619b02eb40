/**
 * Table templates for the structure fixes (GR001 with its table, GR010, GR020), in the canonical
 * Markdown layout of core/render, written in the document's own conventions.
 */
import type { ReportModel, Table } from '../../model/types';
import { renderTableBlock, valueKey } from '../../render/markdownTable';
import { migrateCellKey } from '../../standard/migration';
import { tableSpec } from '../../standard/versions';
import type { SectionKey, TableKey, VersionId } from '../../standard/types';
import { FORMATS } from '../../standard/versions';

/** Whether the document writes brackets half-width: "(一)" more often than "（一）". */
function usesHalfWidthBrackets(model: ReportModel): boolean {
  let half = 0;
  let full = 0;
  for (const h of model.headings) {
    if (h.level !== 2) continue;
    if (model.source.text[h.markerSpan.start] === '(') half++; else full++;
  }
  return half > full;
}

/** Applies the document's conventions to generated text (line breaks, bracket width). */
export function adapt(model: ReportModel, text: string): string {
  let out = text.replace(/\r?\n/g, model.source.eol);
  if (usesHalfWidthBrackets(model)) out = out.replace(/（([一二三四五六七八九十]+)）/g, '($1)');
  return out;
}

const sectionTablesCache = new Map<string, string>();

/**
 * Every table of a section, blank, one block after another, in the document's conventions.
 * Memoised: the rules offering it run on every keystroke and the text depends only on these keys.
 */
export function sectionTablesFor(model: ReportModel, version: VersionId, section: SectionKey): string {
  const half = usesHalfWidthBrackets(model);
  const key = `${version}|${section}|${model.source.eol}|${half}`;
  let text = sectionTablesCache.get(key);
  if (text === undefined) {
    text = adapt(model, renderSectionTables(version, section, '\n'));
    sectionTablesCache.set(key, text);
  }
  return text;
}

function renderSectionTables(version: VersionId, section: SectionKey, eol: string): string {
  const spec = FORMATS[version].sections.find((s) => s.key === section)!;
  return spec.tables
    .map((k) => tableSpec(version, k))
    .filter((t) => t !== undefined)
    .map((t) => renderTableBlock(t, new Map(), { eol: '\n' }))
    .join(`${eol}${eol}`);
}

/** A table rewritten in `to`, keeping the figures that map (GR020). */
export function migrateTable(table: Table & { key: TableKey }, from: VersionId, to: VersionId): string | null {
  const target = tableSpec(to, table.key);
  if (!target) return null;
  const values = new Map<string, string>();
  for (const row of table.rows) {
    if (!row.key) continue;
    for (const cell of row.cells) {
      if (!cell.column || !cell.text) continue;
      const mapped = migrateCellKey(table.key, from, to, valueKey(row.key, cell.column));
      if (mapped) values.set(mapped, cell.text);
    }
  }
  return renderTableBlock(target, values, { eol: '\n' });
}
