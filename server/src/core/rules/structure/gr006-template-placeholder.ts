import type { Rule } from '../types';

// （文字描述） from the official template, XX / ×× / 某某 left in drafts.
const PLACEHOLDER_RE = /[（(]\s*文字描述\s*[）)]|(?<![A-Za-z0-9])[Xx]{2,}(?![A-Za-z0-9])|[×Ｘ]{2,}|某某/g;

/**
 * Whether the text may hold a placeholder: every match contains one of these. Most reports hold
 * none, and native searches for them cost less than the regex testing every character (its first
 * characters include the common （ and ( ).
 */
function mayHoldPlaceholder(text: string): boolean {
  return text.includes('x') || text.includes('X') || text.includes('×') || text.includes('Ｘ') || text.includes('某某') || text.includes('文字描述');
}

/** GR006: template placeholders left in the text (table cells excluded: they are GR1xx's). */
export const gr006: Rule = {
  code: 'GR006', name: 'template-placeholder', severity: 'warning', category: 'structure', fixable: false,
  description: { 'zh-cn': '正文中留有模板占位符', en: 'Template placeholder left in the text' },
  check(ctx) {
    const { text } = ctx.model.source;
    if (!mayHoldPlaceholder(text)) return;
    PLACEHOLDER_RE.lastIndex = 0;
    for (let m = PLACEHOLDER_RE.exec(text); m; m = PLACEHOLDER_RE.exec(text)) {
      ctx.report({ span: { start: m.index, end: m.index + m[0].length }, args: { text: m[0] } });
    }
  },
};
