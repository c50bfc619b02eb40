/**
 * What the editor tells the author after fix-all when it stopped without reaching a fixed point
 * (the CLI says the same on stderr): why it stopped, and which error findings touched by its
 * edits remain, with their lines in the fixed text. Nothing when fix-all converged: then the
 * remaining findings are simply the document's diagnostics.
 */
import { translate } from '../messages/index';
import { SourceText } from '../text/source';
import type { FixAllResult } from './fixAll';

/** At most this many remaining findings are named; the rest are "…". */
const LISTED = 5;

export function fixAllNotice(result: Pick<FixAllResult, 'converged' | 'stopped' | 'rounds' | 'remaining' | 'text'>, locale: 'zh-cn' | 'en'): string | undefined {
  if (result.converged) return undefined;
  const parts = [translate(locale, result.stopped === 'oscillation' ? 'fixall.stopped.oscillation' : 'fixall.stopped.maxRounds', { rounds: result.rounds })];
  parts.push(translate(locale, 'fixall.applied'));
  if (result.remaining.length) {
    const src = new SourceText(result.text);
    const named = result.remaining.slice(0, LISTED).map((f) => translate(locale, 'fixall.at', { code: f.code, line: src.positionAt(f.span.start).line + 1 }));
    const more = result.remaining.length > LISTED ? translate(locale, 'fixall.remainingMore') : '';
    parts.push(translate(locale, 'fixall.remaining', { count: result.remaining.length, list: named.join(locale === 'en' ? ', ' : '、') + more }));
  } else {
    parts.push(translate(locale, 'fixall.remainingNone'));
  }
  parts.push(translate(locale, 'fixall.again'));
  return parts.join(locale === 'en' ? ' ' : '');
}
