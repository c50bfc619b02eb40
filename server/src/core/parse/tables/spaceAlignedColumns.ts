/**
 * Column key lists of the table readers, made by keyList, so that every list their hot loops index
 * (`columns`, `seq`; T4_COLUMN_KEYS, specColumns and 表四's block keys, made once, too) has one array map.
 * map() and filter() make a packed array when the interpreter runs them and a holey one once
 * TurboFan has inlined them, and an empty literal has a map of its own: the same loads in
 * readLabelled, assembleRows and cellsOfTok then met another map after warm-up and were
 * deoptimised and compiled again ("wrong map", --trace-deopt), readLabelled at the start of the
 * bench's typical runs too.
 */
/** The keys of `from` (those in `keep`, if given) in a new list made by push; emptied by length, an array keeps its map. */
export function keyList(from: readonly string[], keep?: ReadonlySet<string>): string[] {
  const out = [''];
  out.length = 0;
  for (let i = 0; i < from.length; i++) if (!keep || keep.has(from[i]!)) out.push(from[i]!);
  return out;
}

