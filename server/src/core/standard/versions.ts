import { SECTIONS } from './sections';
import { T2_2019, T2_2021 } from './t2';
import { T3_2019, T3_2021 } from './t3';
import { T4 } from './t4';
import type { FormatSpec, LegacySpec, TableKey, TableSpec, VersionId } from './types';

/** 国办公开办函〔2019〕60号: report years 2019 and 2020. */
export const FORMAT_2019: FormatSpec = {
  version: '2019',
  notice: '〔2019〕60号',
  years: { from: 2019, to: 2020 },
  // 2019 二 also holds 第二十条第（九）项 (政府集中采购), which 2021 dropped.
  sections: SECTIONS.map((s) => (s.key === 'proactive' ? { ...s, tables: [...s.tables, 'T2.9'] } : s)),
  tables: [...T2_2019, T3_2019, T4],
  markers: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '采购总金额', '第二十条第（九）项'],
};

/** 国办公开办函〔2021〕30号: report years 2021 and later. */
export const FORMAT_2021: FormatSpec = {
  version: '2021',
  notice: '〔2021〕30号',
  years: { from: 2021, to: 9999 },
  sections: [...SECTIONS],
  tables: [...T2_2021, T3_2021, T4],
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'],
};

/** Free-form reports under the 2007 条例 (up to 2018). */
export const LEGACY: LegacySpec = {
  notice: '国务院令第492号',
  sectionTitles: [
    '概述', '主动公开情况', '主动公开政府信息情况', '回应解读情况', '依申请公开情况', '依申请公开和不予公开政府信息情况',
    '不予公开政府信息情况', '行政复议、行政诉讼和举报投诉情况', '机构建设和保障经费情况',
    '政府信息公开会议和培训情况', '会议和培训情况', '存在的主要问题和改进措施', '附表',
    '政府信息公开的收费及减免情况', '因政府信息公开申请行政复议、提起行政诉讼的情况',
  ],
};

export const FORMATS: Record<VersionId, FormatSpec> = { 2019: FORMAT_2019, 2021: FORMAT_2021 };

/** The version a report of `year` must use. Years before 2019 have none (legacy). */
export function versionForYear(year: number): VersionId | null {
  if (year >= FORMAT_2021.years.from) return '2021';
  if (year >= FORMAT_2019.years.from) return '2019';
  return null;
}

/**
 * THE version a report is checked against, with one precedence: the config override, else the
 * version its year requires, else the version its markers use, else 2021. The model carries the
 * answer (`model.checkedVersion`); nothing else decides it.
 */
export function decideCheckedVersion(year: number | null, used: VersionId | null, override?: VersionId): VersionId {
  return override ?? (year === null ? null : versionForYear(year)) ?? used ?? '2021';
}

export function tableSpec(version: VersionId, key: TableKey): TableSpec | undefined {
  return FORMATS[version].tables.find((t) => t.key === key);
}
