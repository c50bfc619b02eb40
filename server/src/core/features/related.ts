/**
 * Related information as an author reads it: the terms of a sum that carry a value (a zero or blank
 * term adds nothing and only lengthens the Problems panel), at most MAX_RELATED entries, the rest
 * summarised in one line.
 */
import { translate } from '../messages/index';
import type { Related } from '../types';
import type { Span } from '../text/source';

export const MAX_RELATED = 6;

/** A cell text that is zero or blank: "", "0", "０", "0.00". */
function isZeroOrBlank(text: string): boolean {
  return /^[\s\u3000]*(?:[0０]+(?:[.．][0０]+)?)?[\s\u3000]*$/.test(text);
}

/**
 * Zero/blank entries are dropped only from lists of three or more (the terms of a sum); a one- or
 * two-entry list (text vs table, carry-over) keeps a 0 it points at, which is the point there.
 * Entries in other documents (peers) are kept as they are.
 */
export function compactRelated(related: readonly Related[], text: string, at: Span, locale: 'zh-cn' | 'en'): Related[] {
  let list = related.slice();
  if (list.length > 2) list = list.filter((r) => r.uri !== undefined || !isZeroOrBlank(text.slice(r.span.start, r.span.end)));
  if (list.length <= MAX_RELATED) return list;
  const kept = list.slice(0, MAX_RELATED - 1);
  kept.push({ span: at, message: translate(locale, 'ui.related.more', { count: list.length - kept.length }) });
  return kept;
}
