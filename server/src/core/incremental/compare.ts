/**
 * Structural comparison of two report models (the incremental one and the full parse's): every
 * field, every span, compared by value. Object identity and the SourceText's line cache are not
 * compared (the texts are). Returns the path of the first difference, for the log and the tests.
 *
 * The walk is depth-first on an explicit stack, so that it can pause: modelDifferenceSteps lets the
 * server compare a 1 MB report's models (~30 ms) in slices between other work. A path is spelled
 * only for the difference returned.
 */
import type { ReportModel } from '../model/types';

interface Node {
  a: unknown;
  b: unknown;
  parent: Node | null;
  /** Array index or property name under the parent. */
  key: number | string;
  /** The property is missing on the `b` side. */
  missing: boolean;
}

function pathOf(n: Node, root: string, suffix = ''): string {
  const parts: string[] = [];
  for (let x: Node | null = n; x && x.parent; x = x.parent) parts.push(typeof x.key === 'number' ? `[${x.key}]` : `.${x.key}`);
  return root + parts.reverse().join('') + suffix;
}

/** Nodes compared between two yields of the stepped walk. */
const STEP_NODES = 4096;

/** The first difference in depth-first order (keys in `a`'s order), yielding every STEP_NODES nodes. */
function* walk(a: unknown, b: unknown, root: string): Generator<void, string | null, void> {
  const seen = new Set<unknown>();
  const stack: Node[] = [{ a, b, parent: null, key: '', missing: false }];
  let budget = STEP_NODES;
  while (stack.length) {
    if (--budget === 0) { budget = STEP_NODES; yield; }
    const n = stack.pop()!;
    if (n.missing) return pathOf(n, root);
    const x = n.a;
    const y = n.b;
    if (x === y) continue;
    if (typeof x !== typeof y || x === null || y === null || typeof x !== 'object') return pathOf(n, root);
    if (seen.has(x)) continue; // shared sub-objects (a span referenced twice) compared once
    seen.add(x);
    if (Array.isArray(x) !== Array.isArray(y)) return pathOf(n, root);
    if (Array.isArray(x)) {
      const yy = y as unknown[];
      if (x.length !== yy.length) return pathOf(n, root, '.length');
      for (let i = x.length - 1; i >= 0; i--) stack.push({ a: x[i], b: yy[i], parent: n, key: i, missing: false });
      continue;
    }
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const keys = Object.keys(xo);
    if (keys.length !== Object.keys(yo).length) return pathOf(n, root, '{keys}');
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      stack.push({ a: xo[k], b: yo[k], parent: n, key: k, missing: !(k in yo) });
    }
  }
  return null;
}

function run(steps: Generator<void, string | null, void>): string | null {
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}

/** modelDifference, one slice of the walk per step (the caller yields to other work between steps). */
export function* modelDifferenceSteps(a: ReportModel, b: ReportModel): Generator<void, string | null, void> {
  if (a.source.text !== b.source.text) return 'source.text';
  const { source: _a, ...ra } = a;
  const { source: _b, ...rb } = b;
  return yield* walk(ra, rb, 'model');
}

/** Null when the models say the same about the same text, else where they first differ. */
export function modelDifference(a: ReportModel, b: ReportModel): string | null {
  return run(modelDifferenceSteps(a, b));
}

/** Null when two values (tables, say) are equal field by field, else the path of the first difference. */
export function valueDifference(a: unknown, b: unknown): string | null {
  return run(walk(a, b, ''));
}
