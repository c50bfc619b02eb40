/** `govreport check|fix|summary` (server/src/cli): exit codes, output shapes, directory walk, bad input. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run, type JsonOutput, type JsonReport } from '../../server/src/cli/run';
import { SAMPLES_DIR } from './helpers';

const ROOT = join(__dirname, '..', '..');

/** The reports of `check --format json` ({reports, skipped}). */
const reportsOf = (stdout: string): JsonReport[] => (JSON.parse(stdout) as JsonOutput).reports;

function cli(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd });
  return { code, stdout, stderr };
}

describe('govreport CLI', () => {
  let dir: string;
  const s000 = join(SAMPLES_DIR, '000_a3bf536ec8a0a8f8.txt');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govreport-cli-'));
    mkdirSync(join(dir, 'reports', 'nested'), { recursive: true });
    copyFileSync(s000, join(dir, 'reports', 'a.txt'));
    copyFileSync(join(SAMPLES_DIR, 'huaian-2024.txt'), join(dir, 'reports', 'nested', 'b.md'));
    writeFileSync(join(dir, 'reports', 'notes.md'), '# 会议纪要\n\n与年报无关的文字。\n');
    writeFileSync(join(dir, 'reports', 'data.csv'), readFileSync(s000));
    mkdirSync(join(dir, 'reports', 'node_modules'));
    copyFileSync(s000, join(dir, 'reports', 'node_modules', 'skip.txt'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--help is Chinese first, exit 0; no arguments is usage error 2', () => {
    const h = cli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout.split('\n')[0]!, /[\u4e00-\u9fff]/);
    assert.ok(h.stdout.indexOf('用法') < h.stdout.indexOf('English'));
    const none = cli([]);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
  });

  it('text format: file:line:col severity code message, 1-based; exit 1 on errors', () => {
    const r = cli(['check', s000]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.length > 0);
    for (const l of lines) assert.match(l, /^.+:\d+:\d+ (错误|警告|信息|提示) GR\d{3} \S/);
    // Section 二 of sample 000 is on line 9, column 1.
    assert.ok(lines.some((l) => l.includes(':9:1 错误 GR010 ')), lines.join('\n'));
  });

  it('JSON format: [{file, year, version, diagnostics:[{code, severity, message, range}]}] with 0-based ranges', () => {
    const r = cli(['check', '--format', 'json', s000]);
    assert.equal(r.code, 1);
    const reports = reportsOf(r.stdout);
    assert.equal(reports.length, 1);
    const rep = reports[0]!;
    assert.deepEqual(Object.keys(rep).sort(), ['diagnostics', 'file', 'version', 'year']);
    assert.equal(rep.year, 2019);
    const d = rep.diagnostics.find((x) => x.code === 'GR010')!;
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
    assert.deepEqual(d.range.start, { line: 8, character: 0 });
    // --format=json and --json too
    assert.deepEqual(reportsOf(cli(['check', '--format=json', s000]).stdout), reports);
    assert.deepEqual(reportsOf(cli(['check', '--json', s000]).stdout), reports);
  });

  it('--locale en gives English messages; --rule changes severities', () => {
    const en = reportsOf(cli(['check', '--json', '--locale', 'en', s000]).stdout);
    const msg = en[0]!.diagnostics.find((x) => x.code === 'GR010')!.message;
    assert.doesNotMatch(msg.replace(/“[^”]*”|"[^"]*"|（[^）]*）|\([^)]*\)/g, ''), /[\u4e00-\u9fff]{4,}/);
    const off = cli(['check', '--rule', 'GR010=off', '--rule', 'GR001=off', '--rule', 'GR005=off', '--rule', 'GR202=off', '--json', s000]);
    const rep = reportsOf(off.stdout);
    assert.ok(!rep[0]!.diagnostics.some((d) => d.code === 'GR010'));
    assert.equal(off.code, rep[0]!.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
  });

  it('exit 0 when no error-level diagnostic remains', () => {
    const codes = (reportsOf(cli(['check', '--json', s000]).stdout))[0]!.diagnostics
      .filter((d) => d.severity === 'error').map((d) => d.code);
    const args = ['check', ...[...new Set(codes)].flatMap((c) => ['--rule', `${c}=warning`]), s000];
    const r = cli(args);
    assert.equal(r.code, 0, r.stdout);
  });

  it('walks directories for .md/.txt reports only, skipping node_modules and non-reports', () => {
    const r = cli(['check', '--json', 'reports'], dir);
    const files = (reportsOf(r.stdout)).map((x) => x.file).sort();
    assert.deepEqual(files, [join('reports', 'a.txt'), join('reports', 'nested', 'b.md')]);
    assert.equal((reportsOf(r.stdout)).find((x) => x.file.endsWith('b.md'))!.year, 2024);
  });

  it('a directory without reports: exit 0, a note on stderr', () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const r = cli(['check', 'empty'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no report/);
  });

  it('missing or unreadable input → 3 for that file; the other files are still checked and printed', () => {
    const missing = cli(['check', s000, 'does-not-exist.txt']);
    assert.equal(missing.code, 3);
    assert.match(missing.stdout, /GR010/);
    assert.match(missing.stderr, /does-not-exist\.txt/);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.txt');
      copyFileSync(s000, locked);
      chmodSync(locked, 0o000);
      const r = cli(['check', locked]);
      assert.equal(r.code, 3);
      assert.equal(r.stdout, '');
      chmodSync(locked, 0o644);
    }
    // A path through a file (ENOTDIR): unreadable even for root.
    const through = cli(['check', join(s000, 'child.txt')]);
    assert.equal(through.code, 3);
    assert.equal(through.stdout, '');
    // fix without a path is a usage error.
    assert.equal(cli(['fix']).code, 2);
  });

  it('bad usage → 2: unknown command, option, format, locale, rule', () => {
    for (const args of [['lint', s000], ['check', '--frobnicate', s000], ['check', '--format', 'xml', s000], ['check', '--locale', 'fr', s000], ['check', '--rule', 'GR010', s000], ['check'], ['check', '--format']]) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.ok(r.stderr.length > 0);
    }
  });

  it('keeps CRLF line ends and strips a BOM (positions as without it)', () => {
    const text = readFileSync(s000, 'utf8');
    const crlf = join(dir, 'crlf.txt');
    writeFileSync(crlf, '\ufeff' + text.replace(/\r?\n/g, '\r\n'));
    const a = reportsOf(cli(['check', '--json', crlf]).stdout);
    const b = reportsOf(cli(['check', '--json', s000]).stdout);
    const pos = (r: JsonReport[]) => r[0]!.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    assert.deepEqual(pos(a), pos(b));
  });

  it('fix --dry-run prints the text and leaves the file alone; fix writes it', () => {
    const target = join(dir, 'fix.txt');
    copyFileSync(s000, target);
    const before = readFileSync(target, 'utf8');
    const dry = cli(['fix', '--dry-run', target]);
    assert.notEqual(dry.code, 2, dry.stderr);
    assert.equal(readFileSync(target, 'utf8'), before);
    assert.ok(dry.stdout.length > 0);
    const real = cli(['fix', target]);
    assert.notEqual(real.code, 2, real.stderr);
    assert.equal(readFileSync(target, 'utf8'), dry.stdout);
  });

  it('summary: one row per report, per-year T3/T4 sums, as Markdown; --output writes it', () => {
    const pairs = join(ROOT, 'test', 'fixtures', 'pairs');
    const r = cli(['summary', pairs, join(dir, 'reports', 'a.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<!-- govreport:generated -->\n# 本工作区年报汇总\n/);
    assert.match(r.stdout, /共 3 份年报/);
    assert.match(r.stdout, /\| a\.txt \| 紫阳县 \| 2019 \| 2019 \|/);
    assert.match(r.stdout, /\| qinghe-2022\.md \| 清河县人民政府 \| 2022 \| 2021 \| 0 \|/);
    // Each year its own totals; the 2023 figures are those of the one 2023 report's T3.
    assert.match(r.stdout, /## 2023年度合计（1 份）[^]*\| 一、本年新收政府信息公开申请数量 \| 30 \| 2 \| 0 \| 0 \| 0 \| 1 \| 33 \|/);
    // The peer of 2023 is 2022 (GR301/GR302 count as errors in the 2023 row).
    assert.match(r.stdout, /\| qinghe-2023\.md \| 清河县人民政府 \| 2023 \| 2021 \| [1-9]\d* \|/);
    const out = join(dir, 'summary.md');
    const w = cli(['summary', '--output', out, pairs]);
    assert.equal(w.code, 0);
    assert.equal(w.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /共 2 份年报/);
    assert.equal(cli(['summary', join(dir, 'nope')]).code, 3);
    for (const bad of [['summary'], ['summary', '--frobnicate', pairs], ['summary', '--output']]) {
      const b = cli(bad);
      assert.equal(b.code, 2, bad.join(' '));
      assert.equal(b.stdout, '');
    }
  });

  it('the built entry point (main.ts) sets the process exit code', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'src', 'cli', 'main.ts'), 'check', 'nope.txt'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 3);
    assert.equal(r.stdout, '');
    const usage = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'src', 'cli', 'main.ts'), 'check', '--frobnicate'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    const ok = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'src', 'cli', 'main.ts'), 'check', '--json', s000], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(ok.status, 1);
    assert.ok(Array.isArray(reportsOf(ok.stdout)));
  });
});
