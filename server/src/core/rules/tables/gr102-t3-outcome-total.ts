import type { Rule } from '../types';
import { reportArithmetic } from './arithmetic';

/** GR102: 表三 （七）总计 is not the sum of the outcome rows, column by column. */
export const gr102: Rule = {
  code: 'GR102', name: 't3-outcome-total', severity: 'error', category: 'tables', fixable: true,
  description: {
    'zh-cn': '表三各列：（七）总计应等于（一）至（六）各办理结果之和',
    en: 'Table 3 columns: （七）总计 must equal the sum of the outcome rows',
  },
  check(ctx) {
    reportArithmetic(ctx, 'GR102');
  },
};
