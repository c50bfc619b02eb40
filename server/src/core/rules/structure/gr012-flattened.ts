import type { Rule } from '../types';

/** GR012: a table whose cells run together; nothing in it was checked (never guess numbers). */
export const gr012: Rule = {
  code: 'GR012', name: 'unreadable-table', severity: 'warning', category: 'structure', fixable: false,
  description: { 'zh-cn': '表格单元格无法分开，未核对其数据', en: "A table's cells cannot be separated" },
  check(ctx) {
    for (const t of ctx.model.tables) if (!t.readable) ctx.report({ span: t.span });
  },
};
