/**
 * Structural comparison of two report models (the incremental one and the full parse's): every
 * field, every span, compared by value. Object identity and the SourceText's line cache are not
 * compared (the texts are). Returns the path of the first difference, for the log and the tests.
 */
import type { ReportModel } from '../model/types';

function diff(a: unknown, b: unknown, path: string, seen: Set<unknown>): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return path;
  if (seen.has(a)) return null; // shared sub-objects (a span referenced twice) compared once
  seen.add(a);
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return `${path}.length`;
    for (let i = 0; i < a.length; i++) {
      const d = diff(a[i], bb[i], `${path}[${i}]`, seen);
      if (d) return d;
    }
    return null;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return `${path}{keys}`;
  for (const k of keys) {
    if (!(k in bo)) return `${path}.${k}`;
    const d = diff(ao[k], bo[k], `${path}.${k}`, seen);
    if (d) return d;
  }
  return null;
}

/** Null when the models say the same about the same text, else where they first differ. */
export function modelDifference(a: ReportModel, b: ReportModel): string | null {
  if (a.source.text !== b.source.text) return 'source.text';
  const { source: _a, ...ra } = a;
  const { source: _b, ...rb } = b;
  return diff(ra, rb, 'model', new Set());
}

/** Null when two values (tables, say) are equal field by field, else the path of the first difference. */
export function valueDifference(a: unknown, b: unknown): string | null {
  return diff(a, b, '', new Set());
}
