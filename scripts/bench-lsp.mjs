#!/usr/bin/env node
/**
 * The language server over Node IPC as VS Code starts it, or stdio (issue 13 goals), on dist/server.js as it ships:
 *   start   process spawn → first publishDiagnostics of an opened typical report (goal ≤ 150 ms),
 *           without a workspace folder and in a folder of 300 reports (read for GR3xx peers)
 *   edit    didChange → publishDiagnostics of that version, minus the server's 150 ms debounce,
 *           p50/p95 on a typical report (goal ≤ 5 ms p95) and on a ~1 MB report (goal ≤ 20 ms p95)
 * The server is spawned as the VS Code client spawns it (client/src/serverEnv.ts: the environment
 * without NODE_EXTRA_CA_CERTS, and a V8 code cache directory, here a fresh temporary one): the
 * first start fills the cache ("cold", as right after installing), the goal figure is the median
 * of the starts after it ("warm"); "as before" is the inherited environment without a cache.
 * Prints JSON-free lines; asserts nothing. Run `npm run build` first (`npm run bench` calls it).
 *   node scripts/bench-lsp.mjs [typical.txt] [big.txt]     (BENCH_LSP_EDITS=0: start figures only,
 *   BENCH_LSP_STARTS=0: edit figures only; BENCH_LSP_BIG_EDITS=n: edits of the 1 MB report, default 20;
 *   BENCH_LSP_PAUSED_EDITS=n: edits of the 1 MB report each after a pause of just over a second, default 12)
 * Edits also report the server's CPU time per edit (mean over the run, /proc ticks), starts the CPU
 * time of all its threads to that publish (schedstat, ns): on a busy host the wall-time figures
 * mostly measure the other processes. BENCH_LSP_START_RUNS=n: warm starts (default 7).
 *   BENCH_LSP_PHASES=1: where a warm start's time goes (node, each bundle's compile and run, to the first publish),
 *   through dist/server-trace.js
 *   BENCH_LSP_PROFILE=dir: every server started also writes a V8 CPU profile (node --cpu-prof) into dir
 *   (BENCH_LSP_PROFILE_INTERVAL=us: its sampling interval, e.g. 100)
 *   BENCH_LSP_TRACE=1: the edits' servers trace each run (lsp/editTrace.ts): where the slowest tenth's time went
 *   BENCH_LSP_EDIT_LOG=1: every edit's time and server CPU (all threads/main thread), in order; with the trace, the first 8 edits' rows too
 *   BENCH_LSP_TYPICAL_EDITS=0 / BENCH_LSP_PLAIN_EDITS=0: skip the typical report's edits / the 1 MB edits as other editors
 *   BENCH_LSP_TRANSPORT=stdio: talk to the server over stdio (other editors) instead of VS Code's Node IPC
 * initializationOptions are the VS Code client's (client/src/initOptions.ts); the 1 MB edits are also
 * measured with the locale only, as other editors start the server.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { require as tsxRequire } from 'tsx/cjs/api';

// The client's own env builder and initializationOptions (TypeScript), so that the bench starts the server exactly as it does.
const { serverEnvOverrides } = tsxRequire('../client/src/serverEnv.ts', import.meta.url);
const { initializationOptions } = tsxRequire('../client/src/initOptions.ts', import.meta.url);
/**
 * The rule pages' folder the VS Code client names on Linux (client/src/ruleDocs.ts ruleDocsLocation:
 * global storage, rule-docs/<version>). A server that makes rule links puts it in every diagnostic.
 */
const VSCODE_DOCS_BASE = 'file:///home/user/.config/Code/User/globalStorage/govreport.gov-report/rule-docs/0.1.0/';
/**
 * initializationOptions as the VS Code client sends them (limit per file, source and rule links
 * completed by the client), or as another editor would (the locale only).
 */
