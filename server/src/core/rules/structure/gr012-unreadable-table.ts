import type { MessageKey } from '../../messages';
import type { Rule } from '../types';

/**
 * GR012: a table that was not read with confidence; nothing in it was checked (never guess
 * numbers). One finding per table that says why; the tables of a collapsed body (all run
 * together on one line) get one finding between them.
 */
export const gr012: Rule = {
  code: 'GR012', name: 'unreadable-table', severity: 'warning', category: 'structure', fixable: false, legacy: true,
  description: { 'zh-cn': '表格无法可靠读取，未核对其数据', en: "A table could not be read with confidence; its figures were not checked" },
  check(ctx) {
    const collapsed = ctx.model.tables.filter((t) => t.reading.notes.some((n) => n.reason === 'collapsed'));
    if (collapsed.length) {
      ctx.report({
        span: collapsed[0]!.span, key: 'GR012.collapsed', args: { count: collapsed.length },
        related: collapsed.slice(1).map((t) => ({ span: t.span, message: ctx.t('GR012') })),
      });
    }
    for (const t of ctx.model.tables) {
      if (t.reading.level === 'confident' || collapsed.includes(t)) continue;
      if (t.reading.level === 'unreadable') { ctx.report({ span: t.span }); continue; }
      const guessed = t.reading.notes.find((n) => n.kind !== 'recognised');
      const why = ctx.t(`GR012.why.${guessed?.reason ?? 'unknown'}` as MessageKey);
      ctx.report({ span: t.headerSpan ?? t.span, key: 'GR012.partial', args: { why } });
    }
  },
};
