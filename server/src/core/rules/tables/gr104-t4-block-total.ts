import type { Rule } from '../types';
import { reportArithmetic } from './arithmetic';

/** GR104: a 表四 block's 总计 is not 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const gr104: Rule = {
  code: 'GR104', name: 't4-block-total', severity: 'error', category: 'tables', fixable: true,
  description: {
    'zh-cn': '表四各栏：总计应等于结果维持、结果纠正、其他结果、尚未审结之和',
    en: 'Table 4 blocks: 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  },
  check(ctx) {
    reportArithmetic(ctx, 'GR104');
  },
};
