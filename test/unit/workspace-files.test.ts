// Issue 12: the server's workspace index reads only regular files under the size limit, follows
// symlinks without looping, and says which files it skipped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { readRegularFile, WorkspaceReports } from '../../server/src/lsp/workspace';
import { sample } from './helpers';

describe('workspace index: file limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-ws-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const report = sample('huaian');
  writeFileSync(join(dir, 'report.txt'), report);
  symlinkSync(join(dir, 'report.txt'), join(dir, 'link-to-report.txt')); // the same file twice
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
  writeFileSync(join(dir, 'big.txt'), report + 'x'.repeat(3 * 1024 * 1024));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(dir, join(dir, 'sub', 'loop')); // a symlink loop

  it('readRegularFile refuses devices, FIFOs and large files without reading them', async () => {
    assert.equal(await readRegularFile(join(dir, 'report.txt'), 2 << 20), report);
    assert.deepEqual(await readRegularFile(join(dir, 'zero.txt'), 2 << 20), { skipped: 'not a regular file' });
    assert.deepEqual(await readRegularFile(join(dir, 'fifo.txt'), 2 << 20), { skipped: 'not a regular file' });
    assert.match((await readRegularFile(join(dir, 'big.txt'), 2 << 20) as { skipped: string }).skipped, /^larger than 2097152 bytes/);
  });

  it('scan: one report, every other file skipped and logged, the loop walked once', async () => {
    const logged: string[] = [];
    const ws = new WorkspaceReports((m) => logged.push(m));
    const found = await ws.scan([pathToFileURL(dir).href], (m) => logged.push(m));
    assert.equal(found.length, 1);
    assert.match(found[0]!, /\/(?:link-to-)?report\.txt$/);
    assert.equal(ws.index.size, 1);
    const skipped = logged.filter((m) => m.includes('skipped')).map((m) => m.replace(/^.*\//, '')).sort();
    assert.deepEqual(skipped, ['big.txt: larger than 2097152 bytes (3157073)'.replace('3157073', String(Buffer.byteLength(report) + 3 * 1024 * 1024)), 'fifo.txt: not a regular file', 'zero.txt: not a regular file']);
    // A watched-file change on the device link is refused the same way.
    assert.equal(await ws.refreshFile(pathToFileURL(join(dir, 'zero.txt')).href), false);
  });
});
