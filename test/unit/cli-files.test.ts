/** CLI file handling: symlink loops, FIFOs, devices, size limit, unreadable entries, skipped-file reasons, streaming. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonOutput } from '../../server/src/cli/run';
import { collectTargets } from '../../server/src/cli/walk';
import { readReportFile } from '../../server/src/cli/read';
import { looksLikeReportFile } from '../../server/src/cli/detect';
import { cli } from './cli-helpers';
import { textFormatter } from '../../server/src/cli/formats/text';
import { jsonFormatter } from '../../server/src/cli/formats/json';
import { SourceText } from '../../server/src/core/text/source';
import type { Finding } from '../../server/src/core/types';
import { SAMPLES_DIR } from './helpers';

const s000 = join(SAMPLES_DIR, '000_a3bf536ec8a0a8f8.txt');
const huaian = join(SAMPLES_DIR, 'huaian-2024.txt');

describe('govreport CLI file handling', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'govreport-cli-files-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a symlink loop neither hangs nor checks a file twice', () => {
    const root = join(dir, 'loop');
    mkdirSync(join(root, 'sub'), { recursive: true });
    copyFileSync(s000, join(root, 'sub', 'a.txt'));
    symlinkSync('..', join(root, 'sub', 'up'));          // sub/up → loop/
    symlinkSync(join(root, 'sub'), join(root, 'again'));  // again → sub
    symlinkSync(join(root, 'sub', 'a.txt'), join(root, 'link.txt'));
    const r = cli(['check', '--json', 'loop'], dir);
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.equal(out.reports.length, 1, r.stdout);
    assert.equal(r.code, 1);
  });

  it('a FIFO in a folder is skipped without being opened; given explicitly it is refused (exit 3)', () => {
    const root = join(dir, 'fifo');
    mkdirSync(root);
    copyFileSync(s000, join(root, 'a.txt'));
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    const r = cli(['check', '--json', 'fifo'], dir);
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.equal(out.reports.length, 1);
    assert.deepEqual(out.skipped.map((s) => [s.file, s.reason]), [[join('fifo', 'pipe.txt'), 'not-regular']]);
    const e = cli(['check', join(root, 'pipe.txt')], dir);
    assert.equal(e.code, 3);
    assert.match(e.stderr, /不是普通文件/);
  });

  it('/dev/zero given explicitly is refused, not read', () => {
    const r = cli(['check', '/dev/zero', s000], dir);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /\/dev\/zero: 不是普通文件/);
    assert.match(r.stdout, /GR010/); // the other file is still checked
  });

  it('files over --max-size are reported, not read', () => {
    const root = join(dir, 'big');
    mkdirSync(root);
    copyFileSync(huaian, join(root, 'big.txt'));
    copyFileSync(s000, join(root, 'small.txt'));
    const r = cli(['check', '--json', '--max-size', '8k', 'big'], dir);
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(out.reports.map((x) => x.file), [join('big', 'small.txt')]);
    assert.equal(out.skipped[0]!.reason, 'too-large');
    const explicit = cli(['check', '--max-size=8k', join(root, 'big.txt')], dir);
    assert.equal(explicit.code, 3);
    assert.match(explicit.stderr, /过大/);
    assert.equal(cli(['check', '--max-size', 'huge', s000], dir).code, 2);
  });

  it('a dangling link or unreadable entry is reported per file and the run continues (exit 3)', () => {
    const root = join(dir, 'dangling');
    mkdirSync(root);
    copyFileSync(s000, join(root, 'a.txt'));
    symlinkSync(join(root, 'gone.txt'), join(root, 'b.txt'));
    const r = cli(['check', 'dangling'], dir);
    assert.equal(r.code, 3);
    assert.match(r.stdout, /a\.txt:9:1 错误 GR010/);
    assert.match(r.stderr, /b\.txt: 无法读取（ENOENT）/);
    // An injected read error (EIO) is reported as such.
    const failing = { openSync: () => { throw Object.assign(new Error('io'), { code: 'EIO' }); }, fstatSync: () => { throw new Error(); }, readSync: () => 0, closeSync: () => {} };
    const res = readReportFile(s000, { maxSize: 1e7, encoding: 'auto' }, failing as never);
    assert.equal(res.ok, false);
    assert.match((res as { message: string }).message, /EIO/);
  });

  it('walk order is stable (by name, depth first) and each real file once', () => {
    const root = join(dir, 'order');
    mkdirSync(join(root, 'b'), { recursive: true });
    copyFileSync(s000, join(root, 'c.txt'));
    copyFileSync(s000, join(root, 'b', 'a.md'));
    copyFileSync(s000, join(root, 'a.txt'));
    const t = collectTargets(['order', join('order', 'a.txt')], dir);
    assert.deepEqual(t.map((x) => x.display), [join('order', 'a.txt'), join('order', 'b', 'a.md'), join('order', 'c.txt')]);
  });

  it('skipped files say why: not a report, generated summary; text lists them at the end, JSON in "skipped"', () => {
    const root = join(dir, 'skips');
    mkdirSync(root);
    copyFileSync(s000, join(root, 'a.txt'));
    writeFileSync(join(root, 'INDEX.md'), '# 目录\n\n- a.txt\n');
    const sum = cli(['summary', '--output', join(root, '汇总.md'), 'skips'], dir);
    assert.equal(sum.code, 0, sum.stderr);
    assert.match(readFileSync(join(root, '汇总.md'), 'utf8'), /^<!-- govreport:generated -->\n/);
    const j = JSON.parse(cli(['check', '--json', 'skips'], dir).stdout) as JsonOutput;
    assert.deepEqual(j.reports.map((x) => x.file), [join('skips', 'a.txt')]);
    assert.deepEqual(j.skipped.map((s) => s.reason).sort(), ['generated', 'not-report']);
    const t = cli(['check', 'skips'], dir);
    assert.match(t.stderr, /INDEX\.md: 跳过 — 开头没有年度报告标题/);
    assert.match(t.stderr, /汇总\.md: 跳过 — govreport 生成的文件/);
    assert.match(t.stderr, /检查了 1 个文件：错误 \d+ 个/);
    assert.doesNotMatch(cli(['check', '--quiet', 'skips'], dir).stderr, /跳过/);
  });

  it('a title hard-wrapped over two lines still looks like a report', () => {
    assert.ok(looksLikeReportFile('2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n\n一、总体情况\n'));
    assert.ok(!looksLikeReportFile('# 会议纪要\n\n政府信息公开\n'));
    const root = join(dir, 'wrapped');
    mkdirSync(root);
    const text = readFileSync(s000, 'utf8');
    const lines = text.split('\n');
    const i = lines.findIndex((l) => /政府信息公开/.test(l));
    const l = lines[i]!;
    const cut = l.indexOf('工作');
    lines.splice(i, 1, l.slice(0, cut), l.slice(cut));
    writeFileSync(join(root, 'w.txt'), lines.join('\n'));
    const j = JSON.parse(cli(['check', '--json', 'wrapped'], dir).stdout) as JsonOutput;
    assert.equal(j.reports.length, 1);
  });

  it('text output is written per file, not as one string', () => {
    const r = cli(['check', s000, join(SAMPLES_DIR, '001_41ca7fe939626b0f.txt')], dir);
    assert.equal(r.stdoutWrites, 2);
  });

  it('200,000 findings in one file: text and JSON written without a stack overflow', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 200_000; i++) findings.push({ code: 'GR107', severity: 'hint', message: '空', span: { start: i % 3, end: (i % 3) + 1 } });
    const model = { source: new SourceText('abc\n'), year: 2024, usedVersion: null, legacyStructure: false };
    for (const make of [textFormatter, jsonFormatter]) {
      let bytes = 0;
      const io = { stdout: (t: string) => { bytes += t.length; }, stderr: () => {}, cwd: dir };
      const f = make({ io, locale: 'zh-cn', quiet: false, verbose: false });
      f.file({ display: 'big.txt', analysis: { model, findings }, findings });
      f.end({ files: 1, failed: 0, counts: { error: 0, warning: 0, information: 0, hint: 200_000 }, skipped: [] });
      assert.ok(bytes > 200_000 * 10);
    }
  });
});
