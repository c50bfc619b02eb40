/** No internal ids in what a reader sees: cell indexes, web-page field labels in body names. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { cleanBody } from '../../server/src/core/prose/bodyKind';
import { parseReport } from '../../server/src/core/parse/report';
import { ReportIndex, renderSummaryMarkdown } from '../../server/src/core/workspace/index';
import { CATALOGUES } from '../../server/src/core/messages/index';

const PINGTAN = readFileSync(join(__dirname, '..', 'fixtures', 'samples', '004_pingtan_2020.txt'), 'utf8');

describe('message wording', () => {
  it('a web page\'s "标题:" label is not part of the body name (summary, peers)', () => {
    assert.equal(cleanBody('标题: 平潭综合实验区'), '平潭综合实验区');
    assert.equal(cleanBody('标题：平潭综合实验区'), '平潭综合实验区');
    const index = new ReportIndex();
    index.add('file:///w/pingtan-2020.txt', PINGTAN, 0, parseReport(PINGTAN));
    const md = renderSummaryMarkdown(index.summary({}));
    assert.match(md, /\| pingtan-2020\.txt \| 平潭综合实验区 \| 2020 \|/);
    assert.doesNotMatch(md, /标题/);
  });

  it('no finding message on the samples names a cell by an index ("#3")', () => {
    for (const f of ['000_a3bf536ec8a0a8f8.txt', '001_41ca7fe939626b0f.txt', '003_229742694c41f912.txt', '004_pingtan_2020.txt']) {
      const text = readFileSync(join(__dirname, '..', 'fixtures', 'samples', f), 'utf8');
      for (const locale of ['zh-cn', 'en'] as const) {
        for (const x of analyze(text, { locale }).findings) assert.doesNotMatch(x.message, /#\d/, `${f}: ${x.message}`);
      }
    }
    for (const cat of Object.values(CATALOGUES)) for (const m of Object.values(cat)) assert.doesNotMatch(m, /#\{/);
  });
});
