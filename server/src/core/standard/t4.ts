import type { ColumnSpec, Identity, TableSpec } from './types';

/** The three blocks of 表四, each of five columns. */
export const T4_BLOCKS = [
  { key: 'review', label: '行政复议' },
  { key: 'direct', label: '行政诉讼·未经复议直接起诉' },
  { key: 'afterReview', label: '行政诉讼·复议后起诉' },
] as const;

export const T4_RESULTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

export type T4BlockKey = (typeof T4_BLOCKS)[number]['key'];

/**
 * Each block's column keys, made once: the columns and the identities hold the same string
 * objects, so a lookup by key (the rules, the identities) compares references, not characters.
 * `parts`: the results a block's 总计 sums, in the table's order; `all`: the block's five columns in order.
 */
export const T4_BLOCK_COLUMNS: ReadonlyMap<T4BlockKey, { byResult: ReadonlyMap<string, string>; total: string; parts: string[]; all: string[] }> =
  new Map(T4_BLOCKS.map((b) => {
    const byResult = new Map(T4_RESULTS.map((r) => [r.key, `${b.key}.${r.key}`]));
    const parts = T4_RESULTS.filter((r) => r.key !== 'total').map((r) => byResult.get(r.key)!);
    return [b.key, { byResult, total: byResult.get('total')!, parts, all: [...byResult.values()] }];
  }));

const columns: ColumnSpec[] = T4_BLOCKS.flatMap((b) => T4_RESULTS.map((r) =>
  ({ key: T4_BLOCK_COLUMNS.get(b.key)!.byResult.get(r.key)!, label: `${b.label}·${r.label}`, aliases: [], kind: 'count' as const })));

const identities: Identity[] = T4_BLOCKS.map((b) => ({
  id: `T4.${b.key}`, rule: 'GR104', kind: 'blockSum' as const, row: 'data',
  totalColumn: T4_BLOCK_COLUMNS.get(b.key)!.total,
  partColumns: T4_BLOCK_COLUMNS.get(b.key)!.parts,
}));

/** Same in both versions: fifteen numbers in one data row. */
export const T4: TableSpec = {
  key: 'T4', section: 'review', item: undefined, title: '表四 政府信息公开行政复议、行政诉讼情况',
  columns,
  rows: [{ key: 'data', numbering: '', label: '数量', aliases: [], variants: [], doc: '行政复议、行政诉讼的件数（含上年度结转）。' }],
  identities,
  signature: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'],
};
