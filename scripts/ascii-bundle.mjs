/**
 * esbuild's default charset (ascii) escapes strings and templates but leaves regular expression
 * literals as written: server-main.js kept ~1300 Chinese characters in its regexes, which made the
 * whole 370 KB source a two-byte string at every start (read, wrapped, compiled: ~2 MB instead of
 * ~1 MB touched). Escaping them (\uXXXX, which means the same in strings, templates and regexes,
 * with or without the u flag) keeps the source one-byte.
 */

/** `text` with every non-ASCII UTF-16 unit written as \uXXXX; unchanged if one follows a backslash (an identity escape, whose meaning would change). */
export function asciiOnly(text) {
  if (/\\[\u0080-\uffff]/.test(text)) return text;
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
