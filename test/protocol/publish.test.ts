/** Preview / export / import over LSP: dist/server.js loads dist/publish.js on the first such request. */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, readSample, ROOT, TestClient } from './client';

describe('publish requests (dist/publish.js, loaded on demand)', () => {
  let client: TestClient;
  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize();
  });
  after(async () => { await client.stop(); });

  it('the start-up bundles do not contain docx / mammoth: they are in dist/publish.js', () => {
    const read = (f: string) => readFileSync(join(ROOT, 'dist', f), 'utf8');
    for (const f of ['server.js', 'client.js']) assert.doesNotMatch(read(f), /mammoth|wordprocessingml/, f);
    assert.match(read('publish.js'), /wordprocessingml/);
  });

  it('govreport/preview answers the body HTML with the official merged headers and findings on cells', async () => {
    const { text } = readSample('001');
    const uri = 'file:///tmp/publish-001.txt';
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const r = await client.conn.sendRequest<{ html: string; version: number; errors: number } | null>('govreport/preview', { uri });
    assert.ok(r);
    assert.equal(r.version, 1);
    assert.ok(r.errors > 0);
    assert.match(r.html, /<th colspan="7">申请人情况<\/th>/);
    // The tooltip names each finding's severity from the catalogue (the server's locale, zh-cn here).
    assert.match(r.html, /class="gr-error" title="错误 GR10/);
    assert.equal(await client.conn.sendRequest('govreport/preview', { uri: 'file:///not/open.txt' }), null);
  });

  it('exportDocx → importDocx gives back the canonical report', async () => {
    const { text } = readSample('huaian');
    const uri = 'file:///tmp/publish-huaian.txt';
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const d = await client.conn.sendRequest<{ data: string; errors: number }>('govreport/exportDocx', { uri });
    assert.equal(d.errors, 0);
    assert.equal(Buffer.from(d.data, 'base64').subarray(0, 2).toString('latin1'), 'PK');
    const i = await client.conn.sendRequest<{ markdown: string }>('govreport/importDocx', { data: d.data });
    assert.match(i.markdown, /\| 行政诉讼·复议后起诉 +\| +12 \|/);
  });

  it('exportDocx says what the document does differently from the text (013: 表四 pieces joined)', async () => {
    const { text } = readSample('013');
    const uri = 'file:///tmp/publish-013.txt';
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const d = await client.conn.sendRequest<{ data: string; notes: string[] }>('govreport/exportDocx', { uri });
    assert.ok(d.notes.some((n) => /^表四 政府信息公开行政复议、行政诉讼情况原为3个分开的小表格/.test(n)), d.notes.join('\n'));
    const p = await client.conn.sendRequest<{ notes: string[]; warnings: number }>('govreport/preview', { uri });
    assert.deepEqual(p.notes, d.notes);
    assert.equal(typeof p.warnings, 'number');
  });
});
