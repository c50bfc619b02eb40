/**
 * SectionWalk.at reads its sections with explicit bounds (a read past the end deoptimised the
 * sentence splitter): the key of the section holding each offset, null outside every section or
 * when there is none, the same as a plain search of the spans.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { SectionWalk } from '../../server/src/core/prose/prose';

const SAMPLE = join(__dirname, '..', 'fixtures', 'samples', 'huaian-2024.txt');

describe('SectionWalk', () => {
  it('no sections: null at every offset', () => {
    const walk = new SectionWalk([]);
    for (const offset of [0, 1, 100]) assert.equal(walk.at(offset), null);
  });

  it('a real report: the key of the section holding each offset, null before the first and past the last', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const { sections } = parseReport(text);
    assert.ok(sections.length > 2);
    const walk = new SectionWalk(sections);
    for (let offset = 0; offset <= text.length + 10; offset += 7) {
      const holder = sections.find((s) => offset >= s.span.start && offset < s.span.end);
      assert.equal(walk.at(offset), holder ? holder.key : null, `offset ${offset}`);
    }
  });
});
