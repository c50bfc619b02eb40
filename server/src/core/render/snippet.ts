/** VS Code / LSP snippet syntax helpers. */

/** Escapes literal text for a snippet body ($, } and \ are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Hands out tab stop numbers in order. */
export class TabStops {
  constructor(public next = 1) {}
  /** "${n:default}" with the default escaped. */
  placeholder(defaultText: string): string {
    return `\${${this.next++}:${escapeSnippet(defaultText)}}`;
  }
}

/**
 * Replaces tab stops and placeholders by text: `${n:default}` and `$n` become `fill(n, default)`;
 * escapes are undone. Handy for tests and for inserting a snippet as plain text. Nested
 * placeholders and choices are not produced by our generator and not supported.
 */
export function expandSnippet(body: string, fill: (n: number, def: string) => string = (_n, d) => d): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length && '\\$}'.includes(body[i + 1]!)) { out += body[++i]; continue; }
    if (c === '$') {
      const m = /^\$\{(\d+):((?:[^\\}]|\\.)*)\}|^\$(\d+)|^\$\{(\d+)\}/.exec(body.slice(i));
      if (m) {
        const n = Number(m[1] ?? m[3] ?? m[4]);
        const def = (m[2] ?? '').replace(/\\(.)/g, '$1');
        out += fill(n, def);
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}
