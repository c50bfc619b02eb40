import type { ColumnSpec, Identity, RowSpec, TableSpec } from './types';

/** Applicant columns of 表三, left to right. 法人或其他组织 is a merged header with no column. */
const T3_COLUMNS: ColumnSpec[] = [
  { key: 'natural', label: '自然人', aliases: [], kind: 'count' },
  { key: 'business', label: '商业企业', aliases: [], kind: 'count' },
  { key: 'research', label: '科研机构', aliases: [], kind: 'count' },
  { key: 'nonprofit', label: '社会公益组织', aliases: [], kind: 'count' },
  { key: 'legal', label: '法律服务机构', aliases: [], kind: 'count' },
  { key: 'otherOrg', label: '其他', aliases: [], kind: 'count' },
  { key: 'total', label: '总计', aliases: ['合计'], kind: 'count' },
];

const PART_COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'];

const row = (key: string, numbering: string, label: string, extra: Partial<RowSpec> = {}): RowSpec =>
  ({ key, numbering, label, aliases: [], variants: [], ...extra });

/** Rows common to both versions, up to and including （五）. */
const HEAD_ROWS: RowSpec[] = [
  row('new', '一、', '本年新收政府信息公开申请数量', { doc: '本年度新收到的政府信息公开申请件数。' }),
  row('carriedIn', '二、', '上年结转政府信息公开申请数量', { doc: '上一年度未办结、结转到本年度继续办理的申请件数，应等于上年报告表三第四项。' }),
  row('results', '三、', '本年度办理结果', { groupLabel: true, doc: '本年度办结的申请按办理结果分类。' }),
  row('disclosed', '（一）', '予以公开', { group: 'results', doc: '条例第三十六条第（二）项：全部予以公开。' }),
  row('partial', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', {
    group: 'results', aliases: ['部分公开'], doc: '条例第三十七条：区分处理、部分公开的申请。',
  }),
  row('withheld', '（三）', '不予公开', { group: 'results', groupLabel: true, doc: '条例第三十六条第（三）项：不予公开，按理由分列。' }),
  row('withheld.stateSecret', '1.', '属于国家秘密', { group: 'withheld', doc: '条例第十四条。' }),
  row('withheld.prohibited', '2.', '其他法律行政法规禁止公开', {
    group: 'withheld', variants: ['其他法律法规禁止公开'], doc: '条例第十四条。',
  }),
  row('withheld.security', '3.', '危及“三安全一稳定”', {
    group: 'withheld', aliases: ['危及"三安全一稳定"', '危及三安全一稳定', '危及‘三安全一稳定’'], doc: '条例第十四条：危及国家安全、公共安全、经济安全、社会稳定。',
  }),
  row('withheld.thirdParty', '4.', '保护第三方合法权益', { group: 'withheld', doc: '条例第十五条。' }),
  row('withheld.internal', '5.', '属于三类内部事务信息', { group: 'withheld', doc: '条例第十六条第一款。' }),
  row('withheld.process', '6.', '属于四类过程性信息', { group: 'withheld', doc: '条例第十六条第二款。' }),
  row('withheld.enforcement', '7.', '属于行政执法案卷', { group: 'withheld', doc: '条例第十六条第二款。' }),
  row('withheld.query', '8.', '属于行政查询事项', { group: 'withheld', doc: '条例第三十六条第（七）项。' }),
  row('unable', '（四）', '无法提供', { group: 'results', groupLabel: true, doc: '无法提供，按理由分列。' }),
  row('unable.notHeld', '1.', '本机关不掌握相关政府信息', { group: 'unable', doc: '条例第三十六条第（四）项。' }),
  row('unable.needCreate', '2.', '没有现成信息需要另行制作', { group: 'unable', doc: '条例第三十八条。' }),
  row('unable.unclear', '3.', '补正后申请内容仍不明确', { group: 'unable', doc: '条例第三十条。' }),
  row('notProcessed', '（五）', '不予处理', { group: 'results', groupLabel: true, doc: '不予处理，按理由分列。' }),
  row('notProcessed.petition', '1.', '信访举报投诉类申请', { group: 'notProcessed', doc: '条例第三十九条第一款。' }),
  row('notProcessed.repeat', '2.', '重复申请', { group: 'notProcessed', doc: '条例第三十六条第（六）项。' }),
  row('notProcessed.publication', '3.', '要求提供公开出版物', { group: 'notProcessed', doc: '条例第三十六条第（五）项。' }),
  row('notProcessed.abusive', '4.', '无正当理由大量反复申请', { group: 'notProcessed', doc: '条例第三十五条。' }),
  row('notProcessed.confirm', '5.', '要求行政机关确认或重新出具已获取信息', { group: 'notProcessed', doc: '条例第三十九条第二款。' }),
];

