/**
 * Fixed wording of the official templates that is not part of the table/section data in
 * core/standard: header cells of the label columns, the T2 caption, the placeholders and the
 * prompts of the report skeleton. Everything the renderer writes comes from here or from
 * core/standard; nothing else in render/ spells Chinese text.
 */
import { CN_ORDINALS } from '../standard/sections';
import type { VersionId } from '../standard/types';

/** Header of the label column of the section 二 sub-tables. */
export const T2_LABEL_HEADER = '信息内容';
/** Header of the label column of the three-row 表四 layout. */
export const T4_LABEL_HEADER = '类别';

/** "第二十条第（一）项". */
export const t2Caption = (item: string): string => `第二十条第${item}项`;

/** Placeholder of the official template for free text (GR006 reminds authors to replace it). */
export const PLACEHOLDER = '（文字描述）';

/** Version 2021: the five sub-topics section 一 must cover, numbered （一）…（五）. */
export const OVERVIEW_TOPICS_2021: readonly string[] = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'];

/** Title: "<body><year>年政府信息公开工作年度报告". */
export const reportTitle = (body: string, year: string | number): string => `${body}${year}年政府信息公开工作年度报告`;

/** Opening paragraph: the statistics period (which also states the year). */
export const periodSentence = (year: string | number): string =>
  `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;

/** Version 2021, section 六: the 信息处理费 the body collected. */
export const FEE_PROMPT: Record<VersionId, string | null> = {
  2019: null,
  2021: `本年度收取信息处理费情况：${PLACEHOLDER}`,
};

/** A 人民政府's own report also covers 工作考核、社会评议和责任追究结果 (条例第五十条, in 五). */
export const GOVERNMENT_PROMPT = `工作考核、社会评议和责任追究结果情况：${PLACEHOLDER}`;

/** Chinese sub-heading numbering （一）…（十）. */
export const cnParen = (n: number): string => `（${CN_ORDINALS[n - 1] ?? String(n)}）`;

/** Section heading in the standard numbering: "三、收到和处理政府信息公开申请情况". */
export const sectionHeading = (ordinal: number, title: string): string => `${CN_ORDINALS[ordinal - 1] ?? String(ordinal)}、${title}`;
