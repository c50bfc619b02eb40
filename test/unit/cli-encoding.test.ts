/** CLI encodings: UTF-8 ± BOM, UTF-16 LE/BE, GB18030 (fixture made with `iconv -t gb18030`), refusal, round trip. */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeBytes, encodeText, EncodingError } from '../../server/src/cli/encoding';
import type { JsonOutput } from '../../server/src/cli/run';
import { cli } from './cli-helpers';
import { SAMPLES_DIR } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'encodings');
const s001 = join(SAMPLES_DIR, '001_41ca7fe939626b0f.txt');
const gb = join(FIXTURES, '001-gb18030.txt');

describe('govreport CLI encodings', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'govreport-cli-enc-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const positions = (stdout: string) => (JSON.parse(stdout) as JsonOutput).reports[0]!.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}:${d.message}`);

  it('Node decodes gb18030 strictly (full ICU)', () => {
    assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4])), '中文');
  });

  it('a GB18030 file gives the same findings as its UTF-8 original (auto and --encoding gb18030)', () => {
    const utf8 = positions(cli(['check', '--json', s001], dir).stdout);
    assert.ok(utf8.length > 0);
    assert.deepEqual(positions(cli(['check', '--json', gb], dir).stdout), utf8);
    assert.deepEqual(positions(cli(['check', '--json', '--encoding', 'gb18030', gb], dir).stdout), utf8);
    const forced = cli(['check', '--encoding', 'utf8', gb], dir);
    assert.equal(forced.code, 3);
    assert.match(forced.stderr, /无法识别文件编码/);
    assert.equal(forced.stdout, '');
    assert.equal(cli(['check', '--encoding', 'latin1', gb], dir).code, 2);
  });

  it('UTF-16 LE and BE with BOM, and UTF-8 with BOM, read as the UTF-8 original', () => {
    const text = readFileSync(s001, 'utf8');
    const utf8 = positions(cli(['check', '--json', s001], dir).stdout);
    const le = join(dir, 'le.txt');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = join(dir, 'be.txt');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, '\ufeff' + text);
    for (const f of [le, be, bom]) assert.deepEqual(positions(cli(['check', '--json', f], dir).stdout), utf8, f);
  });

  it('bytes that are neither UTF-8 nor GB18030 are refused with a Chinese message (exit 3), never mojibake', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from('2020年政府信息公开工作年度报告\n', 'utf8'), Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x80, 0x81, 0x30, 0x02])]));
    const r = cli(['check', bad, s001], dir);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /bad\.txt: 无法识别文件编码/);
    assert.match(r.stdout, /001_41ca7fe939626b0f\.txt:/);
    assert.throws(() => decodeBytes(Uint8Array.from([0x81, 0x20])), EncodingError);
  });

  it('encodeText round-trips each encoding with its BOM, and refuses what GB18030 cannot hold exactly', () => {
    const s = '一、总体情况\r\n𠀀 数字 1,234';
    for (const enc of ['utf8', 'utf16le', 'utf16be'] as const) {
      const b = encodeText(s, enc, true);
      const d = decodeBytes(b);
      assert.deepEqual([d.text, d.encoding, d.bom], [s, enc, true]);
    }
    const g = encodeText(s, 'gb18030', false);
    assert.deepEqual(decodeBytes(g), { text: s, encoding: 'gb18030', bom: false });
    assert.throws(() => encodeText('a\ud800b', 'gb18030', false), EncodingError);
    // Every CJK ideograph, the full-width forms, CJK punctuation and an astral char round-trip.
    let all = '\u3000。，、；：？！“”（）《》【】１２３ＡＢＣ𪚥';
    for (let c = 0x4e00; c <= 0x9fff; c++) all += String.fromCharCode(c);
    assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(encodeText(all, 'gb18030', false)), all);
    assert.deepEqual([...encodeText('中文', 'gb18030', false)], [0xd6, 0xd0, 0xce, 0xc4]);
    assert.throws(() => encodeText('a\ud800b', 'utf8', false), EncodingError);
  });

  it('fix writes a GB18030 file back as GB18030', () => {
    const target = join(dir, 'gb-fix.txt');
    copyFileSync(gb, target);
    const r = cli(['fix', target], dir);
    assert.notEqual(r.code, 3, r.stderr);
    const bytes = readFileSync(target);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const after = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    // The same as fixing the UTF-8 original.
    const u = join(dir, 'u-fix.txt');
    copyFileSync(s001, u);
    cli(['fix', u], dir);
    assert.equal(after, readFileSync(u, 'utf8'));
  });
});
