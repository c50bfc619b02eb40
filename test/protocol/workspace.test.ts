/** Workspace reports over LSP: background indexing of the folder, GR3xx peers from files on disk, the summary request. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ensureBuilt, readSample, ROOT, TestClient } from './client';

describe('workspace reports (GR3xx peers, 汇总本工作区年报)', () => {
  let client: TestClient;
  let dir: string;
  const last = readSample('000').text; // 紫阳县 2019
  const copied = last.replace('紫阳县2019年度', '紫阳县2020年度').replace(/2019年/g, '2020年');

  before(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'govreport-ws-'));
    writeFileSync(join(dir, 'ziyang-2019.txt'), last);
    writeFileSync(join(dir, 'notes.md'), '# 会议纪要\n\n与年报无关。\n');
    for (const y of [2022, 2023]) writeFileSync(join(dir, `qinghe-${y}.md`), readFileSync(join(ROOT, 'test', 'fixtures', 'pairs', `qinghe-${y}.md`), 'utf8'));
    client = new TestClient();
    await client.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      initializationOptions: { locale: 'zh-cn' },
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    await client.conn.sendNotification('initialized', {});
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const has303 = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'GR303');

  it('an open report is compared with last year\'s report read from the workspace folder', async () => {
    const uri = pathToFileURL(join(dir, 'ziyang-2020.txt')).href;
    client.open(uri, copied);
    const p = await client.waitForDiagnostics(uri, has303, 8000);
    const d = p.diagnostics.find((x) => x.code === 'GR303')!;
    assert.match(String(d.message), /2019年度报告/);
    const rel = d.relatedInformation?.[0];
    assert.equal(rel?.location.uri, pathToFileURL(join(dir, 'ziyang-2019.txt')).href);
    assert.equal(rel?.location.range.start.line, 0);
  });

  it('a changed file on disk is re-read (didChangeWatchedFiles) and the dependant re-checked', async () => {
    const uri = pathToFileURL(join(dir, 'ziyang-2020.txt')).href;
    const from = client.publishes.length;
    const file = join(dir, 'ziyang-2019.txt');
    writeFileSync(file, `紫阳县2019年度政府信息公开工作年度报告\n${readSample('002').text.split('\n').slice(10).join('\n')}`);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await client.waitForDiagnostics(uri, (p) => !has303(p), 8000, from);
  });

  it('govreport/workspaceSummary: every report of the folder, open or not, as Markdown', async () => {
    const r = await client.request<{ markdown: string; reports: number }>('govreport/workspaceSummary', null);
    assert.equal(r.reports, 4); // ziyang-2019 (disk), ziyang-2020 (open), qinghe-2022/2023 (disk); notes.md is no report
    assert.match(r.markdown, /^<!-- govreport:generated -->\n# 本工作区年报汇总/);
    for (const name of ['ziyang-2019.txt', 'ziyang-2020.txt', 'qinghe-2022.md', 'qinghe-2023.md']) assert.ok(r.markdown.includes(`| ${name} |`), name);
    assert.match(r.markdown, /## 2023年度合计（1 份）/);
  });

  it('the generated summary is never analysed: not as an open govreport/Markdown document, not when saved in the folder', async () => {
    const r = await client.request<{ markdown: string; reports: number }>('govreport/workspaceSummary', null);
    const file = join(dir, '政府信息公开工作年度报告汇总.md');
    writeFileSync(file, r.markdown);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
    const asGovreport = 'untitled:summary-1';
    const asMarkdown = pathToFileURL(file).href;
    client.open(asGovreport, r.markdown, 'govreport');
    client.open(asMarkdown, r.markdown, 'markdown');
    // A report opened afterwards is answered; by then the two summaries would have been published.
    const probe = pathToFileURL(join(dir, 'qinghe-2023.md')).href;
    client.open(probe, readFileSync(join(dir, 'qinghe-2023.md'), 'utf8'), 'markdown');
    await client.waitForDiagnostics(probe, () => true, 8000);
    await new Promise((res) => setTimeout(res, 400));
    assert.equal(client.publishesFor(asGovreport).filter((p) => p.diagnostics.length).length, 0);
    assert.equal(client.publishesFor(asMarkdown).filter((p) => p.diagnostics.length).length, 0);
    const again = await client.request<{ markdown: string; reports: number }>('govreport/workspaceSummary', null);
    assert.equal(again.reports, 4);
  });
});
