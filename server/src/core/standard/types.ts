/**
 * The shape of the standard, as data. One `FormatSpec` per version (2019, 2021) describes every
 * section, table, row and column with a stable key; rules read these, never literal titles.
 */

export type VersionId = '2019' | '2021';

/** Stable keys of the six sections, in the standard order. */
export type SectionKey = 'overview' | 'proactive' | 'requests' | 'review' | 'problems' | 'other';

/** Stable keys of the standard tables. T2.x are the sub-tables of section 二, by 第二十条 item. */
export type TableKey = 'T2.1' | 'T2.5' | 'T2.6' | 'T2.8' | 'T2.9' | 'T3' | 'T4';

export interface SectionSpec {
  key: SectionKey;
  /** 1..6, the official numbering 一..六. */
  ordinal: number;
  /** The standard title without its numbering, e.g. "总体情况". */
  title: string;
  /** Wording variants seen in real reports (recognised as this section, GR004 suggests `title`). */
  aliases: string[];
  /** Tables this section must hold (GR010 when none is there). */
  tables: TableKey[];
}

/** What a value cell holds: a whole count, a signed count, or a decimal amount. */
export type ColumnKind = 'count' | 'delta' | 'amount';

export interface ColumnSpec {
  key: string;
  label: string;
  aliases: string[];
  kind: ColumnKind;
  /** For amounts: the unit the standard expects (GR110). */
  unit?: '万元' | '元';
}

export interface RowSpec {
  key: string;
  /** Label without numbering, e.g. "予以公开". */
  label: string;
  /** Official numbering as printed, e.g. "一、", "（一）", "1.". Empty when none. */
  numbering: string;
  /** Other accepted label texts (without numbering). Misspelt / outdated ones go in `variants`. */
  aliases: string[];
  /** Labels that are recognised but wrong or outdated (GR108 suggests `label`). */
  variants: string[];
  /** Key of the group row this row sits under (T3 sub-rows), if any. */
  group?: string;
  /** A group label spans rows and carries no numbers of its own. */
  groupLabel?: boolean;
  /** Label is ambiguous without its group (T3 2021 "3.其他"): match only under `group`. */
  needsGroup?: boolean;
  /** One-line explanation for hovers and completion (zh-CN). */
  doc?: string;
}

/**
 * An identity the figures must satisfy ("勾稽关系"). Checked by the rule named in `rule`.
 * `sum` = for each listed column (or row), the total cell equals the sum of the part cells.
 */
export type Identity =
  | { id: string; rule: string; kind: 'rowSum'; totalColumn: string; partColumns: string[]; rows: 'all' | string[] }
  | { id: string; rule: string; kind: 'columnSum'; totalRow: string; partRows: string[]; columns: 'all' | string[] }
  | { id: string; rule: string; kind: 'balance'; left: string[]; right: string[]; solveFor: string; columns: 'all' | string[] }
  | { id: string; rule: string; kind: 'blockSum'; row: string; totalColumn: string; partColumns: string[] };

export interface TableSpec {
  key: TableKey;
  section: SectionKey;
  /** Name shown in the outline, e.g. "表三 收到和处理政府信息公开申请情况". */
  title: string;
  /** For T2 sub-tables: the 第二十条 item in full-width brackets, e.g. "（一）". */
  item?: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
  identities: Identity[];
  /** Header words that identify this table even without its caption or section heading. */
  signature: string[];
}

export interface FormatSpec {
  version: VersionId;
  /** How reports cite the notice that defines this version. */
  notice: string;
  /** Report years this version is for (inclusive). */
  years: { from: number; to: number };
  sections: SectionSpec[];
  tables: TableSpec[];
  /** Strings whose presence marks a report as written in this version (column headers, labels). */
  markers: string[];
}

export interface LegacySpec {
  notice: string;
  /** Section titles typical of pre-2019 reports; several of them mark a legacy structure. */
  sectionTitles: string[];
}