const initOptions = (plain) => (plain ? { locale: 'zh-cn' } : initializationOptions('zh-cn', VSCODE_DOCS_BASE));

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** BENCH_LSP_SERVER=path: another build of the server (before/after comparisons). */
const SERVER = process.env.BENCH_LSP_SERVER ?? join(root, 'dist', 'server.js');
const DEBOUNCE_MS = 150; // server/src/lsp/scheduler.ts
/**
 * The transport: 'ipc' as the VS Code client starts the server (TransportKind.ipc: Node's IPC
 * channel, which serialises each message itself), or BENCH_LSP_TRANSPORT=stdio as other editors
 * do (there the server encodes a run's diagnostics while it holds for the deadline, lsp/preEncoded.ts).
 */
const IPC = (process.env.BENCH_LSP_TRANSPORT ?? 'ipc') !== 'stdio';
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

/** The V8 code cache directory the client would give (the extension's global storage). */
const cacheDir = mkdtempSync(join(tmpdir(), 'govreport-bench-cache-'));
process.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));
const cacheFileCount = () => readdirSync(cacheDir).filter((n) => n.endsWith('.v8cache')).length;
/** The cache files and their modification times: a warm start that rewrites one had its cache rejected (e.g. V8 flags differing). */
const cacheStamp = () => readdirSync(cacheDir).filter((n) => n.endsWith('.v8cache')).map((n) => `${n}@${statSync(join(cacheDir, n)).mtimeMs}`).sort().join(' ');
const clientEnv = () => ({ ...process.env, ...serverEnvOverrides(cacheDir) });

