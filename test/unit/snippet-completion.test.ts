/** Snippets served by the server: the document's version only, last year by default, skeleton only without a title. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { snippetCompletions } from '../../server/src/core/features/snippetCompletion';
import { parseReport } from '../../server/src/core/parse/report';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sample } from './helpers';

const NOW = new Date('2026-02-10T08:00:00Z');

describe('snippet completion', () => {
  it('an empty document: "年报" gives the skeleton of last year (2025, 2021 format)', () => {
    const items = snippetCompletions('年报', 2, null, NOW);
    assert.equal(items.length, 1);
    assert.equal(items[0]!.kind, 'snippet');
    assert.deepEqual(items[0]!.span, { start: 0, end: 2 });
    assert.match(items[0]!.insertText, /^\$\{1:某某县人民政府\}\$\{2:2025\}年政府信息公开工作年度报告/);
    assert.match(items[0]!.detail!, /2025年度，2021版格式/);
  });

  it('a 2021-format report: its tables only, no 2019 ones, and no second skeleton', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'samples', 'huaian-2024.txt'), 'utf8');
    const model = parseReport(text);
    assert.equal(model.usedVersion ?? model.expectedVersion, '2021');
    const at = text.indexOf('\n', text.indexOf('三、')) + 1;
    const withTyped = text.slice(0, at) + '表' + text.slice(at);
    const items = snippetCompletions(withTyped, at + 1, parseReport(withTyped), NOW);
    assert.ok(items.length >= 2);
    assert.ok(items.every((i) => i.detail!.endsWith('（2021版格式）')), items.map((i) => i.detail).join());
    assert.ok(!items.some((i) => /年度报告（/.test(i.detail!)));
  });

  it('a 2019-format report gets the 2019 tables', () => {
    const text = sample('001'); // 2019 format
    const model = parseReport(text);
    const items = snippetCompletions(text + '\n表三', text.length + 3, parseReport(text + '\n表三'), NOW);
    assert.equal(model.usedVersion ?? model.expectedVersion, '2019');
    assert.equal(items.length, 1);
    assert.equal(items[0]!.detail, '表三 收到和处理政府信息公开申请情况（2019版格式）');
  });

  it('quiet in prose and inside tables', () => {
    assert.deepEqual(snippetCompletions('本机关认真落实要求，年报', 12, null, NOW), []);
    assert.deepEqual(snippetCompletions('| 表', 3, null, NOW), []);
  });
});
