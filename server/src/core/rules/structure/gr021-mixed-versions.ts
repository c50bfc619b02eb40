import type { Rule } from '../types';

/** GR021: markers of both versions in one report; reported on the first marker of the minority. */
export const gr021: Rule = {
  code: 'GR021', name: 'mixed-versions', severity: 'warning', category: 'structure', fixable: false,
  description: { 'zh-cn': '同一报告混用两个版本的格式标志', en: 'Markers of both versions in one report' },
  check(ctx) {
    const { markers, usedVersion } = ctx.model;
    const minority = markers.find((m) => m.version !== usedVersion);
    const majority = markers.find((m) => m.version === usedVersion);
    if (!minority || !majority) return;
    ctx.report({ span: minority.span, args: { a: majority.text, b: minority.text } });
  },
};
