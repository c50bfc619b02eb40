// Consistent figures for the standard tables (every identity of the spec holds), and helpers to
// fill rendered snippets with them. Shared by render-*.test.ts and snippets.test.ts.
import { figureCells, valueKey } from '../../server/src/core/render/markdownTable';
import type { TableSpec } from '../../server/src/core/standard/types';

/** Small deterministic pseudo-random numbers. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

/** Figures for every figure cell of `spec` that satisfy all of its identities. */
export function consistentValues(spec: TableSpec, seed = 1): Map<string, string> {
  const rand = rng(seed);
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const v = new Map<string, string>();
  if (spec.key === 'T4') {
    const row = spec.rows[0]!.key;
    const blocks = [...new Set(spec.columns.map((c) => c.key.split('.')[0]!))];
    for (const b of blocks) {
      let sum = 0;
      for (const r of ['upheld', 'corrected', 'other', 'pending']) { const n = int(9); sum += n; v.set(valueKey(row, `${b}.${r}`), String(n)); }
      v.set(valueKey(row, `${b}.total`), String(sum));
    }
    return v;
  }
  if (spec.key === 'T3') {
    const parts = spec.columns.filter((c) => c.key !== 'total').map((c) => c.key);
    const outcomes = spec.identities.find((i) => i.kind === 'columnSum');
    const outcomeRows = outcomes && outcomes.kind === 'columnSum' ? outcomes.partRows : [];
    const grid = new Map<string, number>();
    for (const c of parts) {
      let total = 0;
      for (const r of outcomeRows) { const n = int(20); total += n; grid.set(valueKey(r, c), n); }
      grid.set(valueKey('total', c), total);
      const carriedOut = int(15);
      const carriedIn = int(total + carriedOut);
      grid.set(valueKey('carriedIn', c), carriedIn);
      grid.set(valueKey('carriedOut', c), carriedOut);
      grid.set(valueKey('new', c), total + carriedOut - carriedIn);
    }
    for (const r of spec.rows) {
      if (r.groupLabel) continue;
      let sum = 0;
      for (const c of parts) sum += grid.get(valueKey(r.key, c)) ?? 0;
      for (const c of parts) v.set(valueKey(r.key, c), String(grid.get(valueKey(r.key, c)) ?? 0));
      v.set(valueKey(r.key, 'total'), String(sum));
    }
    return v;
  }
  for (const r of spec.rows) {
    for (const c of spec.columns) {
      const n = c.kind === 'delta' ? String(int(20) - 10)
        : c.kind === 'amount' ? `${int(9999)}.${int(99)}${c.unit ? '' : '元'}`
        : String(int(500));
      v.set(valueKey(r.key, c.key), n);
    }
  }
  return v;
}

/** Fill function for expandSnippet: tab stop `first + i` gets the i-th figure cell's value. */
export function filler(specs: readonly TableSpec[], values: ReadonlyMap<string, ReadonlyMap<string, string>>, first: number) {
  const order = specs.flatMap((s) => figureCells(s).map((c) => values.get(s.key)!.get(valueKey(c.rowKey, c.columnKey))!));
  return (n: number, def: string): string => (n >= first && n - first < order.length ? order[n - first]! : def);
}
