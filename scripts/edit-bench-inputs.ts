/**
 * What the in-process edit benches share (incremental-bench.ts, bench-facts.ts): the typical
 * report, a ~1 MB one made of it, the edit bench-lsp makes (one character typed, then deleted, at
 * the end of line 3: every line after it moves), and CPU time. Run from scripts/ (tsx) or dist/
 * (a bundle): both sit one level below the repository root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const typical = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'samples', 'huaian-2024.txt'), 'utf8').replace(/^\uFEFF/, '');

/** ~`bytes` of report: the typical one repeated (as scripts/bench.ts builds its synthetic report). */
export function bigReport(bytes: number): string {
  const parts = [typical];
  let size = Buffer.byteLength(typical);
  while (size < bytes) { parts.push('\n' + typical); size += Buffer.byteLength(typical) + 1; }
  return parts.join('');
}

export const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
export const pct = (xs: number[], p: number): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };

/** `n` versions of `text`, alternately with and without a "。" typed at the end of line 3. */
export function versions(text: string, n: number): string[] {
  const lines = text.split('\n');
  const at = lines.slice(0, 3).join('\n').length; // end of line 3
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? text.slice(0, at) + '。' + text.slice(at) : text));
}