const TAIL_ROWS: RowSpec[] = [
  row('total', '（七）', '总计', { group: 'results', aliases: ['合计'], doc: '本年度办理结果之和：（一）至（六）各项相加。' }),
  row('carriedOut', '四、', '结转下年度继续办理', { doc: '本年度未办结、结转到下年度的申请件数。' }),
];

/** Leaf outcome rows (those with numbers) that （七）总计 sums, per version. */
const OUTCOMES_COMMON = [
  'disclosed', 'partial',
  'withheld.stateSecret', 'withheld.prohibited', 'withheld.security', 'withheld.thirdParty',
  'withheld.internal', 'withheld.process', 'withheld.enforcement', 'withheld.query',
  'unable.notHeld', 'unable.needCreate', 'unable.unclear',
  'notProcessed.petition', 'notProcessed.repeat', 'notProcessed.publication', 'notProcessed.abusive', 'notProcessed.confirm',
];

const T3_SIGNATURE = ['本年新收政府信息公开申请数量', '勾稽关系', '本年度办理结果'];

function t3(rows: RowSpec[], outcomes: string[]): TableSpec {
  const identities: Identity[] = [
    { id: 'T3.rowTotal', rule: 'GR101', kind: 'rowSum', totalColumn: 'total', partColumns: PART_COLUMNS, rows: 'all' },
    { id: 'T3.outcomeTotal', rule: 'GR102', kind: 'columnSum', totalRow: 'total', partRows: outcomes, columns: 'all' },
    { id: 'T3.balance', rule: 'GR103', kind: 'balance', left: ['new', 'carriedIn'], right: ['total', 'carriedOut'], solveFor: 'carriedOut', columns: 'all' },
  ];
  return {
    // `item` present (undefined) as in the T2 specs: every table spec has one hidden class.
    key: 'T3', section: 'requests', item: undefined, title: '表三 收到和处理政府信息公开申请情况',
    columns: T3_COLUMNS, rows, identities, signature: T3_SIGNATURE,
  };
}

export const T3_2019 = t3(
  [...HEAD_ROWS, row('other', '（六）', '其他处理', { group: 'results', doc: '其他处理情形。' }), ...TAIL_ROWS],
  [...OUTCOMES_COMMON, 'other'],
);

export const T3_2021 = t3(
  [
    ...HEAD_ROWS,
    row('other', '（六）', '其他处理', { group: 'results', groupLabel: true, doc: '其他处理，按情形分列。' }),
    row('other.noCorrection', '1.', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', {
      group: 'other', doc: '条例第三十条：申请人无正当理由逾期不补正。',
    }),
    row('other.noFee', '2.', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', {
      group: 'other', doc: '《政府信息公开信息处理费管理办法》：逾期未缴纳费用。',
    }),
    row('other.other', '3.', '其他', { group: 'other', needsGroup: true, doc: '其他处理情形。' }),
    ...TAIL_ROWS,
  ],
  [...OUTCOMES_COMMON, 'other.noCorrection', 'other.noFee', 'other.other'],
);

/** The note printed in the top-left cell of 表三. */
export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
