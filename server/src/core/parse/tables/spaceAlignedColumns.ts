/**
 * Column key lists of the space-aligned reader, made once each and always by push, so that every
 * list the reader's hot loops index (`columns`, `seq`, 表四's keys) has one array map. map() and
 * filter() make a packed array when the interpreter runs them and a holey one once TurboFan has
 * inlined them: the same loads in readLabelled, assembleRows and cellsOfTok then met a second map
 * after warm-up and were deoptimised and compiled again ("wrong map"), the bench's typical runs
 * included (readLabelled, right after the pathological inputs).
 */
import type { TableSpec } from '../../standard/types';
import { T4_RESULT_ORDER } from './spec';

const bySpec = new Map<TableSpec, readonly string[]>();

/** The spec's column keys in order (as specColumns), one shared list per spec: never written to. */
export function specKeys(spec: TableSpec): readonly string[] {
  let keys = bySpec.get(spec);
  if (keys === undefined) {
    const list: string[] = [];
    for (let i = 0; i < spec.columns.length; i++) list.push(spec.columns[i]!.key);
    bySpec.set(spec, (keys = list));
  }
  return keys;
}

const byBlock = new Map<string, readonly string[]>();

/** Column keys of one block of 表四 ("<block>.<result>", results in the table's order), shared: never written to. */
export function t4BlockKeys(block: string): readonly string[] {
  let keys = byBlock.get(block);
  if (keys === undefined) {
    const list: string[] = [];
    for (let i = 0; i < T4_RESULT_ORDER.length; i++) list.push(`${block}.${T4_RESULT_ORDER[i]!}`);
    byBlock.set(block, (keys = list));
  }
  return keys;
}

/** The keys of `order` that are in `found`, in order: a new list, made by push. */
export function keysFound(order: readonly string[], found: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < order.length; i++) if (found.has(order[i]!)) out.push(order[i]!);
  return out;
}

/**
 * `list`, or when it is empty a new empty list with the map of a filled one: an empty literal's
 * array has another (its elements kind never saw a string), met by the same loads in a rare table
 * without columns. Emptied by length, an array keeps its map.
 */
export function ofOneMap(list: string[]): string[] {
  if (list.length > 0) return list;
  const empty = [''];
  empty.length = 0;
  return empty;
}
