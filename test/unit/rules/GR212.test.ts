// GR212: in “共 N …，其中 A …、B …” the parts add up to more than the total.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOf, none, one, proseWith, reportText } from './scenario';

const saying = (sentence: string) => reportText({ prose: proseWith(1, [sentence]) });

describe('GR212 parts exceed total', () => {
  it('“共计1146条。其中，…1046条，…383条”: 1429 > 1146', () => {
    const sentence = '全年主动公开政府信息共计1146条。其中，通过政府网站公开1046条，通过政务新媒体公开383条。';
    const text = saying(sentence);
    const f = one(text, 'GR212');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '其中，通过政府网站'));
    assert.match(f.message, /^“其中”各项之和为1429条（1046 \+ 383），超过总数1146条：/);
    const rel = f.finding.related![0]!;
    assert.equal(text.slice(rel.span.start, rel.span.end), '1146');
    assert.match(rel.message, /总数：1146条/);
  });

  it('in one sentence too', () => {
    const f = one(saying('全年共公开政府信息120条，其中政策文件80条、工作动态50条。'), 'GR212');
    assert.match(f.message, /各项之和为130条（80 \+ 50），超过总数120条/);
  });

  it('does not fire when the parts add up to the total or less (the list may be partial)', () => {
    none(saying('全年共公开政府信息120条，其中政策文件80条、工作动态40条。'), 'GR212');
    none(saying('全年共公开政府信息120条，其中政策文件80条。'), 'GR212');
  });

  it('does not fire on parts in another unit, or with 同比 increases', () => {
    none(saying('全年共公开政府信息120条，其中政策文件80条，涉及部门150个。'), 'GR212');
    none(saying('全年共公开政府信息120条，其中政策文件同比增加130条。'), 'GR212');
  });

  it('a total in 万 (“1.26万条”) is 12600, so 8000 + 4600 does not exceed it', () => {
    none(saying('全年共发布信息1.26万条，其中网站发布8000条，新媒体发布4600条。'), 'GR212');
  });
});
