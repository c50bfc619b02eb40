/** `check` on worker threads (dist/cli.js + dist/cli-worker.js, built by `npm run build`): same output, in input order, peers across workers. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PeerIndex } from '../../server/src/cli/peers';
import { parseReport } from '../../server/src/core/parse/report';
import { readFileSync } from 'node:fs';
import { SAMPLES_DIR } from './helpers';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PAIRS = join(ROOT, 'test', 'fixtures', 'pairs');

describe('govreport check in parallel', () => {
  it('PeerIndex gives a report last year\'s report of the same body only', () => {
    const y22 = parseReport(readFileSync(join(PAIRS, 'qinghe-2022.md'), 'utf8'));
    const y23 = parseReport(readFileSync(join(PAIRS, 'qinghe-2023.md'), 'utf8'));
    const other = parseReport(readFileSync(join(SAMPLES_DIR, '000_a3bf536ec8a0a8f8.txt'), 'utf8'));
    const idx = new PeerIndex();
    idx.add('file:///a', y22);
    idx.add('file:///b', y23);
    idx.add('file:///c', other);
    assert.deepEqual(idx.peersFor(y23).map((p) => p.uri), ['file:///a']);
    assert.deepEqual(idx.peersFor(y22), []);
    assert.deepEqual(idx.peersFor(other), []);
  });

  it('--jobs 2 prints exactly what --jobs 1 prints, peers split across workers included', { skip: !existsSync(join(ROOT, 'dist', 'cli-worker.js')) && 'run npm run build first' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-cli-par-'));
    try {
      // The pair at both ends: the two years land in different workers.
      copyFileSync(join(PAIRS, 'qinghe-2022.md'), join(dir, 'a.md'));
      for (let i = 0; i < 66; i++) copyFileSync(join(SAMPLES_DIR, i % 2 ? '001_41ca7fe939626b0f.txt' : '000_a3bf536ec8a0a8f8.txt'), join(dir, `m${String(i).padStart(2, '0')}.txt`));
      copyFileSync(join(PAIRS, 'qinghe-2023.md'), join(dir, 'z.md'));
      const one = spawnSync(process.execPath, [CLI, 'check', '--json', '--jobs', '1', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
      const two = spawnSync(process.execPath, [CLI, 'check', '--json', '--jobs', '2', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
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
});
