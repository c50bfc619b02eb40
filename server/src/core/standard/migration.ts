/**
 * Which figures carry over when a table is rewritten in the other version (GR020). Only cells
 * that count the same thing map; the rest are left blank for the author to fill in.
 * Keys are `${rowKey}|${columnKey}` of the source version → the same of the target version.
 */
import type { TableKey, VersionId } from './types';

type CellMap = Record<string, string>;

const T2_2019_TO_2021: Partial<Record<TableKey, CellMap>> = {
  'T2.1': { 'rules|newMade': 'rules|issued', 'normative|newMade': 'normative|issued' },
  'T2.5': { 'license|decisions': 'license|decisions' },
  'T2.6': { 'penalty|decisions': 'penalty|decisions', 'coercion|decisions': 'coercion|decisions' },
};

/** T3 rows are the same in both versions except （六）: 2019's single row ↔ 2021's "3.其他". */
const T3_2019_TO_2021_ROWS: Record<string, string> = { other: 'other.other' };

function invert(m: CellMap): CellMap {
  return Object.fromEntries(Object.entries(m).map(([a, b]) => [b, a]));
}

/** Maps a source cell key to the target version's cell key, or null when it does not carry over. */
export function migrateCellKey(table: TableKey, from: VersionId, to: VersionId, key: string): string | null {
  if (from === to) return key;
  if (table === 'T4') return key;
  if (table === 'T3') {
    const [row, col] = key.split('|') as [string, string];
    const rows = from === '2019' ? T3_2019_TO_2021_ROWS : invert(T3_2019_TO_2021_ROWS);
    if (row in rows) return `${rows[row]}|${col}`;
    // 2021's other two （六） sub-rows have no 2019 counterpart.
    if (row.startsWith('other.')) return null;
    return key;
  }
  const map = T2_2019_TO_2021[table];
  if (!map) return null;
  return (from === '2019' ? map : invert(map))[key] ?? null;
}
