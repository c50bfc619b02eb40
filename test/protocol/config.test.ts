/** .govreport.jsonc and suppression comments over LSP: live re-check on a config change, the suppression quick fix. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ensureBuilt, readSample, TestClient } from './client';

describe('.govreport.jsonc and suppressions over LSP', () => {
  let client: TestClient;
  let dir: string;
  const text = readSample('003').text;

  before(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'govreport-cfg-'));
    client = new TestClient();
    await client.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      initializationOptions: { locale: 'zh-cn' },
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    await client.conn.sendNotification('initialized', {});
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  it('writing a .govreport.jsonc beside an open report changes its diagnostics live; its errors land on the config file', async () => {
    const uri = uriOf('report.txt');
    writeFileSync(join(dir, 'report.txt'), text);
    client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 8000);
    const code = String(first.diagnostics[0]!.code);
    const from = client.publishes.length;
    const cfg = join(dir, '.govreport.jsonc');
    const cfgText = `{\n  // 已核对\n  "rules": { "${code}": "off", "GR998": "error" }\n}\n`;
    writeFileSync(cfg, cfgText);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).href, type: 1 }] });
    const after = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === code), 8000, from);
    assert.equal(after.diagnostics.length, first.diagnostics.filter((d) => d.code !== code).length);
    const onCfg = await client.waitForDiagnostics(pathToFileURL(cfg).href, (p) => p.diagnostics.length > 0, 8000);
    assert.equal(onCfg.diagnostics.length, 1);
    assert.match(String(onCfg.diagnostics[0]!.message), /GR998/);
    assert.deepEqual(onCfg.diagnostics[0]!.range.start, { line: 2, character: cfgText.split('\n')[2]!.indexOf('"GR998"') });
    rmSync(cfg);
    const from2 = client.publishes.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).href, type: 3 }] });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === code), 8000, from2);
    client.close(uri);
  });

  it('the status bar (govreport/reportInfo) names the version the report is checked against, config override included', async () => {
    const sub = join(dir, 'v');
    mkdirSync(sub);
    const uri = pathToFileURL(join(sub, 'report.txt')).href;
    writeFileSync(join(sub, 'report.txt'), text);
    client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 8000);
    const before = await client.request<{ year: number | null; version: string | null }>('govreport/reportInfo', { uri });
    assert.ok(before && before.year !== null && before.version !== null, JSON.stringify(before));
    const other = before.version === '2021' ? '2019' : '2021';
    const cfg = join(sub, '.govreport.jsonc');
    writeFileSync(cfg, `{ "version": "${other}" }\n`);
    const from = client.publishes.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).href, type: 1 }] });
    await client.waitForDiagnostics(uri, () => true, 8000, from);
    let info: unknown = null;
    for (let i = 0; i < 40; i++) { // the re-check after a config change is scheduled, not immediate
      info = await client.request('govreport/reportInfo', { uri });
      if ((info as { version?: string } | null)?.version === other) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const got = info as { year: number | null; version: string | null } | null;
    assert.deepEqual(got && { year: got.year, version: got.version }, { year: before.year, version: other });
    client.close(uri);
  });

  it('the suppression quick fixes insert the plain form in .txt; applied, the diagnostic is gone', async () => {
    const uri = uriOf('other.txt');
    client.open(uri, text);
    const p: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0, 8000);
    const d = p.diagnostics[0]!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const line = actions.find((a) => a.title === `在此行忽略 ${String(d.code)}`);
    assert.ok(line, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === `在本文件忽略 ${String(d.code)}`), 'file');
    const edits = (line!.edit!.changes?.[uri] ?? (line!.edit!.documentChanges?.[0] as { edits: TextEdit[] }).edits) as TextEdit[];
    assert.match(edits[0]!.newText, /^\s*【govreport-disable-next-line GR\d{3}】\r?\n$/);
    const doc = TextDocument.create(uri, 'plaintext', 1, text);
    const next = TextDocument.applyEdits(doc, edits);
    const from = client.publishes.length;
    client.change(uri, 2, [{ text: next }]);
    const after = await client.waitForDiagnostics(uri, (x) => x.version === 2, 8000, from);
    const same = (x: typeof d) => x.code === d.code && x.range.start.line === d.range.start.line + 1 && x.range.start.character === d.range.start.character;
    assert.ok(!after.diagnostics.some(same), JSON.stringify([d, after.diagnostics.filter((x) => x.code === d.code || x.code === 'GR009')]));
    assert.ok(!after.diagnostics.some((x) => x.code === 'GR009'), JSON.stringify([edits, after.diagnostics.filter((x) => x.code === 'GR011').map((x) => x.range.start)]));
    assert.equal(after.diagnostics.length, p.diagnostics.length - p.diagnostics.filter((x) => x.code === d.code && x.range.start.line === d.range.start.line).length);
  });
});
