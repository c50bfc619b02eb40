/**
 * Row-label matching against the format data (both versions at once: the reader learns the
 * version from which rows it finds). Labels are compared as normalised keys with their
 * numbering stripped, so "2. 其他法律法规禁止公开", "1、", half-width brackets and inner spaces match.
 */
import { FORMAT_2019, FORMAT_2021 } from '../../standard/versions';
import type { RowSpec, TableKey, TableSpec } from '../../standard/types';
import { labelKey, stripNumbering } from '../../text/normalize';

export interface LabelHit { row: RowSpec; match: 'exact' | 'alias' | 'variant' }

interface Entry { key: string; row: RowSpec; match: LabelHit['match'] }

const strip = (s: string) => stripNumbering(labelKey(s)).replace(/^[,.]/, '');

function entriesOf(specs: TableSpec[]): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    for (const row of spec.rows) {
      const add = (text: string, match: LabelHit['match']) => {
        const key = strip(text);
        const id = `${key}|${row.key}`;
        if (!key || seen.has(id)) return;
        seen.add(id);
        out.push({ key, row, match });
      };
      add(row.label, 'exact');
      row.aliases.forEach((a) => add(a, 'alias'));
      row.variants.forEach((v) => add(v, 'variant'));
    }
  }
  return out;
}

const BY_TABLE = new Map<TableKey, Entry[]>();
for (const key of ['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9', 'T3', 'T4'] as const) {
  // 2021 first: where both versions label a row alike, the newer wording wins ties.
  BY_TABLE.set(key, entriesOf([FORMAT_2021, FORMAT_2019].flatMap((f) => f.tables.filter((t) => t.key === key))));
}
const ALL_T2 = (['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9'] as const).flatMap((k) => BY_TABLE.get(k)!.map((e) => ({ ...e, table: k })));

/**
 * The row a label names in table `table`, or null. `group` is the group key in force (for the
 * 2021 "3.其他" that only exists under （六）).
 */
export function matchRow(table: TableKey, label: string, group: string | null): LabelHit | null {
  const key = strip(label);
  if (!key) return null;
  let best: Entry | null = null;
  for (const e of BY_TABLE.get(table) ?? []) {
    if (e.key !== key) continue;
    if (e.row.needsGroup && e.row.group !== group) continue;
    if (!best || rank(e.match) < rank(best.match)) best = e;
  }
  return best ? { row: best.row, match: best.match } : null;
}

const rank = (m: LabelHit['match']) => (m === 'exact' ? 0 : m === 'alias' ? 1 : 2);

/** Which T2 sub-table a row label belongs to (for a sub-table with no caption). */
export function t2TableOfLabel(label: string): TableKey | null {
  const key = strip(label);
  return ALL_T2.find((e) => e.key === key)?.table ?? null;
}

/** Whether text is one of T3's row labels (used to spot the start of 表三 without its note). */
export function isT3RowLabel(label: string): boolean {
  return matchRow('T3', label, null) !== null;
}
