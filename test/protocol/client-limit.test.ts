/**
 * A client that declares how many diagnostics per file it keeps (the VS Code client: 1000, and that
 * it completes source and rule links itself) gets at most that many for a report with more findings,
 * the last one a note of the server's; a client that declares nothing gets all of them, complete.
 * The status bar's counts (govreport/reportInfo) are of all the findings either way.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ensureBuilt, readSample, TestClient } from './client';

describe('diagnostics per file, with and without a declared limit', () => {
  const base = readSample('huaian').text;
  // ~1 MB: the typical report repeated, as scripts/bench-lsp.mjs builds it (~1600 findings).
  const big = Array.from({ length: 95 }, () => base).join('\n');
  const uri = 'file:///reports/big.txt';
  let limited: TestClient;
  let unlimited: TestClient;

  before(async () => {
    ensureBuilt();
    limited = new TestClient();
    unlimited = new TestClient();
    await limited.initialize({ locale: 'zh-cn', docsBase: 'file:///ext/docs/rules/', maxDiagnosticsPerFile: 1000, completesDiagnostics: true });
    await unlimited.initialize({ locale: 'zh-cn', docsBase: 'file:///ext/docs/rules/' });
  });
  after(async () => {
    await limited?.stop();
    await unlimited?.stop();
  });

  it('limited: 999 findings and one note; unlimited: every finding; the same first 999', async () => {
    limited.open(uri, big);
    unlimited.open(uri, big);
    const all = (await unlimited.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000)).diagnostics;
    const few = (await limited.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000)).diagnostics;
    assert.ok(all.length > 1000, `${all.length} findings: the test needs more than 1000`);
    assert.equal(few.length, 1000);
    const note = few[999]!;
    assert.equal(note.severity, 3);
    assert.equal(note.code, undefined);
    const errors = all.filter((d) => d.severity === 1).length;
    const warnings = all.filter((d) => d.severity === 2).length;
    assert.match(String(note.message), new RegExp(`^另有 ${all.length - 999} 条检查结果未显示.*本文件共 ${errors} 个错误、${warnings} 个警告`));
    // Where VS Code would have put its marker: at the 1000th diagnostic it keeps.
    assert.deepEqual(note.range, all[999]!.range);
    // The client completes source and rule link; otherwise the diagnostics are the same.
    for (const d of few) assert.ok(d.source === undefined && d.codeDescription === undefined, JSON.stringify(d));
    const completed = few.slice(0, 999).map((d): Diagnostic => ({ ...d, codeDescription: { href: `file:///ext/docs/rules/${String(d.code)}.md` }, source: 'govreport' }));
    assert.deepEqual(completed.map((d) => JSON.stringify(d, Object.keys(d).sort())), all.slice(0, 999).map((d) => JSON.stringify(d, Object.keys(d).sort())));
    // The status bar's counts are the totals, not what was sent.
    for (const c of [limited, unlimited]) {
      const info = await c.request<{ errors: number; warnings: number }>('govreport/reportInfo', { uri });
      assert.deepEqual([info.errors, info.warnings], [errors, warnings]);
    }
  });
});
