import type { SectionSpec } from './types';

/** The six sections, identical in both versions. */
export const SECTIONS: readonly SectionSpec[] = [
  { key: 'overview', ordinal: 1, title: '总体情况', aliases: ['概述', '总体概述', '基本情况'], tables: [] },
  {
    key: 'proactive', ordinal: 2, title: '主动公开政府信息情况',
    aliases: ['主动公开情况', '主动公开政府信息的情况'],
    tables: ['T2.1', 'T2.5', 'T2.6', 'T2.8'],
  },
  {
    key: 'requests', ordinal: 3, title: '收到和处理政府信息公开申请情况',
    aliases: ['收到和处理政府信息公开申请的情况', '依申请公开政府信息情况', '依申请公开情况'],
    tables: ['T3'],
  },
  {
    key: 'review', ordinal: 4, title: '政府信息公开行政复议、行政诉讼情况',
    aliases: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政法复议、行政诉讼情况',
      '行政复议、行政诉讼情况',
    ],
    tables: ['T4'],
  },
  {
    key: 'problems', ordinal: 5, title: '存在的主要问题及改进情况',
    aliases: [
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题及整改措施',
      '存在的问题及改进措施',
      '存在的主要问题和改进措施',
      '存在的主要问题和改进情况',
      '存在的问题及改进情况',
    ],
    tables: [],
  },
  { key: 'other', ordinal: 6, title: '其他需要报告的事项', aliases: ['其他需要报告事项', '其他事项'], tables: [] },
];

/** Chinese ordinals used by section numbering (一、…十、). */
export const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;
