/**
 * `check` on several threads (dist/cli.js + dist/cli-worker.js, built by `npm run build`): the same
 * output and exit code as one thread, in input order, peers across threads; when threads pay.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { encodeText } from '../../server/src/cli/encoding';
import { decideThreads, PARALLEL_MIN_CORES, PARALLEL_MIN_FILES } from '../../server/src/cli/parallel';
import type { LoadJob } from '../../server/src/cli/participant';
import { KnownPositions } from '../../server/src/cli/results';
import { SourceText } from '../../server/src/core/index';
import { SAMPLES_DIR } from './helpers';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PAIRS = join(ROOT, 'test', 'fixtures', 'pairs');
const built = existsSync(join(ROOT, 'dist', 'cli-worker.js')) || 'run npm run build first';

const fileJobs = (n: number, path = '/nonexistent/x.txt'): LoadJob[] =>
  Array.from({ length: n }, (_, i) => ({ i, opt: 0, target: { kind: 'file', path, display: 'x.txt', explicit: false } }));

function check(dir: string, args: string[]) {
  return spawnSync(process.execPath, [CLI, 'check', ...args, '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
}

describe('govreport check in parallel', () => {
  it('--jobs 2 prints exactly what --jobs 1 prints, peers split across threads included', { skip: built !== true && built }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-cli-par-'));
    try {
      // The pair at both ends: the two years land in different threads.
      copyFileSync(join(PAIRS, 'qinghe-2022.md'), join(dir, 'a.md'));
      for (let i = 0; i < 66; i++) copyFileSync(join(SAMPLES_DIR, i % 2 ? '001_41ca7fe939626b0f.txt' : '000_a3bf536ec8a0a8f8.txt'), join(dir, `m${String(i).padStart(2, '0')}.txt`));
      copyFileSync(join(PAIRS, 'qinghe-2023.md'), join(dir, 'z.md'));
      const one = check(dir, ['--json', '--jobs', '1']);
      const two = check(dir, ['--json', '--jobs', '2']);
      assert.equal(one.status, 1, one.stderr);
      assert.equal(two.status, 1, two.stderr);
      assert.equal(two.stdout, one.stdout);
      const reports = (JSON.parse(two.stdout) as { reports: { file: string; diagnostics: { code: string }[] }[] }).reports;
      assert.equal(reports.length, 68);
      assert.equal(reports[67]!.file, 'z.md');
      assert.ok(reports[67]!.diagnostics.some((d) => d.code.startsWith('GR30')), 'the 2023 report is compared with 2022');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every sample, encodings, a non-report, an undecodable file and peers: same stdout, stderr and exit code on 1, 2 and 3 threads, in every format', { skip: built !== true && built }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-cli-par-mix-'));
    try {
      const all = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort();
      for (let r = 0; r < 2; r++) {
        all.forEach((f, k) => {
          const text = readFileSync(join(SAMPLES_DIR, f), 'utf8');
          const name = `r${r}-${String(k).padStart(2, '0')}`;
          if (k % 4 === 1) writeFileSync(join(dir, `${name}.txt`), encodeText(text, 'gb18030', false));
          else if (k % 4 === 2) writeFileSync(join(dir, `${name}.txt`), encodeText(text.replace(/\n/g, '\r\n'), 'utf8', true));
          else if (k % 4 === 3) writeFileSync(join(dir, `${name}.txt`), encodeText(text, 'utf16le', true));
          else copyFileSync(join(SAMPLES_DIR, f), join(dir, `${name}.txt`));
        });
      }
      // Both years of one body, in the middle of the list (a thread may load one and steal the other).
      copyFileSync(join(PAIRS, 'qinghe-2023.md'), join(dir, 'r0-m-2023.md'));
      copyFileSync(join(PAIRS, 'qinghe-2022.md'), join(dir, 'r1-m-2022.md'));
      writeFileSync(join(dir, 'notes.txt'), '会议记录\n这不是年报。\n');
      writeFileSync(join(dir, 'broken.txt'), Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x81]));
      for (const format of ['json', 'text', 'sarif', 'junit', 'github']) {
        const one = check(dir, ['--format', format, '--jobs', '1']);
        assert.equal(one.status, 3, one.stderr); // broken.txt cannot be decoded
        for (const jobs of format === 'json' ? ['2', '3'] : ['3']) {
          const par = check(dir, ['--format', format, '--jobs', jobs]);
          assert.equal(par.status, one.status, `${format} --jobs ${jobs}`);
          assert.equal(par.stdout, one.stdout, `${format} --jobs ${jobs}`);
          assert.equal(par.stderr, one.stderr, `${format} --jobs ${jobs}`);
        }
      }
      const json = JSON.parse(check(dir, ['--json', '--jobs', '3']).stdout) as { reports: { file: string; error?: string; diagnostics: { code: string }[] }[]; skipped: { file: string }[] };
      assert.deepEqual(json.skipped.map((s) => s.file), ['notes.txt']);
      assert.ok(json.reports.find((r) => r.file === 'broken.txt')?.error);
      assert.ok(json.reports.find((r) => r.file === 'r0-m-2023.md')!.diagnostics.some((d) => d.code.startsWith('GR30')));
      const quiet = check(dir, ['--quiet', '--jobs', '2']);
      assert.equal(quiet.stdout, check(dir, ['--quiet', '--jobs', '1']).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('threads: --jobs as given (never more than files); automatic only for many files or big ones, and only on idle cores', () => {
    assert.equal(decideThreads(4, fileJobs(3)), 3);
    assert.equal(decideThreads(1, fileJobs(500)), 1);
    assert.equal(decideThreads(undefined, fileJobs(1), () => 0), 1);
    assert.equal(decideThreads(undefined, fileJobs(PARALLEL_MIN_FILES - 1), () => 0), 1, 'few small (here: unreadable) files');
    const many = decideThreads(undefined, fileJobs(1000), () => 0);
    const cores = Math.min(availableParallelism(), 8);
    assert.equal(many, cores >= PARALLEL_MIN_CORES ? cores : 1, 'threads only from PARALLEL_MIN_CORES idle cores');
    assert.equal(decideThreads(undefined, fileJobs(1000), () => 64), 1, 'every core busy elsewhere');
    const big: LoadJob[] = [0, 1].map((i) => ({ i, opt: 0, target: { kind: 'text', display: '-', path: null, text: 'x'.repeat(1 << 19), encoding: 'utf8', bom: false } }));
    assert.equal(decideThreads(undefined, big, () => 0), Math.min(2, many));
  });

  it('KnownPositions answers the ranges computed where the text was, as SourceText would', () => {
    const src = new SourceText('第一行\r\n第二行😀x\n');
    const spans = [{ start: 5, end: 8 }, { start: 10, end: 11 }];
    const known = new KnownPositions(spans.map((s) => ({ code: 'GR000', severity: 'error', message: '', start: s.start, end: s.end, range: src.rangeOf(s) })));
    for (const s of spans) {
      assert.deepEqual(known.rangeOf(s), src.rangeOf(s));
      assert.deepEqual(known.positionAt(s.start), src.positionAt(s.start));
    }
    assert.throws(() => known.positionAt(3));
  });
});
