import type { Rule } from '../types';

/**
 * GR014: the body is run together on one line (copied from a web page): headings inline. One
 * finding; the safe fix only inserts line breaks before the headings and table runs the reader
 * located (no character is removed or changed).
 */
export const gr014: Rule = {
  code: 'GR014', name: 'collapsed-text', severity: 'warning', category: 'structure', fixable: true, legacy: true,
  description: { 'zh-cn': '正文未分行（标题与正文连在一行）', en: 'The body is not split into lines (headings inline)' },
  check(ctx) {
    const { model } = ctx;
    const c = model.collapsed;
    if (!c) return;
    const inline = model.headings.filter((h) => h.span.start > c.line.start && h.span.end <= c.line.end);
    const first = inline[0] ?? model.headings.find((h) => h.span.start >= c.line.start && h.span.end <= c.line.end);
    if (!first) return;
    const eol = model.source.eol;
    ctx.report({
      span: first.span,
      args: { count: inline.length },
      fixes: [{
        title: ctx.t('GR014.fix'),
        edits: c.breaks.map((at) => ({ span: { start: at, end: at }, newText: eol })),
        safe: true, preferred: true,
      }],
    });
  },
};
