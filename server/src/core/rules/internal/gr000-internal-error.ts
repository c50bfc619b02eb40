import { isFallbackModel, MAX_CHECKED_LINE } from '../../isolation';
import type { LineInfo, SourceText } from '../../text/source';
import type { Rule, RuleContext } from '../types';

/** How many skipped line numbers the message lists before "等". */
const LISTED = 5;

/**
 * GR000: the check itself is incomplete. analyze() reports it for a rule that threw (one finding
 * per rule, its other rules unaffected); the rule's own check reports a parse failure and lines
 * too long to be read (pasted data, binary content), once per document.
 */
export const gr000: Rule = {
  code: 'GR000', name: 'internal-error', severity: 'warning', category: 'structure', fixable: false,
  description: { 'zh-cn': '检查未能完成（内部错误或内容过长而跳过）', en: 'The check could not be completed (internal error or content skipped)' },
  check(ctx) {
    const { model } = ctx;
    if (isFallbackModel(model)) ctx.report({ span: { start: 0, end: 0 }, key: 'GR000.parse' });
    const src = model.source;
    // The scan for the first over-long line is apart from collecting them: almost no report has
    // one, and the collecting code's first run would deoptimise the scan every report takes.
    let i = 0;
    while (i < src.lineCount && src.lineEnd(i) - src.lineStart(i) <= MAX_CHECKED_LINE) i++;
    if (i < src.lineCount) reportLongLines(ctx, longLinesFrom(src, i));
  },
};

/** The lines from `first` (an over-long one) on that are longer than MAX_CHECKED_LINE. */
function longLinesFrom(src: SourceText, first: number): LineInfo[] {
  const long: LineInfo[] = [];
  for (let i = first; i < src.lineCount; i++) if (src.lineEnd(i) - src.lineStart(i) > MAX_CHECKED_LINE) long.push(src.line(i));
  return long;
}

/** One finding for the over-long lines: the first few line numbers and the longest length. */
function reportLongLines(ctx: RuleContext, long: LineInfo[]): void {
  const sep = ctx.locale === 'en' ? ', ' : '、';
  const lines = long.slice(0, LISTED).map((l) => l.index + 1).join(sep) + (long.length > LISTED ? '…' : '');
  const chars = long.reduce((m, l) => Math.max(m, l.end - l.start), 0);
  const first = long[0]!;
  ctx.report({ span: { start: first.start, end: first.start }, key: 'GR000.skipped', severity: 'information', args: { count: long.length, lines, chars } });
}
