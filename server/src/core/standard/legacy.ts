/**
 * The legacy standard: reports of years up to 2018, under the 2008 条例 (国务院令第492号). Their
 * structure was free; these are the parts most reports had, with the wordings seen in real text.
 * The 2019 six-part structure and its tables do not apply to them.
 */

export interface LegacySectionSpec {
  key: 'overview' | 'proactive' | 'requests' | 'fees' | 'review' | 'problems' | 'other';
  title: string;
  aliases: string[];
}

export const LEGACY_SECTIONS: readonly LegacySectionSpec[] = [
  { key: 'overview', title: '概述', aliases: ['总体情况', '基本情况', '工作概述'] },
  { key: 'proactive', title: '主动公开政府信息情况', aliases: ['主动公开情况', '主动公开政府信息的情况', '政府信息主动公开情况'] },
  {
    key: 'requests', title: '依申请公开政府信息情况',
    aliases: ['依申请公开情况', '政府信息依申请公开工作情况', '政府信息依申请公开情况', '依申请公开和不予公开政府信息情况', '依申请公开政府信息和不予公开政府信息情况'],
  },
  { key: 'fees', title: '政府信息公开的收费及减免情况', aliases: ['政府信息公开收费及减免情况', '收费及减免情况'] },
  {
    key: 'review', title: '因政府信息公开申请行政复议、提起行政诉讼的情况',
    aliases: ['因政府信息公开申请行政复议、提起行政诉讼情况', '行政复议、行政诉讼和举报投诉情况', '政府信息公开申诉、行政复议、行政诉讼情况'],
  },
  {
    key: 'problems', title: '存在的主要问题及改进措施',
    aliases: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题和改进措施', '存在的主要问题及改进情况', '存在的问题及改进措施'],
  },
  { key: 'other', title: '其他需要报告的事项', aliases: ['其他需要报告事项', '其他事项'] },
];

/** The last report year under the 2008 条例. */
export const LEGACY_LAST_YEAR = 2018;

/** Where each 条例 sets the deadline for the annual report (cited by GR202). */
export const REGULATION_ARTICLES = {
  /** 2019 条例第四十九条: 部门 by 1月31日, 人民政府 by 3月31日. */
  current: { deadlineArticle: '第四十九条', name: '《中华人民共和国政府信息公开条例》（2019年修订）' },
  /** 2008 条例第三十一条: every body by 3月31日. */
  legacy: { deadlineArticle: '第三十一条', name: '《中华人民共和国政府信息公开条例》（2008年施行）', deadline: [3, 31] as [number, number] },
} as const;
