/**
 * Which words of a space-aligned line are value cells: a number (with an optional unit), a unit
 * written apart from its number, or a placeholder dash. Read by char code on the source range, so
 * the label words of a line are never copied just to be tested (this runs for every word of a PDF table).
 *   number:      [+\-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?:元|万元|件|条|个|项|次)?
 *   unit:        元|万元|件|条|个|项|次
 *   placeholder: - — —— － / ／ ― 无
 */

const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** text[s, e) is exactly one unit (元, 万元, 件, 条, 个, 项, 次). */
export function isUnitWord(text: string, s: number, e: number): boolean {
  if (e - s === 2) return text.charCodeAt(s) === 0x4e07 /* 万 */ && text.charCodeAt(s + 1) === 0x5143 /* 元 */;
  if (e - s !== 1) return false;
  switch (text.charCodeAt(s)) {
    case 0x5143: case 0x4ef6: case 0x6761: case 0x4e2a: case 0x9879: case 0x6b21: // 元 件 条 个 项 次
      return true;
    default:
      return false;
  }
}

/** text[s, e) is a number, optionally signed, with thousands separators, decimals and a unit. */
export function isNumberWord(text: string, s: number, e: number): boolean {
  let i = s;
  const sign = text.charCodeAt(i);
  if (sign === 43 /* + */ || sign === 45 /* - */ || sign === 0xff0d /* － */) i++;
  if (i >= e || !isDigit(text.charCodeAt(i))) return false;
  i++;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (!isDigit(c) && c !== 44 /* , */ && c !== 0xff0c /* ， */) break;
    i++;
  }
  const point = i < e ? text.charCodeAt(i) : -1;
  if ((point === 46 /* . */ || point === 0xff0e /* ． */) && i + 1 < e && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < e && isDigit(text.charCodeAt(i))) i++;
  }
  return i === e || isUnitWord(text, i, e);
}

/** text[s, e) is a placeholder dash or slash (- — —— － / ／ ―), or a lone 无 written in a cell. */
export function isDashWord(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (e - s === 2) return c === 0x2014 && text.charCodeAt(s + 1) === 0x2014;
  if (e - s !== 1) return false;
  return c === 45 || c === 0x2014 || c === 0xff0d || c === 47 || c === 0xff0f || c === 0x2015 || c === 0x65e0 /* 无 */;
}
