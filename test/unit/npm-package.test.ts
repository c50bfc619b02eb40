/**
 * The published npm package (`npx govreport`, `npm i -g gov-report`): `npm pack` holds the CLI
 * (dist/cli.js, dist/cli-worker.js, dist/publish.js, the rule pages) and nothing of the sources or
 * tests; the tarball installs into a fresh prefix with --offline (every run-time dependency is
 * bundled: the CLI requires only Node built-ins) and its `govreport` runs.
 * Needs dist/ (`npm run build`), like the other CLI tests.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLES_DIR } from './helpers';

const ROOT = join(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'cli.js')) && existsSync(join(ROOT, 'dist', 'cli-worker.js'));
const skip = !built && 'run npm run build first';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult { filename: string; files: { path: string }[] }

describe('npm package', () => {
  it('package.json: publishable, bin govreport → dist/cli.js, no run-time dependencies to fetch', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(pkg.private, undefined, '"private": true blocks npm publish');
    assert.deepEqual(pkg.bin, { govreport: './dist/cli.js' });
    assert.equal(Object.keys((pkg.dependencies ?? {}) as object).length, 0, 'dist/*.js bundle their dependencies (esbuild)');
    assert.match(String((pkg.scripts as Record<string, string>).prepack), /npm run build/);
  });

  it('the bundles the CLI loads require only Node built-ins', { skip }, () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const f of ['cli.js', 'cli-worker.js', 'publish.js']) {
      const text = readFileSync(join(ROOT, 'dist', f), 'utf8');
      const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!));
      assert.ok(required.size > 0, `${f}: no require() found (bundle format changed?)`);
      for (const r of required) assert.ok(builtins.has(r), `${f} requires "${r}", which npm i -g would not install`);
    }
  });

  it('npm pack holds the CLI and the rule pages, not the sources, tests or the extension; it installs offline and runs', { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-pack-'));
    try {
      // --ignore-scripts: prepack would rebuild dist (the test loop has just built it).
      const pack = spawnSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(pack.status, 0, pack.stderr);
      const [result] = JSON.parse(pack.stdout) as PackResult[];
      const files = result!.files.map((f) => f.path).sort();
      for (const need of ['dist/cli.js', 'dist/cli-worker.js', 'dist/publish.js', 'docs/rules/GR101.md', 'docs/rules/README.md', 'package.json', 'README.md', 'LICENSE']) {
        assert.ok(files.includes(need), `${need} missing from the package`);
      }
      const unwanted = files.filter((f) => /^(test|server|client|scripts|node_modules|\.ci)\//.test(f) || /\.(ts|map|vsix)$/.test(f) || f === 'dist/client.js' || f === 'dist/server.js' || f === 'dist/preview.js');
      assert.deepEqual(unwanted, []);

      // Install the tarball into an empty prefix without the network: nothing to download.
      const prefix = join(dir, 'prefix');
      const install = spawnSync(NPM, ['install', '--global', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, '--cache', join(dir, 'cache'), join(dir, result!.filename)], { cwd: dir, encoding: 'utf8' });
      assert.equal(install.status, 0, install.stderr);
      const bin = process.platform === 'win32' ? join(prefix, 'govreport.cmd') : join(prefix, 'bin', 'govreport');
      assert.ok(existsSync(bin), `no ${bin} after npm i -g`);

      const version = spawnSync(bin, ['--version'], { cwd: dir, encoding: 'utf8' });
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

      // A real report: findings, exit code 1 (errors found), the rule codes in the output.
      const check = spawnSync(bin, ['check', '--format', 'json', join(SAMPLES_DIR, '001_41ca7fe939626b0f.txt')], { cwd: dir, encoding: 'utf8' });
      assert.equal(check.status, 1, check.stderr);
      const out = JSON.parse(check.stdout) as { reports: { diagnostics: { code: string }[] }[] };
      assert.ok(out.reports[0]!.diagnostics.some((f) => f.code === 'GR013'), check.stdout.slice(0, 500));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
