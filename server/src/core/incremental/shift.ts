/**
 * Moving a parsed table to another offset. A table read once keeps its identity while nothing
 * before it changed (delta 0); a table after an edit is copied with every span moved by the
 * edit's length change. The walk is generic (every `{ start, end }` object is a span) so that
 * fields added to Table/Row/Cell later are carried along without touching this file.
 */
import type { Table } from '../model/types';

type Json = unknown;

function isSpan(o: Record<string, unknown>): boolean {
  // Spans are { start, end } and nothing else (the model's convention, model/types.ts).
  let keys = 0;
  for (const k in o) {
    if (k !== 'start' && k !== 'end') return false;
    keys++;
  }
  return keys === 2 && typeof o.start === 'number' && typeof o.end === 'number';
}

function copyShifted(v: Json, delta: number): Json {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<Json>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyShifted(v[i], delta);
    return out;
  }
  const o = v as Record<string, unknown>;
  if (isSpan(o)) return { start: (o.start as number) + delta, end: (o.end as number) + delta };
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = copyShifted(o[k], delta);
  return out;
}


/** `t` moved by `delta` UTF-16 units: `t` itself when delta is 0, else a deep copy. */
export function shiftedTable(t: Table, delta: number): Table {
  return delta === 0 ? t : (copyShifted(t, delta) as Table);
}

/**
 * Moves a freshly read table (one nobody else holds) by `delta`, in place. Objects shared
 * between two places of one table (a span object referenced twice) are moved once.
 */
export function shiftTableInPlace(t: Table, delta: number): void {
  if (delta === 0) return;
  const seen = new Set<object>();
  const walk = (v: Json): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) { for (const x of v) walk(x); return; }
    const o = v as Record<string, unknown>;
    if (isSpan(o)) { o.start = (o.start as number) + delta; o.end = (o.end as number) + delta; return; }
    for (const k in o) walk(o[k]);
  };
  walk(t);
}
