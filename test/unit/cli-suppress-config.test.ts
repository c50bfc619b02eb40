/**
 * #14 "What it must show", CLI side, on a real report (huaian-2024: no error, a GR023 information):
 * a severity set in .govreport.jsonc is applied (and changes the exit code); suppression comments
 * are honoured and an unused one is reported as a GR009 hint, in text, JSON and SARIF alike.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli } from './cli-helpers';
import { SAMPLES_DIR } from './helpers';

const TEXT = readFileSync(join(SAMPLES_DIR, 'huaian-2024.txt'), 'utf8');
const dirs: string[] = [];
function folder(text = TEXT): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-supp-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'r.txt'), text);
  return dir;
}
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

interface Json { reports: { diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[] }
const diags = (stdout: string) => (JSON.parse(stdout) as Json).reports[0]!.diagnostics;

describe('CLI: config severity and suppression comments', () => {
  it('baseline: GR023 is information, exit 0', () => {
    const r = cli(['check', '--format', 'json', 'r.txt'], folder());
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(diags(r.stdout).filter((d) => d.code === 'GR023').map((d) => d.severity), ['information']);
  });

  it('"rules": { "GR023": "error" } in .govreport.jsonc: reported as 错误, exit 1; --rule on the command line wins', () => {
    const dir = folder();
    writeFileSync(join(dir, '.govreport.jsonc'), '{\n  // 本地要求：考核、评议、追究必须写明\n  "rules": { "GR023": "error" }\n}\n');
    const r = cli(['check', 'r.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^r\.txt:225:8 错误 GR023 /m);
    const json = cli(['check', '--format', 'json', 'r.txt'], dir);
    assert.deepEqual(diags(json.stdout).filter((d) => d.code === 'GR023').map((d) => d.severity), ['error']);
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', 'r.txt'], dir).stdout) as { runs: { results: { ruleId: string; level: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.filter((x) => x.ruleId === 'GR023').map((x) => x.level), ['error']);
    const cmd = cli(['check', '--rule', 'GR023=warning', 'r.txt'], dir);
    assert.equal(cmd.code, 0);
    assert.match(cmd.stdout, /^r\.txt:225:8 警告 GR023 /m);
  });

  it('a suppression comment hides the finding (even one made an error by the config); an unused one is a GR009 hint', () => {
    const lines = TEXT.split('\n');
    // Before the heading that carries GR023, and an unused one for a rule that does not fire here.
    lines.splice(224, 0, '【govreport-disable-next-line GR023】');
    lines.splice(2, 0, '【govreport-disable-next-line GR101】');
    const dir = folder(lines.join('\n'));
    writeFileSync(join(dir, '.govreport.jsonc'), '{ "rules": { "GR023": "error" } }\n');
    const r = cli(['check', '--format', 'json', 'r.txt'], dir);
    assert.equal(r.code, 0, 'the only error was suppressed');
    const ds = diags(r.stdout);
    assert.ok(!ds.some((d) => d.code === 'GR023'), 'GR023 suppressed');
    const unused = ds.filter((d) => d.code === 'GR009');
    assert.deepEqual(unused.map((d) => [d.severity, d.range.start.line]), [['hint', 2]]);
    const text = cli(['check', 'r.txt'], dir);
    assert.match(text.stdout, /^r\.txt:3:\d+ 提示 GR009 .*GR101/m);
    // --locale en: the same finding in English words.
    const en = cli(['check', '--locale', 'en', 'r.txt'], dir);
    assert.match(en.stdout, /^r\.txt:3:\d+ hint GR009 /m);
  });
});
