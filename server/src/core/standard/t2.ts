import type { ColumnSpec, RowSpec, TableSpec } from './types';

const col = (key: string, label: string, kind: ColumnSpec['kind'] = 'count', extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  ({ key, label, kind, aliases: [], ...extra });
const row = (key: string, label: string, extra: Partial<RowSpec> = {}): RowSpec =>
  ({ key, label, numbering: '', aliases: [], variants: [], ...extra });

const t2 = (key: TableSpec['key'], item: string, name: string, columns: ColumnSpec[], rows: RowSpec[]): TableSpec => ({
  key, section: 'proactive', item, title: `第二十条第${item}项 ${name}`,
  columns, rows, identities: [], signature: ['信息内容', ...columns.map((c) => c.label)],
});

export const T2_2019: TableSpec[] = [
  t2('T2.1', '（一）', '规章和规范性文件',
    [col('newMade', '本年新制作数量'), col('newPublished', '本年新公开数量'), col('totalPublished', '对外公开总数量')],
    [row('rules', '规章', { doc: '本机关制定的规章。' }), row('normative', '规范性文件', { aliases: ['行政规范性文件'], doc: '本机关制定的规范性文件。' })]),
  t2('T2.5', '（五）', '行政许可和其他对外管理服务事项',
    [col('lastYear', '上一年项目数量'), col('delta', '本年增/减', 'delta', { aliases: ['本年增减', '本年增／减'] }), col('decisions', '处理决定数量')],
    [row('license', '行政许可'), row('otherServices', '其他对外管理服务事项')]),
  t2('T2.6', '（六）', '行政处罚和行政强制',
    [col('lastYear', '上一年项目数量'), col('delta', '本年增/减', 'delta', { aliases: ['本年增减', '本年增／减'] }), col('decisions', '处理决定数量')],
    [row('penalty', '行政处罚'), row('coercion', '行政强制')]),
  t2('T2.8', '（八）', '行政事业性收费',
    [col('lastYear', '上一年项目数量'), col('delta', '本年增/减', 'delta', { aliases: ['本年增减', '本年增／减'] })],
    [row('fees', '行政事业性收费')]),
  t2('T2.9', '（九）', '政府集中采购',
    [col('projects', '采购项目数量'), col('amount', '采购总金额', 'amount')],
    [row('procurement', '政府集中采购', { variants: ['政府集中釆购'] })]),
];

export const T2_2021: TableSpec[] = [
  t2('T2.1', '（一）', '规章和行政规范性文件',
    [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('inForce', '现行有效件数')],
    [row('rules', '规章', { doc: '本机关制定的规章。' }),
      row('normative', '行政规范性文件', { variants: ['规范性文件'], doc: '本机关制发的行政规范性文件（2021 版起称“行政规范性文件”）。' })]),
  t2('T2.5', '（五）', '行政许可', [col('decisions', '本年处理决定数量')], [row('license', '行政许可')]),
  t2('T2.6', '（六）', '行政处罚和行政强制', [col('decisions', '本年处理决定数量')],
    [row('penalty', '行政处罚'), row('coercion', '行政强制')]),
  t2('T2.8', '（八）', '行政事业性收费',
    [col('amount', '本年收费金额（单位：万元）', 'amount', { unit: '万元', aliases: ['本年收费金额(单位:万元)', '本年收费金额（万元）', '本年收费金额'] })],
    [row('fees', '行政事业性收费')]),
];
