import type { Rule } from '../types';
import { reportArithmetic } from './arithmetic';

/** GR101: a 表三 row's 总计 is not the sum of the six applicant columns. */
export const gr101: Rule = {
  code: 'GR101', name: 't3-row-total', severity: 'error', category: 'tables', fixable: true,
  description: {
    'zh-cn': '表三各行：总计应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和',
    en: 'Table 3 rows: 总计 must equal the sum of the six applicant columns',
  },
  check(ctx) {
    reportArithmetic(ctx, 'GR101');
  },
};
