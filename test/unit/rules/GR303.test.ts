// GR303: more than half of the text repeats last year's report of the same body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { none, one, peer, reportText } from './scenario';

const URI = 'file:///reports/2023.md';
const OVERVIEW = (y: number) => [
  `${y}年，本局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，围绕县委县政府中心工作，扎实推进政府信息公开工作。`,
  '一是加强组织领导，调整政务公开工作领导小组，明确分管领导和具体工作人员，形成主要领导亲自抓、分管领导具体抓、工作人员抓落实的工作格局。',
  '二是完善制度建设，修订政府信息公开保密审查制度和依申请公开办理流程，规范登记、审核、答复、归档各环节。',
  '三是拓宽公开渠道，依托县政府门户网站、政务新媒体和政务服务大厅，及时发布教育政策、招生入学、学生资助等群众关注的信息。',
  '四是强化监督考核，将政府信息公开工作纳入年度目标考核，定期开展自查，及时整改发现的问题。',
];
const other = [
  '本年度我局把政务公开作为转变作风的抓手，重点公开义务教育招生划片、校外培训机构监管、教师招聘和学生营养改善计划执行情况。',
  '全年组织开展政务公开专题培训两次，参训人员覆盖各股室和局属学校，并邀请县政务公开办进行现场指导。',
  '针对群众反映集中的课后服务收费问题，我局通过新闻发布会和答记者问形式作出解读，回应社会关切。',
  '在网站栏目优化方面，我局对照标准目录清理过期栏目七个，新增教育督导、民办教育两个专栏，做到信息分类清晰、查找便捷。',
];

describe('GR303 repeated text', () => {
  it('last year’s overview copied with only the years changed: on the title, related to last year’s title', () => {
    const text = reportText({ prose: [OVERVIEW(2024), [], [], [], [], ['本年度未收取信息处理费。']] });
    const prev = reportText({ year: 2023, prose: [OVERVIEW(2023), [], [], [], [], ['本年度未收取信息处理费。']] });
    const f = one(text, 'GR303', { peers: [peer(prev, URI)] });
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, 1);
    assert.equal(f.text, '某县教育局2024年政府信息公开工作年度报告');
    assert.match(f.message, /^正文约\d+%与2023年度报告相同，可能照搬了上年报告$/);
    const percent = Number(/约(\d+)%/.exec(f.message)![1]);
    assert.ok(percent > 50 && percent <= 100);
    const rel = f.finding.related![0]!;
    assert.equal(rel.uri, URI);
    assert.equal(prev.slice(rel.span.start, rel.span.end), '某县教育局2023年政府信息公开工作年度报告');
  });

  it('does not fire when the text was rewritten, nor when the text is too short to compare', () => {
    const text = reportText({ prose: [other, [], [], [], [], ['本年度未收取信息处理费。']] });
    const prev = reportText({ year: 2023, prose: [OVERVIEW(2023), [], [], [], [], ['本年度未收取信息处理费。']] });
    none(text, 'GR303', { peers: [peer(prev, URI)] });
    // identical but short: too little text to judge
    const short = (year: number) => reportText({ year, prose: [['无。'], [], [], [], [], ['未收取信息处理费。']] });
    none(short(2024), 'GR303', { peers: [peer(short(2023), URI)] });
  });

  it('does not compare with a report of another body', () => {
    const text = reportText({ prose: [OVERVIEW(2024), [], [], [], [], ['本年度未收取信息处理费。']] });
    const prev = reportText({ year: 2023, body: '某县财政局', prose: [OVERVIEW(2023), [], [], [], [], ['本年度未收取信息处理费。']] });
    none(text, 'GR303', { peers: [peer(prev, URI)] });
  });
});
