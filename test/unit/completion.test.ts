// Completion: missing section headings at a line start, missing row labels in a table's label
// column, 第二十条 items after "第二十条第（".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completions } from '../../server/src/core/features/completion';
import { parseReport } from '../../server/src/core/parse/report';
import { renderTable } from '../../server/src/core/render/markdownTable';
import { tableSpec } from '../../server/src/core/standard/versions';

/** Completions at the "¦" marker of a text. */
function at(marked: string) {
  const offset = marked.indexOf('¦');
  const text = marked.replace('¦', '');
  return { text, items: completions(parseReport(text), offset), offset };
}

const TITLE = '紫阳县2024年政府信息公开工作年度报告\n\n';

describe('completion: section headings', () => {
  it('offers the missing headings in standard order at the start of an empty line', () => {
    const { items, text } = at(`${TITLE}一、总体情况\n\n正文。\n\n¦\n\n四、政府信息公开行政复议、行政诉讼情况\n`);
    assert.deepEqual(items.map((i) => i.label), [
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    assert.ok(items.every((i) => i.kind === 'heading' && i.insertText === i.label));
    assert.deepEqual(items.map((i) => i.sortText), [...items.map((i) => i.sortText)].sort());
    const i = items[1]!;
    assert.equal(text.slice(i.span.start, i.span.end), '');
    assert.match(i.documentation!, /表三/);
  });

  it('follows the document numbering style ("一." → "三.") and replaces what was typed', () => {
    const { items, text } = at(`${TITLE}一.总体情况\n\n二.主动公开政府信息情况\n\n三¦\n`);
    const three = items.find((i) => i.label.startsWith('三'))!;
    assert.equal(three.insertText, '三.收到和处理政府信息公开申请情况');
    assert.equal(text.slice(three.span.start, three.span.end), '三');
  });

  it('is quiet in the middle of prose', () => {
    assert.deepEqual(at(`${TITLE}一、总体情况\n\n本年度我们¦\n`).items, []);
  });
});

describe('completion: 第二十条 items', () => {
  it('2021: （一）（五）（六）（八）; 2019 also （九）; replaces through "）项"', () => {
    const r21 = at(`${TITLE}二、主动公开政府信息情况\n\n第二十条第（¦）项\n`);
    assert.deepEqual(r21.items.map((i) => i.insertText), ['一）项', '五）项', '六）项', '八）项']);
    assert.equal(r21.text.slice(r21.items[0]!.span.start, r21.items[0]!.span.end), '）项');
    assert.ok(r21.items.every((i) => i.kind === 'item' && i.documentation));
    assert.match(r21.items[3]!.documentation!, /本年收费金额/);
    const r19 = at('紫阳县2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条 第(¦\n');
    assert.deepEqual(r19.items.map((i) => i.label.slice(0, 3)), ['（一）', '（五）', '（六）', '（八）', '（九）']);
  });
});

describe('completion: table row labels', () => {
  const t3 = tableSpec('2021', 'T3')!;
  const lines = renderTable(t3, new Map(), { eol: '\n', blank: '0' }).split('\n');

  it('offers only the rows the table lacks, with their documentation, indented as in the canonical layout', () => {
    // Keep header, delimiter and the first three rows; the cursor starts a new row.
    const table = [...lines.slice(0, 5), '| ¦'].join('\n');
    const { items, text } = at(`${TITLE}三、收到和处理政府信息公开申请情况\n\n${table}\n`);
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('一、本年新收政府信息公开申请数量'));
    assert.ok(!labels.includes('三、本年度办理结果'));
    assert.equal(labels[0], '（一）予以公开');
    assert.ok(labels.includes('四、结转下年度继续办理'));
    const first = items[0]!;
    assert.equal(first.kind, 'row');
    assert.equal(first.documentation, t3.rows.find((r) => r.key === 'disclosed')!.doc);
    // A new row gets its value cells as tab stops.
    assert.equal(first.insertText, '\u3000（一）予以公开 | ${1:0} | ${2:0} | ${3:0} | ${4:0} | ${5:0} | ${6:0} | ${7:0} |');
    assert.equal(first.insertTextFormat, 'snippet');
    assert.equal(text.slice(first.span.start, first.span.end), '');
  });

  it('replaces the label cell only, when the row already has its cells', () => {
    const table = [...lines.slice(0, 4), '| 予以¦ | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'].join('\n');
    const { items, text } = at(`${TITLE}三、收到和处理政府信息公开申请情况\n\n${table}\n`);
    const item = items.find((i) => i.label === '（一）予以公开')!;
    assert.equal(item.insertText, '\u3000（一）予以公开');
    assert.equal(text.slice(item.span.start, item.span.end), '予以');
  });

  it('T2 by its caption; T4 by its header', () => {
    const t2 = renderTable(tableSpec('2021', 'T2.6')!, new Map(), { eol: '\n', blank: '0' }).split('\n');
    const r = at(`${TITLE}二、主动公开政府信息情况\n\n第二十条第（六）项\n\n${t2.slice(0, 3).join('\n')}\n| ¦\n`);
    assert.deepEqual(r.items.map((i) => i.label), ['行政强制']);
    const t4 = renderTable(tableSpec('2021', 'T4')!, new Map(), { eol: '\n', blank: '0' }).split('\n');
    const r4 = at(`${TITLE}${t4.slice(0, 3).join('\n')}\n| ¦\n`);
    assert.deepEqual(r4.items.map((i) => i.label), ['行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉']);
    assert.match(r4.items[0]!.insertText, /\$\{5:0\} \|$/);
  });

  it('nothing in the header, the delimiter row or a value cell', () => {
    const table = lines.slice(0, 3).join('\n');
    const text = `${TITLE}${table}\n`;
    const headerOffset = text.indexOf('勾稽');
    assert.deepEqual(completions(parseReport(text), headerOffset), []);
    const valueOffset = text.lastIndexOf('| 0') + 2;
    assert.deepEqual(completions(parseReport(text), valueOffset), []);
  });
});