/** `asBefore`: the inherited environment and no code cache (as the server was started before issue 13). */
async function startServer(rootDir = null, asBefore = false, plainInit = false, server = SERVER, extraEnv = {}) {
  const t0 = now();
  const prof = process.env.BENCH_LSP_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LSP_PROFILE}`] : [];
  // BENCH_LSP_PROFILE_INTERVAL=us: sampling interval (V8's default is 1000 us: too coarse for a 150 ms start).
  if (prof.length && process.env.BENCH_LSP_PROFILE_INTERVAL) prof.push(`--cpu-prof-interval=${process.env.BENCH_LSP_PROFILE_INTERVAL}`);
  const env = { ...(asBefore ? process.env : clientEnv()), ...extraEnv };
  const proc = IPC
    ? spawn(process.execPath, [...prof, server, '--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env })
    : spawn(process.execPath, [...prof, server, '--stdio'], { stdio: 'pipe', env });
  const conn = IPC
    ? createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
    : createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = now();
    lastCount.set(p.uri, p.diagnostics.length);
    for (const w of waiters.splice(0)) if (!w(p, at)) waiters.push(w);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: rootDir ? pathToFileURL(rootDir).href : null,
    workspaceFolders: rootDir ? [{ uri: pathToFileURL(rootDir).href, name: 'bench' }] : null, initializationOptions: initOptions(plainInit),
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});
  /** Resolves with the arrival time of the first publish for `uri` at `version`. */
  const published = (uri, version) => new Promise((resolve) => {
    waiters.push((p, at) => (p.uri === uri && p.version === version ? (resolve(at), true) : false));
  });
  const stop = async () => {
    const exited = new Promise((r) => proc.once('exit', r));
    try { await conn.sendRequest('shutdown'); await conn.sendNotification('exit'); } catch { /* already gone */ }
    // A profiled server writes its profile as it exits: let it.
    if (prof.length) await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    conn.dispose();
    proc.kill();
  };
  /** CPU time the server process used so far (Linux /proc, 10 ms ticks): a figure a busy host does not inflate. */
  const cpuMs = () => {
    try {
      const f = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in USER_HZ = 100 ticks
    } catch { return NaN; }
  };
  /** CPU time of all the server's threads so far, ms to the ns (Linux: schedstat of every task in /proc/pid/task; NaN elsewhere). */
  const preciseCpuMs = () => {
    try {
      let ns = 0;
      for (const t of readdirSync(`/proc/${proc.pid}/task`)) ns += Number(readFileSync(`/proc/${proc.pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
      return ns / 1e6;
    } catch { return NaN; }
  };
  /** CPU time of the server's main thread so far, ms (Linux schedstat; NaN elsewhere): the rest is V8's compiler and GC helper threads. */
  const mainCpuMs = () => {
    try { return Number(readFileSync(`/proc/${proc.pid}/task/${proc.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6; } catch { return NaN; }
  };
  /**
   * Minor page faults of the server so far (Linux /proc): memory it touched for the first time. On a
   * VM each costs microseconds (25-40 us measured here when busy), and unlike time the count does
   * not depend on the load: a steady figure to compare two builds with.
   */
  const minorFaults = () => {
    try { return Number(readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ')[7]); } catch { return NaN; }
  };
  /** The server's resident memory now, MB (Linux /proc). */
  const rssMb = () => {
    try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))[1]) / 1024; } catch { return NaN; }
  };
  return { conn, t0, published, stop, cpuMs, preciseCpuMs, mainCpuMs, rssMb, minorFaults };
}

/** `waitForCache`: stop only once the code cache is written (just after the publish: a stop 1 ms later can beat it), or once it returns true. */
async function startToFirstDiagnostics(rootDir = null, asBefore = false, waitForCache = false, server = SERVER, extraEnv = {}) {
  const s = await startServer(rootDir, asBefore, false, server, extraEnv);
  const uri = rootDir ? pathToFileURL(join(rootDir, 'opened.txt')).href : 'file:///bench/typical.txt';
  const p = s.published(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text: typical } });
  const at = await p;
  cpus.push(s.preciseCpuMs());
  firstPublish.push({ faults: s.minorFaults(), rss: s.rssMb() });
  // waitForCache: true, or a function telling when what the server writes after its publish is there.
  const written = typeof waitForCache === 'function' ? waitForCache : () => cacheFileCount() >= 2;
  for (let i = 0; waitForCache && i < 100 && !written(); i++) await new Promise((r) => setTimeout(r, 20));
  await s.stop();
  return at - s.t0;
}
const cpus = [];
/** The number of diagnostics in each URI's last publish. */
const lastCount = new Map();
/** Page faults and RSS at each start's first publish (in start order). */
const firstPublish = [];

/**
 * BENCH_LSP_TRACE=1: the server writes each run's stages (server/src/lsp/editTrace.ts) and the edit
 * figures are followed by where the time of the slowest tenth of the edits went.
 */
const TRACE = process.env.BENCH_LSP_TRACE === '1';

/**
 * Each edit's time beyond the debounce split by the server's trace: `start` how late the run
 * started on its timer, `run` started → result, `ready` result after (+) or before (−) the
 * deadline, `timer` deadline (or the late result) → publish, `send` the publish call (process.send),
 * `gc` GC pauses from the didChange to the publish's return (`mc` mark-compacts among them), `out`
 * the rest (didChange and the diagnostics over the pipe, the client's read and parse). ms.
 */
function traceReport(label, xs, lines) {
  const byVersion = new Map(lines.map((r) => [r.version, r]));
  const gcs = lines.flatMap((r) => r.gc);
  const rows = xs.versions.map((v, i) => {
    const r = byVersion.get(v);
    if (!r || r.published === undefined) return { v, total: xs[i] };
    const inRun = gcs.filter((g) => g.at >= r.scheduled && g.at < r.published);
    const serverLate = r.published - r.scheduled - r.deadline;
    return {
      v, total: xs[i], lead: r.deadline - r.plannedStart, start: r.started - r.scheduled - r.plannedStart, run: r.computed - r.started,
      ready: r.computed - r.scheduled - r.deadline, timer: r.publish - r.scheduled - Math.max(r.deadline, r.computed - r.scheduled),
      send: r.published - r.publish, gc: inRun.reduce((a, g) => a + g.ms, 0), mc: inRun.filter((g) => g.kind === 2).length, out: xs[i] - serverLate,
    };
  });
  const cols = ['lead', 'start', 'run', 'ready', 'timer', 'send', 'gc', 'mc', 'out'];
  const cell = (r, c) => (r[c] === undefined ? '?' : c === 'mc' ? String(r[c]) : f(r[c]));
  // BENCH_LSP_EDIT_LOG=1: the first edits after the open (the cold ones) too, in order.
  const slow = [...rows].sort((a, b) => b.total - a.total).slice(0, Math.max(1, Math.ceil(rows.length / 10)));
  if (process.env.BENCH_LSP_EDIT_LOG === '1') slow.push(...rows.slice(0, 8).filter((r) => !slow.includes(r)));
  const med = Object.fromEntries(cols.map((c) => [c, pct(rows.filter((r) => r[c] !== undefined).map((r) => r[c]), 0.5)]));
  console.log(`    ${label}: where the time went (server trace, ms; the slowest tenth of the edits, #n = the n-th edit)`);
  console.log(`      median      ${cols.map((c) => `${c} ${cell(med, c)}`).join('  ')}`);
  for (const r of slow) console.log(`      #${String(r.v - 1).padEnd(3)}${f(r.total).padStart(7)}  ${cols.map((c) => `${c} ${cell(r, c)}`).join('  ')}`);
}

/**
 * Alternately inserts and deletes one character at the end of line 3: text and findings stay comparable.
 * `pauseMs(i)`: the time to wait after edit i's publish before the next edit (a pause of over a
 * second lets the server's idle full-parse check start: the next keystroke may land on it).
 */
async function editLatency(text, edits, pauseMs = () => 0, plainInit = false) {
  const traceFile = TRACE ? join(mkdtempSync(join(tmpdir(), 'govreport-edit-trace-')), 'trace.jsonl') : undefined;
  if (traceFile) process.env.GOVREPORT_EDIT_TRACE = traceFile; // startServer passes the environment on
  const s = await startServer(null, false, plainInit);
  delete process.env.GOVREPORT_EDIT_TRACE;
  const uri = 'file:///bench/edit.txt';
  const first = s.published(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'govreport', version: 1, text } });
  await first;
  const cpu0 = s.cpuMs();
  const line = 2;
  const col = text.split('\n')[line].length;
  const xs = [];
  const cpuEach = [];
  for (let v = 2; v < edits + 2; v++) {
    const c0 = s.preciseCpuMs();
    const m0 = s.mainCpuMs();
    const insert = v % 2 === 0;
    const range = insert ? { start: { line, character: col }, end: { line, character: col } } : { start: { line, character: col }, end: { line, character: col + 1 } };
    const p = s.published(uri, v);
    const t = now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert ? '。' : '' }] });
    xs.push((await p) - t - DEBOUNCE_MS);
    cpuEach.push(`${f(s.preciseCpuMs() - c0)}/${f(s.mainCpuMs() - m0)}`);
    const pause = pauseMs(v - 2);
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
  }
  xs.cpuPerEdit = (s.cpuMs() - cpu0) / edits;
  xs.versions = xs.map((_, i) => i + 2);
  if (process.env.BENCH_LSP_EDIT_LOG === '1') {
    console.log(`    per edit (ms beyond the debounce): ${xs.map(f).join(' ')}`);
    // Server CPU from one didChange to its publish: all its threads (TurboFan compiles, GC helpers) / the main thread.
    console.log(`    per edit server CPU, all threads/main thread (ms): ${cpuEach.join(' ')}`);
  }
  xs.sent = lastCount.get(uri);
  xs.rssMb = s.rssMb();
  await s.stop();
  if (traceFile) {
    try {
      xs.trace = readFileSync(traceFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    } catch { xs.trace = []; }
    rmSync(dirname(traceFile), { recursive: true, force: true });
  }
  return xs;
}

