/**
 * Pure helpers behind the authoring commands (client/src/commands.ts) and the LSP glue:
 * the text of a new report, and the template of one standard table. Both are the canonical
 * layout of core/render, so what the commands insert is what the checker reads back.
 */
import { bodyKindOfName } from '../prose/bodyKind';
import { renderTableBlock } from '../render/markdownTable';
import { renderSkeleton, skeletonVersion, type BodyKind } from '../render/skeleton';
import { FORMATS, tableSpec, versionForYear } from '../standard/versions';
import type { TableKey, VersionId } from '../standard/types';

export type { BodyKind };

export interface NewReportOptions {
  /** Name of the reporting body ("某某县人民政府"). */
  body: string;
  year: number;
  kind: BodyKind;
  /** Default: the version the year requires (2021 for years it cannot tell). */
  version?: VersionId;
  eol?: '\n' | '\r\n';
  /** Figure cells: default "0" (complete and balanced, ready to overwrite). */
  blank?: string;
}

/** The full text of a new report: title, statistics period, six sections, every table. */
export function newReportText(opts: NewReportOptions): string {
  return renderSkeleton({
    version: opts.version, body: opts.body, year: opts.year, kind: opts.kind, eol: opts.eol ?? '\n', blank: opts.blank,
  });
}

/** The version a new report of `year` gets. */
export function reportVersion(year: number, version?: VersionId): VersionId {
  return skeletonVersion({ year, version });
}

/** The year a report written at `now` is usually about: the previous calendar year. */
export function defaultReportYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

/**
 * A body whose own report is a 人民政府's (deadline 3月31日, 工作考核… in 五): the checker's one
 * classifier (bodyKindOfName: 紫阳县 and 紫阳县人民政府 are governments, 紫阳县人民政府办公室 and
 * 淮安市生态环境局 departments); a name it cannot tell defaults to a department.
 */
export function guessBodyKind(body: string): BodyKind {
  return bodyKindOfName(body) ?? 'department';
}

export interface TableTemplateOptions {
  /** A snippet with a tab stop on every figure (for editor.insertSnippet). */
  snippet?: boolean;
  /** Figure cells: default "0". */
  blank?: string;
}

/**
 * One standard table in the canonical layout (T2 sub-tables with their caption line). Throws for
 * a table the version does not have (T2.9 in 2021).
 */
export function tableTemplate(version: VersionId, tableKey: TableKey, eol: '\n' | '\r\n' = '\n', opts: TableTemplateOptions = {}): string {
  const spec = tableSpec(version, tableKey);
  if (!spec) throw new Error(`version ${version} has no table ${tableKey}`);
  return renderTableBlock(spec, new Map(), { eol, snippet: opts.snippet, blank: opts.blank ?? '0' });
}

export interface TableChoice { key: TableKey; label: string; description: string }

/** The tables of a version, for a quick pick ("插入统计表"). */
export function tableChoices(version: VersionId): TableChoice[] {
  const format = FORMATS[version];
  return format.tables.map((t) => ({
    key: t.key,
    label: t.title,
    description: `${format.sections.find((s) => s.key === t.section)?.title ?? ''} · ${version}版`,
  }));
}

/** The version to insert tables in for a document: what it uses, else what its year requires. */
export function documentVersion(usedVersion: VersionId | null, year: number | null): VersionId {
  return usedVersion ?? (year !== null ? versionForYear(year) : null) ?? '2021';
}
