/**
 * The text of a cell, cut from the source. Most cell texts are small whole numbers; V8 copies
 * every substring shorter than 13 characters (only single characters come from its own cache),
 * so each "12" would be one more string kept alive with the model. Whole numbers below 10000
 * are shared instead: one string per number, made on first use (at most 10000, never freed).
 */
const shared: (string | undefined)[] = new Array<string | undefined>(10000);

export function cellText(src: string, start: number, end: number): string {
  const n = end - start;
  if (n < 2 || n > 4 || src.charCodeAt(start) === 48) return src.slice(start, end);
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = src.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return src.slice(start, end);
    v = v * 10 + d;
  }
  return (shared[v] ??= src.slice(start, end));
}
