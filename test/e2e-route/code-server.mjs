// The offline VS Code of the integration tests: code-server (VS Code's own server and web workbench,
// from the npm registry) shown in Debian's headless Chromium through playwright-core. install.sh puts
// both in $E2E_HOME; this module starts and stops them. Used by shim.mjs (the mocha suite) and by
// test/integration/vsix-ui.mjs (the packaged .vsix in the UI).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const E2E_HOME = process.env.E2E_HOME || join(homedir(), '.cache', 'vscode-web-e2e');
export const CODE_SERVER = join(E2E_HOME, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export function assertInstalled() {
  if (!existsSync(CODE_SERVER)) {
    throw new Error(`code-server is not in ${CODE_SERVER}: run \`bash test/e2e-route/install.sh\` (or \`npm run e2e:setup\`)`);
  }
}

/** Settings that keep the workbench quiet and offline; written once per fresh profile. */
function writeProfile(userDataDir, extensionsDir) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Our own config file, so code-server neither reads nor writes ~/.config/code-server/config.yaml.
  writeFileSync(join(userDataDir, 'code-server.yaml'), 'auth: none\ncert: false\n');
  const settings = join(userDataDir, 'User', 'settings.json');
  if (existsSync(settings)) return;
  writeFileSync(settings, JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true, 'update.mode': 'none', 'chat.disableAIFeatures': true, 'files.autoSave': 'off',
  }, null, 2));
}

const profileArgs = (p) => ['--config', join(p.userDataDir, 'code-server.yaml'), '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir];
// EXTENSIONS_GALLERY={}: no extension gallery (open-vsx is unreachable), so the workbench does not try one.
const env = () => ({ ...process.env, EXTENSIONS_GALLERY: '{}' });

/** `code-server --install-extension VSIX` into the profile; throws with its output when it fails. */
export function installExtension(profile, vsix) {
  assertInstalled();
  writeProfile(profile.userDataDir, profile.extensionsDir);
  const r = spawnSync(CODE_SERVER, [...profileArgs(profile), '--install-extension', vsix, '--force'], { encoding: 'utf8', env: env() });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) throw new Error(`--install-extension failed:\n${r.stdout}${r.stderr}`);
}

const freePort = () => new Promise((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => done(port)); });
});

/**
 * Starts code-server on a free loopback port with the profile { userDataDir, extensionsDir } and
 * resolves when it answers /healthz. `stop()` ends it and everything it started (its own process group).
 */
export async function startCodeServer(profile, { locale, port } = {}) {
  assertInstalled();
  writeProfile(profile.userDataDir, profile.extensionsDir);
  port ??= await freePort();
  const args = [...profileArgs(profile), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened', ...(locale ? ['--locale', locale] : [])];
  const child = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: env() });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = async () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; /* already gone */ }
    for (let i = 0; i < 40 && !exited; i++) await sleep(250);
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (exited || i > 240) { await stop(); throw new Error(`code-server did not start:\n${log}`); }
    await sleep(250);
  }
  return { url, port, stop, log: () => log };
}

/** Headless Debian Chromium with a persistent profile in `dir` (playwright-core from $E2E_HOME). */
export async function launchChromium(dir, options = {}) {
  const { chromium } = createRequire(join(E2E_HOME, 'package.json'))('playwright-core');
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, ...options,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
