/**
 * `check` in one thread, file by file (oneThread.ts): a file whose peer comes later is analysed
 * again with it; a peer no longer among the kept models is parsed again from its text; the result of every file
 * is what it gets beside its peers alone.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileByFile, RECENT_MODELS, RecentModels, type LoadJob } from '../../server/src/cli/participant';
import { parseReport } from '../../server/src/core/index';
import { cli } from './cli-helpers';
import { SAMPLES_DIR } from './helpers';

const PAIRS = join(__dirname, '..', 'fixtures', 'pairs');
type Json = { reports: { file: string; diagnostics: { code: string; message: string; range: unknown }[] }[] };
const reportOf = (json: string, file: string) => (JSON.parse(json) as Json).reports.find((r) => r.file === file)!;

describe('check in one thread, file by file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-cli-one-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const pingtan = readFileSync(join(SAMPLES_DIR, '004_pingtan_2020.txt'), 'utf8');
  const huaian = readFileSync(join(SAMPLES_DIR, 'huaian-2024.txt'), 'utf8');
  /** A fresh folder `sub` with these files ('pair:name': a copy of test/fixtures/pairs/name). */
  const folder = (sub: string, files: Record<string, string>) => {
    const d = join(dir, sub);
    mkdirSync(d);
    for (const [name, text] of Object.entries(files)) {
      if (text.startsWith('pair:')) copyFileSync(join(PAIRS, text.slice(5)), join(d, name));
      else writeFileSync(join(d, name), text);
    }
    return d;
  };

  // 2023 before its 2022 peer; pingtan 2019 further back than the kept models; distinct bodies between.
  const fillers: Record<string, string> = {};
  for (let i = 0; i < 4; i++) fillers[`f${String(i).padStart(2, '0')}.txt`] = huaian.replace('淮安市', `测试${i}市`);
  const all = folder('all', {
    'a-q2023.md': 'pair:qinghe-2023.md', 'b-p2019.txt': pingtan.replace(/2020/g, '2019'), ...fillers,
    'm-p2020.txt': pingtan, 'z-q2022.md': 'pair:qinghe-2022.md',
  });
  const r = cli(['check', '--json', '--jobs', '1', '.'], all);

  it('a peer that comes later: the file is checked again with it (GR301 on 2023 from 2022)', () => {
    assert.equal(r.code, 1, r.stderr);
    const alone = cli(['check', '--json', '--jobs', '1', '.'], folder('q', { 'a-q2023.md': 'pair:qinghe-2023.md', 'z-q2022.md': 'pair:qinghe-2022.md' }));
    const got = reportOf(r.stdout, 'a-q2023.md');
    assert.ok(got.diagnostics.some((d) => d.code === 'GR301'));
    assert.deepEqual(got, reportOf(alone.stdout, 'a-q2023.md'));
  });

  it('a peer read before the kept models: parsed again, same findings (GR303)', () => {
    const alone = cli(['check', '--json', '--jobs', '1', '.'], folder('p', { 'b-p2019.txt': pingtan.replace(/2020/g, '2019'), 'm-p2020.txt': pingtan }));
    const got = reportOf(r.stdout, 'm-p2020.txt');
    assert.ok(got.diagnostics.some((d) => d.code === 'GR303'));
    assert.deepEqual(got, reportOf(alone.stdout, 'm-p2020.txt'));
    // The same files with room for 2 models only: 2019 is parsed again for 2020.
    const files = ['b-p2019.txt', 'f00.txt', 'f01.txt', 'f02.txt', 'm-p2020.txt'];
    const jobs: LoadJob[] = files.map((f, i) => ({ i, opt: 0, target: { kind: 'file', path: join(all, f), display: f, explicit: false } }));
    const results = [RECENT_MODELS, 2].map((n) => {
      const me = new FileByFile({ maxSize: 1 << 24, encoding: 'auto' }, 'hint', n);
      me.addOptions([{ locale: 'zh-cn' }]);
      return jobs.map((j) => me.check(j).checked);
    });
    const codes = (c: unknown) => (c as { findings: { code: string }[] }).findings.map((f) => f.code);
    assert.ok(codes(results[1]![4]).includes('GR303'));
    assert.deepEqual(results[1], results[0]);
  });

  it('two reports of the same body and year: neither is the peer (as with both read first)', () => {
    const twice = cli(['check', '--json', '--jobs', '1', '.'], folder('t', { 'a-q2023.md': 'pair:qinghe-2023.md', 'b-q2022.md': 'pair:qinghe-2022.md', 'c-q2022.md': 'pair:qinghe-2022.md' }));
    assert.ok(!reportOf(twice.stdout, 'a-q2023.md').diagnostics.some((d) => d.code.startsWith('GR30')));
  });

  it('RecentModels keeps the last ones put, within a count and a text size', () => {
    const m = new RecentModels(2, 10);
    const models = [0, 1, 2].map(() => parseReport('x'));
    models.forEach((x, i) => m.put(i, x));
    assert.equal(m.get(0), undefined);
    assert.equal(m.get(1), models[1]);
    assert.equal(m.get(2), models[2]);
    m.put(1, models[1]!); // put again: youngest
    m.put(3, models[0]!);
    assert.equal(m.get(2), undefined);
    assert.equal(m.get(1), models[1]);
    const big = parseReport('y'.repeat(9));
    m.put(4, big); // 1 + 1 + 9 > 10 characters: the oldest goes
    assert.equal(m.get(1), undefined);
    assert.equal(m.get(3), models[0]);
    assert.equal(m.get(4), big);
    const huge = parseReport('z'.repeat(20));
    m.put(5, huge); // alone over the size: still kept (it was just parsed), the others go
    assert.equal(m.get(4), undefined);
    assert.equal(m.get(5), huge);
  });
});
