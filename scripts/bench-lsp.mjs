#!/usr/bin/env node
/**
 * The language server over stdio (issue 13 goals), on dist/server.js as it ships:
 *   start   process spawn → first publishDiagnostics of an opened typical report (goal ≤ 150 ms)
 *   edit    didChange → publishDiagnostics of that version, minus the server's 150 ms debounce,
 *           p50/p95 on a typical report (goal ≤ 5 ms p95) and on a ~1 MB report (goal ≤ 20 ms p95)
 * Prints JSON-free lines; asserts nothing. Run `npm run build` first (`npm run bench` calls it).
 *   node scripts/bench-lsp.mjs [typical.txt] [big.txt]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEBOUNCE_MS = 150; // server/src/lsp/scheduler.ts
const typicalPath = process.argv[2] ?? join(root, 'test', 'fixtures', 'samples', 'huaian-2024.txt');
const typical = readFileSync(typicalPath, 'utf8').replace(/^\uFEFF/, '');
const big = process.argv[3] ? readFileSync(process.argv[3], 'utf8') : bigReport(1024 * 1024);

/** ~`bytes` of report: the typical one repeated (as scripts/bench.ts builds its synthetic report). */
function bigReport(bytes) {
  const parts = [typical];
  let size = Buffer.byteLength(typical);
  while (size < bytes) { parts.push('\n' + typical); size += Buffer.byteLength(typical) + 1; }
  return parts.join('');
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const f = (ms) => ms.toFixed(1);

async function startServer() {
  const t0 = now();
  const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = now();
    for (const w of waiters.splice(0)) if (!w(p, at)) waiters.push(w);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null, initializationOptions: { locale: 'zh-cn' },
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});
  /** Resolves with the arrival time of the first publish for `uri` at `version`. */
  const published = (uri, version) => new Promise((resolve) => {
    waiters.push((p, at) => (p.uri === uri && p.version === version ? (resolve(at), true) : false));
  });
  const stop = async () => {
    try { await conn.sendRequest('shutdown'); await conn.sendNotification('exit'); } catch { /* already gone */ }
    conn.dispose();
    proc.kill();
  };
  return { conn, t0, published, stop };
}

async function startToFirstDiagnostics() {
  const s = await startServer();
  const uri = 'file:///bench/typical.txt';
  const p = s.published(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: typical } });
  const at = await p;
  await s.stop();
  return at - s.t0;
}

/** Alternately inserts and deletes one character at the end of line 3: text and findings stay comparable. */
async function editLatency(text, edits) {
  const s = await startServer();
  const uri = 'file:///bench/edit.txt';
  const first = s.published(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
  await first;
  const line = 2;
  const col = text.split('\n')[line].length;
  const xs = [];
  for (let v = 2; v < edits + 2; v++) {
    const insert = v % 2 === 0;
    const range = insert ? { start: { line, character: col }, end: { line, character: col } } : { start: { line, character: col }, end: { line, character: col + 1 } };
    const p = s.published(uri, v);
    const t = now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert ? '。' : '' }] });
    xs.push((await p) - t - DEBOUNCE_MS);
  }
  await s.stop();
  return xs;
}

const starts = [];
for (let i = 0; i < 5; i++) starts.push(await startToFirstDiagnostics());
console.log(`\nLanguage server over stdio (dist/server.js, debounce ${DEBOUNCE_MS} ms subtracted from edits):`);
console.log(`  start → first diagnostics (typical report)   median ${f(pct(starts, 0.5))} ms  (goal ≤ 150 ms)  runs: ${starts.map(f).join(' ')}`);
const small = await editLatency(typical, 40);
console.log(`  edit → fresh diagnostics, typical ${(Buffer.byteLength(typical) / 1024).toFixed(0)} KB    p50 ${f(pct(small, 0.5))} ms  p95 ${f(pct(small, 0.95))} ms  (goal p95 ≤ 5 ms)`);
const large = await editLatency(big, 20);
console.log(`  edit → fresh diagnostics, ${(Buffer.byteLength(big) / 1048576).toFixed(2)} MB report  p50 ${f(pct(large, 0.5))} ms  p95 ${f(pct(large, 0.95))} ms  (goal p95 ≤ 20 ms)`);
