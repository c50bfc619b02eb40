/** `govreport fix`: atomic write, BOM and CRLF kept, many files and folders, what changed and what remains. */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { computeFixAll } from '../../server/src/core/features/fixAll';
import { nodeWriteFs, writeFileAtomic, type WriteFs } from '../../server/src/cli/write';
import { cli } from './cli-helpers';
import { SAMPLES_DIR } from './helpers';

const s001 = join(SAMPLES_DIR, '001_41ca7fe939626b0f.txt');
const s003 = join(SAMPLES_DIR, '003_229742694c41f912.txt');

describe('govreport fix', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'govreport-cli-fix-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writeFileAtomic replaces the file and keeps its mode; a failing step leaves the original intact and no temp file', () => {
    const f = join(dir, 'atomic.txt');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    writeFileAtomic(f, Buffer.from('new'));
    assert.equal(readFileSync(f, 'utf8'), 'new');
    assert.equal(statSync(f).mode & 0o777, 0o640);
    for (const step of ['writeSync', 'fsyncSync', 'renameSync', 'chmodSync'] as const) {
      const failing: WriteFs = { ...nodeWriteFs, [step]: () => { throw Object.assign(new Error(step), { code: 'ENOSPC' }); } };
      assert.throws(() => writeFileAtomic(f, Buffer.from('broken'), failing), /ENOSPC|writeSync|fsyncSync|renameSync|chmodSync/);
      assert.equal(readFileSync(f, 'utf8'), 'new', step);
      assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], step);
    }
  });

  it('a failing write in fix: the original is intact, exit 3, the other files still fixed', () => {
    const a = join(dir, 'wa.txt');
    const b = join(dir, 'wb.txt');
    copyFileSync(s001, a);
    copyFileSync(s003, b);
    let calls = 0;
    const failOnce: WriteFs = { ...nodeWriteFs, renameSync: (x, y) => { if (calls++ === 0) throw Object.assign(new Error('full'), { code: 'ENOSPC' }); nodeWriteFs.renameSync(x, y); } };
    const r = cli(['fix', a, b], dir, { writeFs: failOnce });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /wa\.txt: 无法写入，原文件未改动（ENOSPC）/);
    assert.equal(readFileSync(a, 'utf8'), readFileSync(s001, 'utf8'));
    assert.equal(readFileSync(b, 'utf8'), computeFixAll(readFileSync(s003, 'utf8')).text);
  });

  it('keeps BOM and CRLF, in the written file and in --dry-run', () => {
    const lf = readFileSync(s001, 'utf8');
    const crlfText = lf.replace(/\r?\n/g, '\r\n');
    const f = join(dir, 'crlf.txt');
    writeFileSync(f, '\ufeff' + crlfText);
    const expected = '\ufeff' + computeFixAll(lf).text.replace(/\r?\n/g, '\r\n');
    const dry = cli(['fix', '--dry-run', f], dir);
    assert.notEqual(dry.code, 3, dry.stderr);
    assert.equal(dry.stdout, expected);
    assert.equal(readFileSync(f, 'utf8'), '\ufeff' + crlfText); // untouched by the dry run
    cli(['fix', f], dir);
    assert.equal(readFileSync(f, 'utf8'), expected);
  });

  it('over a folder: prints file:line:col rule old → new per edit and what remains; --dry-run writes nothing', () => {
    const root = join(dir, 'many');
    mkdirSync(root);
    copyFileSync(s001, join(root, 'a.txt'));
    copyFileSync(s003, join(root, 'b.txt'));
    const before = readFileSync(join(root, 'a.txt'), 'utf8');
    const dry = cli(['fix', '--dry-run', 'many'], dir);
    assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), before);
    const n = computeFixAll(before).edits.length;
    const changeLines = dry.stdout.split('\n').filter((l) => /^many\/a\.txt:\d+:/.test(l));
    assert.equal(changeLines.length, n);
    for (const l of changeLines) assert.match(l, /^many\/a\.txt:\d+:\d+ (GR\d{3}|—) “[^”]*” → “[^”]*”$/);
    assert.match(dry.stdout, new RegExp(`many/a\\.txt: 可应用 ${n} 处修改（未写入）；仍有错误 \\d+ 个，警告 \\d+ 个`));
    assert.match(dry.stdout, /many\/b\.txt: 可应用/);
    const real = cli(['fix', 'many'], dir);
    assert.match(real.stdout, new RegExp(`many/a\\.txt: 已应用 ${n} 处修改`));
    assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), computeFixAll(before).text);
    assert.equal(real.code, /仍有错误 [1-9]/.test(real.stdout) ? 1 : 0);
  });

  it('stdin: fix - prints the fixed text', () => {
    const text = readFileSync(s001);
    const r = cli(['fix', '-'], dir, { readStdin: () => text });
    assert.equal(r.stdout, computeFixAll(text.toString('utf8')).text);
  });
});
