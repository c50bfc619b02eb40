import type { TextEdit } from '../types';

/**
 * The core's one way to apply edits to a text (fix-all, formatting, the CLI, tests). Edits come in
 * any order; they are applied by position, and an edit overlapping one already applied is dropped
 * rather than spliced into text that has changed under it. Insertions at the same offset keep
 * their given order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.span.start < pos) continue;
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + text.slice(pos);
}
