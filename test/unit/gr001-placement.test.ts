/** GR001's fix puts a deleted heading where the orphaned section's content starts. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/features/fixAll';

const HUAIAN = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'huaian-2024.txt'), 'utf8');

function without(text: string, heading: RegExp): { text: string; line: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => heading.test(l));
  assert.ok(line > 0);
  return { text: [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n'), line };
}

describe('GR001 placement', () => {
  it('deleted "五、…": inserted before 五\'s first paragraph (after 四\'s table), not above 六', () => {
    const { text, line } = without(HUAIAN, /^\s*五、存在的主要问题/);
    const f = analyze(text).findings.filter((x) => x.code === 'GR001');
    assert.equal(f.length, 1);
    const fixed = applyEdits(text, f[0]!.fixes![0]!.edits);
    const lines = fixed.split('\n');
    assert.match(lines[line]!, /^\s*五、存在的主要问题及改进情况$/);
    assert.match(lines[line + 1]!, /对照上级新要求和公众新期待/);
    assert.equal(analyze(fixed).findings.filter((x) => x.code === 'GR001').length, 0);
    // The section 五 now holds its text: 四 ends before it.
    const model = analyze(fixed).model;
    const five = model.sections.find((s) => s.key === 'problems')!;
    assert.ok(model.source.text.slice(five.span.start, five.span.end).includes('政策解读质量仍需提升'));
  });

  it('deleted "六、…" after 五 (no table signal): still before the next heading / at the end', () => {
    const { text } = without(HUAIAN, /^\s*六、其他需要报告的事项/);
    const f = analyze(text).findings.filter((x) => x.code === 'GR001');
    assert.equal(f.length, 1);
    assert.ok(f[0]!.fixes![0]!.edits[0]!.span.start >= text.indexOf('全面提升政务公开工作队伍水平'));
  });
});
