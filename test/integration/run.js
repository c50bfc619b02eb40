#!/usr/bin/env node
// Runs the mocha suite (test/integration/suite/*.test.ts) inside a real VS Code extension host with
// @vscode/test-electron's runTests().
//
// Which VS Code:
//   VSCODE_EXECUTABLE=/path          that executable (a desktop VS Code, or any stand-in)
//   GOVREPORT_E2E_SHIM=1             the offline route: test/e2e-route/shim.mjs (code-server in headless
//                                    Chromium; `bash test/e2e-route/install.sh` installs it)
//   GOVREPORT_E2E_SHIM=/path/shim    that shim
//   neither                          test-electron downloads VS Code as usual (needs the internet)
// Other env: GOVREPORT_E2E_GREP=<regex> runs only matching tests; VSCODE_VERSION (download route);
// GOVREPORT_E2E_ZH=0 skips the second pass, which runs the "display language" tests in a VS Code
// whose display language is zh-cn (test/integration/zh-cn-locale).
// Exit code: 0 when every test passed, 1 otherwise (mocha's results are printed by the extension host).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE_SRC = path.join(__dirname, 'suite');
const OUT = path.join(ROOT, 'out', 'integration');
const WORKSPACE_SRC = path.join(__dirname, 'workspace');

function fail(msg) {
  console.error(`test/integration/run.js: ${msg}`);
  process.exit(1);
}

function resolveExecutable() {
  if (process.env.VSCODE_EXECUTABLE) {
    const p = path.resolve(ROOT, process.env.VSCODE_EXECUTABLE);
    if (!fs.existsSync(p)) fail(`VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE} does not exist`);
    return { path: p, label: `VSCODE_EXECUTABLE ${p}` };
  }
  const shim = process.env.GOVREPORT_E2E_SHIM;
  if (shim && shim !== '0') {
    const p = shim === '1' || shim === 'true' ? path.join(ROOT, 'test', 'e2e-route', 'shim.mjs') : path.resolve(ROOT, shim);
    if (!fs.existsSync(p)) fail(`the VS Code stand-in ${p} is missing (GOVREPORT_E2E_SHIM=${shim})`);
    return { path: p, label: `offline shim ${p} (code-server in headless Chromium)` };
  }
  return undefined;
}

async function buildSuite() {
  let esbuild;
  try { esbuild = require('esbuild'); } catch { fail('esbuild is not installed: run npm ci'); }
  const entries = fs.readdirSync(SUITE_SRC).filter((f) => f.endsWith('.ts')).map((f) => path.join(SUITE_SRC, f));
  fs.rmSync(OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries, outdir: OUT, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  return path.join(OUT, 'index.js');
}

/** A scratch profile whose display language is zh-cn (see test/integration/zh-cn-locale). */
function zhCnProfile() {
  const { installZhCnPack } = require('./zh-cn-locale/profile');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-zh-'));
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  const locale = installZhCnPack(userData, extensions);
  return { dir, args: [`--user-data-dir=${userData}`, `--extensions-dir=${extensions}`, `--locale=${locale}`] };
}

/** One run of the suite in a fresh copy of the fixture workspace; resolves to 0 (passed) or 1. */
async function runSuite(label, testsPath, exe, { launchArgs = [], env = {} } = {}) {
  const started = Date.now();
  // A scratch copy of the fixture workspace: the tests edit documents, the tree must stay as it is.
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-it-'));
  fs.cpSync(WORKSPACE_SRC, ws, { recursive: true });
  const { runTests } = require('@vscode/test-electron');
  console.log(`[integration] ${label}: VS Code: ${exe ? exe.label : 'downloaded by @vscode/test-electron'}`);
  console.log(`[integration] ${label}: workspace: ${ws}`);
  let code = 0;
  try {
    await runTests({
      ...(exe ? { vscodeExecutablePath: exe.path } : process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', ...launchArgs],
      extensionTestsEnv: {
        GOVREPORT_IT_WORKSPACE: ws,
        GOVREPORT_IT_ROOT: ROOT,
        ...(process.env.GOVREPORT_E2E_GREP ? { GOVREPORT_E2E_GREP: process.env.GOVREPORT_E2E_GREP } : {}),
        ...env,
      },
    });
  } catch (e) {
    console.error(`[integration] ${label}: FAILED: ${e && e.message ? e.message : e}`);
    code = 1;
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
  console.log(`[integration] ${label}: ${code ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

async function main() {
  const started = Date.now();
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) fail(`${f} is missing: run \`npm run build\` first`);
  }
  const testsPath = await buildSuite();
  const exe = resolveExecutable();
  let code = await runSuite('mocha suite', testsPath, exe);
  // The same display-language tests in a Chinese VS Code (GOVREPORT_E2E_ZH=0 skips this pass).
  if (process.env.GOVREPORT_E2E_ZH !== '0') {
    const zh = zhCnProfile();
    try {
      code |= await runSuite('zh-cn display language', testsPath, exe, {
        launchArgs: zh.args,
        env: { GOVREPORT_IT_LOCALE: 'zh-cn', GOVREPORT_E2E_GREP: process.env.GOVREPORT_E2E_GREP || '^(display language|editor \\(zh-cn)' },
      });
    } finally {
      fs.rmSync(zh.dir, { recursive: true, force: true });
    }
  }
  console.log(`[integration] ${code ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
