/** The CLI reads the same .govreport.jsonc and .govreportignore as the editor. */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from './cli-helpers';
import { SAMPLES_DIR } from './helpers';

const S000 = join(SAMPLES_DIR, '000_a3bf536ec8a0a8f8.txt');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-cfg-'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  copyFileSync(S000, join(dir, 'a', 'r.txt'));
  copyFileSync(S000, join(dir, 'b', 'r.txt'));
  return dir;
}
const codesOf = (stdout: string, file: string) =>
  (JSON.parse(stdout) as { reports: { file: string; diagnostics: { code: string }[] }[] }).reports
    .find((r) => r.file.replace(/\\/g, '/').endsWith(file))!.diagnostics.map((d) => d.code);

describe('CLI with .govreport.jsonc and .govreportignore', () => {
  it('a config file switches a rule off for its folder only; --rule on the command line wins', () => {
    const dir = workspace();
    const before = cli(['check', '--format', 'json', '.'], dir);
    assert.ok(codesOf(before.stdout, 'a/r.txt').includes('GR010'));
    writeFileSync(join(dir, 'a', '.govreport.jsonc'), '{\n  // 本文件夹的报告不查缺表\n  "rules": { "GR010": "off" },\n}\n');
    const after = cli(['check', '--format', 'json', '.'], dir);
    assert.ok(!codesOf(after.stdout, 'a/r.txt').includes('GR010'));
    assert.ok(codesOf(after.stdout, 'b/r.txt').includes('GR010'));
    const forced = cli(['check', '--format', 'json', '--rule', 'GR010=error', '.'], dir);
    assert.ok(codesOf(forced.stdout, 'a/r.txt').includes('GR010'));
  });

  it('an error in the config file is printed with its position and the run exits 2', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a', '.govreport.jsonc'), '{ "rules": { "GR999": "off" } }\n');
    const r = cli(['check', 'a/r.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.govreport\.jsonc:1:\d+ .*GR999/);
  });

  it('.govreportignore hides files from a folder walk and says so', () => {
    const dir = workspace();
    writeFileSync(join(dir, '.govreportignore'), 'b/\n');
    const r = cli(['check', '--format', 'json', '.'], dir);
    const out = JSON.parse(r.stdout) as { reports: { file: string }[] };
    assert.deepEqual(out.reports.map((x) => x.file.replace(/\\/g, '/')), ['a/r.txt']);
  });
});
