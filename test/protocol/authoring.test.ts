/** The authoring requests behind 新建年度报告 / 插入统计表 (the client only prompts and applies). */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { ensureBuilt, readSample, TestClient } from './client';

interface TableChoices { title: string; version: string; items: { key: string; label: string; detail?: string }[] }

describe('authoring requests (govreport/newReport, tableChoices, tableTemplate)', () => {
  let client: TestClient;
  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize({ locale: 'zh-cn' });
  });
  after(async () => { await client.stop(); });

  it('answers the prompt texts in the initialize locale and last year as the default', async () => {
    const r = await client.request<{ texts: Record<string, string>; defaultYear: number }>('govreport/authoringTexts', {});
    assert.match(r.texts.bodyPrompt!, /报告机关名称/);
    assert.match(r.texts.noEditor!, /统计表/);
    assert.equal(r.defaultYear, new Date().getFullYear() - 1);
  });

  it('orders the kinds by the body name and names the version of the year', async () => {
    const gov = await client.request<{ kinds: { bodyKind: string }[]; placeHolder: string }>('govreport/newReportKinds', { body: '紫阳县人民政府', year: 2024 });
    assert.deepEqual(gov.kinds.map((k) => k.bodyKind), ['government', 'department']);
    assert.match(gov.placeHolder, /^2021版/);
    const dept = await client.request<{ kinds: { bodyKind: string }[] }>('govreport/newReportKinds', { body: '紫阳县生态环境局', year: 2024 });
    assert.deepEqual(dept.kinds.map((k) => k.bodyKind), ['department', 'government']);
    assert.equal(await client.request('govreport/newReportKinds', { body: 'x', year: 'soon' }), null);
  });

  it('writes a new report that the checker reads back with its body, year and every table', async () => {
    const r = await client.request<{ text: string }>('govreport/newReport', { body: ' 紫阳县人民政府 ', year: 2024, kind: 'government' });
    const model = parseReport(r.text);
    assert.equal(model.year, 2024);
    assert.equal(model.usedVersion, '2021');
    assert.ok(r.text.startsWith('紫阳县人民政府'), r.text.slice(0, 40));
    assert.ok(model.tables.length >= 4, `tables: ${model.tables.map((t) => t.key).join(',')}`);
    assert.equal(await client.request('govreport/newReport', { body: '', year: 2024, kind: 'government' }), null);
    assert.equal(await client.request('govreport/newReport', { body: 'x', year: 2024, kind: 'city' }), null);
  });

  it('lists the tables of an open report\'s version, marks those present, and templates one with the document\'s EOL', async () => {
    const uri = 'file:///authoring/huaian.txt';
    client.open(uri, readSample('huaian').text);
    const choices = await client.request<TableChoices>('govreport/tableChoices', { uri });
    assert.equal(choices.version, '2021');
    assert.match(choices.title, /2021版/);
    assert.ok(choices.items.some((i) => i.key === 'T3' && i.detail === '✓'));
    const unknown = await client.request<TableChoices>('govreport/tableChoices', { uri: 'file:///not-open.txt' });
    assert.ok(unknown.items.every((i) => i.detail === undefined));
    const crlf = await client.request<{ snippet: string }>('govreport/tableTemplate', { version: choices.version, table: 'T3', eol: '\r\n' });
    assert.match(crlf.snippet, /\r\n/);
    assert.doesNotMatch(crlf.snippet.replace(/\r\n/g, ''), /\n/);
    assert.match(crlf.snippet, /\$\{\d+:0\}/, 'figure cells are tab stops');
    assert.equal(await client.request('govreport/tableTemplate', { version: '2021', table: 'T2.9', eol: '\n' }), null);
    assert.equal(await client.request('govreport/tableTemplate', { version: '1999', table: 'T3', eol: '\n' }), null);
  });
});