if (process.env.BENCH_LSP_STARTS !== '0') {
// Cold: the first start, which writes the code cache just after its first diagnostics.
const cold = await startToFirstDiagnostics(null, false, true);
const coldCpu = cpus.splice(0);
const cached = cacheFileCount();
const coldStamp = cacheStamp();
// Interleaved, so that both see the same moment's load: warm (as the client starts it) and as before.
// BENCH_LSP_START_RUNS=n: warm starts (default 7; as before: 5 of them); on a busy host more runs steady the medians.
const RUNS = Math.max(1, Number(process.env.BENCH_LSP_START_RUNS ?? 7));
const BEFORE_RUNS = Math.max(1, RUNS - 2);
const starts = [];
const before = [];
const startCpu = [];
const beforeCpu = [];
const warmMemory = [];
for (let i = 0; i < RUNS; i++) {
  starts.push(await startToFirstDiagnostics());
  startCpu.push(cpus.pop());
  warmMemory.push(firstPublish.at(-1));
  if (i < BEFORE_RUNS) { before.push(await startToFirstDiagnostics(null, true)); beforeCpu.push(cpus.pop()); }
}
cpus.splice(0);
const rewritten = cacheStamp() !== coldStamp;
console.log(`\nLanguage server over ${IPC ? "Node IPC, as VS Code starts it" : 'stdio'} (dist/server.js, debounce ${DEBOUNCE_MS} ms subtracted from edits):`);
console.log(`  start → first diagnostics (typical report)   median ${f(pct(starts, 0.5))} ms  fastest ${f(Math.min(...starts))} ms  (goal ≤ 150 ms)  runs: ${starts.map(f).join(' ')}`);
console.log(`    server CPU time to that publish: median ${f(pct(startCpu, 0.5))} ms (runs: ${startCpu.map(f).join(' ')}; node's own start included)`);
console.log(`    at that publish: ${pct(warmMemory.map((m) => m.faults), 0.5)} minor page faults, RSS ${f(pct(warmMemory.map((m) => m.rss), 0.5))} MB (medians)`);
console.log(`    cold (first start, empty code cache${cached === 2 ? '' : `; WARNING: ${cached} cache files written, expected 2`}): ${f(cold)} ms, CPU ${f(coldCpu[0])} ms${rewritten ? '  WARNING: warm starts rewrote the code cache (rejected by V8?)' : ''}`);
console.log(`    as before (inherited environment, no code cache): median ${f(pct(before, 0.5))} ms, CPU median ${f(pct(beforeCpu, 0.5))} ms (runs: ${beforeCpu.map(f).join(' ')})`);
// The same in a workspace folder of 300 reports: the server reads them for GR3xx peers, after the
// opened report's first diagnostics (lsp/firstPublish.ts).
{
  const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-lsp-'));
  try {
    const samples = join(root, 'test', 'fixtures', 'samples');
    const texts = readdirSync(samples).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(samples, n), 'utf8'));
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `r${i}.txt`), texts[i % texts.length].replace(/政府信息公开/, `测试${i}号政府信息公开`));
    const ws = [];
    for (let i = 0; i < Math.max(5, BEFORE_RUNS); i++) ws.push(await startToFirstDiagnostics(dir));
    console.log(`  start → first diagnostics, workspace of 300 reports  median ${f(pct(ws, 0.5))} ms  (goal ≤ 150 ms)  runs: ${ws.map(f).join(' ')}`);
    console.log(`    server CPU time to that publish: median ${f(pct(cpus, 0.5))} ms (runs: ${cpus.map(f).join(' ')})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// BENCH_LSP_PHASES=1: as many warm starts again through dist/server-trace.js (the same bootstrap,
// recording each phase: server/src/boot/phases.ts), and the medians per phase.
if (process.env.BENCH_LSP_PHASES === '1') {
  const traced = join(dirname(SERVER), 'server-trace.js');
  if (!existsSync(traced)) console.log(`  phases: ${traced} not found (a build before the phase trace)`);
  else {
    const file = join(cacheDir, 'phases.jsonl');
    const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);
    for (let i = 0; i < RUNS; i++) await startToFirstDiagnostics(null, false, () => lines() > i, traced, { GOVREPORT_BOOT_TRACE_FILE: file });
    cpus.splice(0);
    const runs = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    console.log(`  start phases (medians of ${runs.length} warm starts; CPU of all threads, minor page faults, wall):`);
    for (const [k, { name }] of runs[0].entries()) {
      const of = (key) => pct(runs.map((r) => r[k][key]), 0.5);
      console.log(`    ${name.padEnd(18)} CPU ${f(of('cpuMs')).padStart(6)} ms  faults ${String(of('faults')).padStart(5)}  wall ${f(of('wallMs')).padStart(6)} ms`);
    }
  }
}
}
if (process.env.BENCH_LSP_EDITS === '0') process.exit(0);
// BENCH_LSP_TYPICAL_EDITS=0 / BENCH_LSP_PLAIN_EDITS=0 skip the typical report's edits / the other editors' 1 MB run.
const small = process.env.BENCH_LSP_TYPICAL_EDITS === '0' ? [] : await editLatency(typical, 40);
if (small.length) console.log(`  edit → fresh diagnostics, typical ${(Buffer.byteLength(typical) / 1024).toFixed(0)} KB    p50 ${f(pct(small, 0.5))} ms  p95 ${f(pct(small, 0.95))} ms  (goal p95 ≤ 5 ms)  server CPU ${f(small.cpuPerEdit)} ms/edit`);
if (small.trace) traceReport('typical', small, small.trace);
const bigEdits = Number(process.env.BENCH_LSP_BIG_EDITS ?? 20);
const large = await editLatency(big, bigEdits);
console.log(`  edit → fresh diagnostics, ${(Buffer.byteLength(big) / 1048576).toFixed(2)} MB report  p50 ${f(pct(large, 0.5))} ms  p95 ${f(pct(large, 0.95))} ms  (goal p95 ≤ 20 ms)  server CPU ${f(large.cpuPerEdit)} ms/edit, RSS after ${large.length} edits ${f(large.rssMb)} MB, ${large.sent} diagnostics sent`);
if (large.trace) traceReport('1 MB', large, large.trace);
// The same as another editor starts the server (no limit per file declared: every diagnostic, complete).
const largePlain = process.env.BENCH_LSP_PLAIN_EDITS === '0' ? [] : await editLatency(big, bigEdits, () => 0, true);
if (largePlain.length) console.log(`    without the client's initializationOptions (as other editors)  p50 ${f(pct(largePlain, 0.5))} ms  p95 ${f(pct(largePlain, 0.95))} ms  server CPU ${f(largePlain.cpuPerEdit)} ms/edit, ${largePlain.sent} diagnostics sent`);
if (largePlain.trace) traceReport('1 MB, other editors', largePlain, largePlain.trace);
// Typing resumed just after a pause: the server's idle check (a full parse compared with the
// incremental model, lsp/idleVerify.ts) starts 1 s after the last publish; the next keystroke
// lands on it, 0–150 ms into it. BENCH_LSP_PAUSED_EDITS=0 skips this.
const pausedEdits = Number(process.env.BENCH_LSP_PAUSED_EDITS ?? 12);
if (pausedEdits > 0) {
  const paused = await editLatency(big, pausedEdits, (i) => 1000 + (i * 37) % 150);
  console.log(`  edit after a 1.0–1.15 s pause, ${(Buffer.byteLength(big) / 1048576).toFixed(2)} MB report  p50 ${f(pct(paused, 0.5))} ms  max ${f(Math.max(...paused))} ms  (the idle check may be running)  runs: ${paused.map(f).join(' ')}`);
}
