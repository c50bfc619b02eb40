import type { Rule } from '../types';

/**
 * GR009: a suppression comment that suppressed nothing. The findings are made in analyze.ts
 * after every rule ran (core/suppress/apply.ts); the rule is listed so that its code, severity
 * and docs page come from the registry like any other.
 */
export const gr009: Rule = {
  code: 'GR009', name: 'unused-suppression', severity: 'hint', category: 'structure', fixable: true,
  description: { 'zh-cn': '未使用的忽略注释', en: 'Unused suppression comment' },
  check() { /* see core/suppress/apply.ts */ },
};
