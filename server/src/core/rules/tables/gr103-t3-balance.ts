import type { Rule } from '../types';
import { reportArithmetic } from './arithmetic';

/** GR103: 表三 一 + 二 ≠ （七）总计 + 四 (the printed 勾稽关系), column by column. */
export const gr103: Rule = {
  code: 'GR103', name: 't3-balance', severity: 'error', category: 'tables', fixable: true,
  description: {
    'zh-cn': '表三勾稽关系：第一项加第二项之和应等于第三项（七）总计加第四项之和',
    en: 'Table 3 balance: 一 + 二 must equal （七）总计 + 四',
  },
  check(ctx) {
    reportArithmetic(ctx, 'GR103');
  },
};
