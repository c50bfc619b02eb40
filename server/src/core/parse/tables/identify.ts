import { lk } from './spec';
/**
 * Which standard table a run of rows is: T2.x by caption or by its header columns and row
 * labels, 表三 by its note and row labels, 表四 by its 行政复议/行政诉讼 header. Scores come
 * from the spec data only.
 */
import type { TableKey } from '../../standard/types';
import { matchRow } from './rows';
import { isT2, specsOf, T2_HEAD_KEY, T3_NOTE_KEYS, T4_SIG_KEYS, TABLE_KEYS, t4BlockOf, t4ResultOf } from './spec';
import type { RawRow } from './types';
import { memoByString } from '../../text/memo';

const MAX_ROWS = 60;
const MAX_CELLS = 24;

const colKeyCache = new Map<TableKey, Set<string>>();
function columnKeys(key: TableKey): Set<string> {
  let s = colKeyCache.get(key);
  if (!s) {
    s = new Set();
    for (const { spec } of specsOf(key)) for (const c of spec.columns) {
      s.add(lk(c.label));
      for (const a of c.aliases) s.add(lk(a));
    }
    colKeyCache.set(key, s);
  }
  return s;
}

const scoresOf = memoByString((text) => {
  const list: [TableKey, number][] = [];
  scoreUncached(text, list);
  return list;
});

/** Score of each table for one cell text. */
export function scoreCell(text: string, score: Map<TableKey, number>): void {
  if (!text || text.length > 160) return;
  // Indexed, no destructuring: in the CLI's unoptimised tiers each for-of step allocates.
  const list = scoresOf(text);
  for (let i = 0; i < list.length; i++) {
    const key = list[i]![0];
    score.set(key, (score.get(key) ?? 0) + list[i]![1]);
  }
}

function scoreUncached(text: string, out: [TableKey, number][]): void {
  const k = lk(text);
  if (!k) return;
  const add = (key: TableKey, n: number) => out.push([key, n]);
  if (T3_NOTE_KEYS.some((n) => k.includes(n))) add('T3', 5);
  if (T4_SIG_KEYS.includes(k)) add('T4', 2);
  else if (t4BlockOf(text)?.exact) add('T4', 1);
  else if (k.length <= 12 && t4ResultOf(text) && k !== '总计') add('T4', 1);
  const head = k === T2_HEAD_KEY;
  for (const key of TABLE_KEYS) {
    if (key === 'T4') continue;
    if (head && isT2(key)) add(key, 1);
    if (columnKeys(key).has(k)) add(key, 1);
    else if (matchRow(key, text)) add(key, 2);
  }
}

export function identify(rows: RawRow[]): TableKey | null {
  const score = new Map<TableKey, number>();
  const nRows = Math.min(rows.length, MAX_ROWS);
  for (let i = 0; i < nRows; i++) {
    const cells = rows[i]!.cells;
    const nCells = Math.min(cells.length, MAX_CELLS);
    for (let j = 0; j < nCells; j++) scoreCell(cells[j]!.text, score);
  }
  return bestOf(score);
}

export function bestOf(score: Map<TableKey, number>): TableKey | null {
  let best: TableKey | null = null;
  let bestN = 1;
  let tie = false;
  // forEach, not for-of over entries: no iterator or entry arrays in the unoptimised tiers.
  score.forEach((n, key) => {
    if (n > bestN) { best = key; bestN = n; tie = false; } else if (n === bestN) tie = true;
  });
  return tie ? null : best;
}
