/**
 * The notices a report cites (〔2019〕60号, 〔2021〕30号, 国务院令第492号) for GR022: the same matches
 * as parse/version.ts findNotices, found from each 号 instead of by a regex scan of the whole text.
 *
 * Why: that scan tests every character against the pattern's first-character class (about 3% of
 * a typical report's rules). Every match ends with its one and only 号, and what precedes the 号
 * (spaces, two or three digits, a bracket, four digits, a bracket; or 国务院令第 / 国令第) fixes
 * where it starts: walking back from each 号 gives that start, and the pattern itself, anchored
 * there (sticky), decides. A native search for 号 skips everything else.
 */
import type { NoticeCitation } from '../../parse/version';
import { isJsSpace } from '../../text/chars';
import type { SourceText } from '../../text/source';

/** parse/version.ts NOTICE_RE, anchored: matched only where the walk back from a 号 says it starts. */
const NOTICE_AT = /[〔[［(（【]\s*(2019|2021)\s*[〕\]］)）】]\s*(60|30)\s*号|国(?:务院)?令第\s*492\s*号/y;

/** The start of the \s run that ends at `end` (exclusive): where the pattern's \s* begins. */
function spacesBack(text: string, end: number): number {
  while (end > 0 && isJsSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

export function noticesIn(src: SourceText): NoticeCitation[] {
  const text = src.text;
  const out: NoticeCitation[] = [];
  for (let h = text.indexOf('号'); h >= 0; h = text.indexOf('号', h + 1)) {
    const m = matchEndingAt(text, h);
    if (!m) continue;
    const notice = m[1] === '2019' && m[2] === '60' ? '2019' : m[1] === '2021' && m[2] === '30' ? '2021' : m[1] ? null : 'legacy';
    if (notice) out.push({ notice, text: m[0], span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}

/** The match that ends with the 号 at `h`, if any. */
function matchEndingAt(text: string, h: number): RegExpExecArray | null {
  const digits = spacesBack(text, h);
  // 〔2019〕60号: [ \s* dddd \s* ] \s* dd \s* 号
  let j = spacesBack(text, digits - 2) - 1;
  j = spacesBack(text, j) - 4;
  j = spacesBack(text, j) - 1;
  const m = at(text, j, h);
  if (m) return m;
  // 国务院令第492号 / 国令第492号: 国 (务院)? 令第 \s* 492 \s* 号
  const ling = spacesBack(text, digits - 3) - 2;
  return at(text, ling - 3, h) ?? at(text, ling - 1, h);
}

function at(text: string, start: number, h: number): RegExpExecArray | null {
  if (start < 0) return null;
  NOTICE_AT.lastIndex = start;
  const m = NOTICE_AT.exec(text);
  return m && start + m[0].length === h + 1 ? m : null;
}
