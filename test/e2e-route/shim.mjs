#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() would download from
// Microsoft (unreachable here): test/integration/run.js passes this file as `vscodeExecutablePath`.
// It reads the arguments runTests gives a VS Code (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, --locale=, the workspace folder), starts code-server with them,
// opens the workbench in headless Chromium with the test paths in the URL payload, prints what the
// extension host logs (mocha's report) and exits with the exit code the tests report.
// The suite runs in VS Code's node extension host (vscode.env.uiKind is Web); extensionTestsEnv reaches
// it through code-server's environment. Env: SHIM_TIMEOUT_MS (default 600000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { launchChromium, startCodeServer } from './code-server.mjs';

const opt = { dev: [], tests: '', userDataDir: '', extensionsDir: '', locale: '', folder: '' };
for (const a of process.argv.slice(2)) {
  const [k, ...rest] = a.split('=');
  const v = rest.join('=');
  if (k === '--extensionDevelopmentPath') opt.dev.push(resolve(v));
  else if (k === '--extensionTestsPath') opt.tests = resolve(v);
  else if (k === '--user-data-dir') opt.userDataDir = resolve(v);
  else if (k === '--extensions-dir') opt.extensionsDir = resolve(v);
  else if (k === '--locale') opt.locale = v;
  else if (!a.startsWith('-')) opt.folder = resolve(a);
  // other switches (--no-sandbox, --disable-extensions, ...) are desktop-only: ignored
}

const scratch = mkdtempSync(join(tmpdir(), 'govreport-shim-'));
const profile = { userDataDir: opt.userDataDir || join(scratch, 'ud'), extensionsDir: opt.extensionsDir || join(scratch, 'ext') };
let server; let browser;
const finish = async (code) => {
  try { await browser?.close(); } catch { /* already gone */ }
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
};
process.on('SIGINT', () => finish(130));
process.on('SIGTERM', () => finish(143));

try {
  server = await startCodeServer(profile, { locale: opt.locale || undefined });
} catch (e) {
  console.error(`shim: ${e.message}`);
  await finish(1);
}
const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
const payload = opt.dev.map((p) => ['extensionDevelopmentPath', remote(p)]);
if (opt.tests) payload.push(['extensionTestsPath', remote(opt.tests)]);
const query = new URLSearchParams({ payload: JSON.stringify(payload) });
if (opt.folder) query.set('folder', opt.folder);

// The workbench's own chatter, which is not the tests' output.
const noise = /^(Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|\[reconnection-grace-time\]|Updating additional builtin extensions|Ignoring fetching additional builtin extensions|Started local extension host|Extension host \(Remote\)|DialogService: )/;
browser = await launchChromium(join(scratch, 'chromium'));
const page = browser.pages()[0] || await browser.newPage();
const timeoutMs = Number(process.env.SHIM_TIMEOUT_MS || 600000);
const code = await new Promise((done) => {
  const timer = setTimeout(() => { console.error(`shim: no test result after ${timeoutMs} ms`); done(1); }, timeoutMs);
  // With test paths in the payload, the workbench reports the extension host's console and the tests'
  // exit code through these two page functions (VS Code's automation hooks).
  page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...args);
    if (!noise.test(line)) (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  })
    .then(() => page.exposeFunction('codeAutomationExit', (c) => { clearTimeout(timer); done(Number(c) || 0); }))
    .then(() => page.goto(`${server.url}/?${query}`))
    .catch((e) => { console.error(`shim: ${e.message}`); clearTimeout(timer); done(1); });
});
await finish(code);
