/**
 * Unseen shapes (test/unit/shapes.ts): every fixture sample as a PDF extraction, a web copy, OCR
 * output and a Word paste, and as CRLF / BOM / GB18030 bytes through the CLI. For every variant the
 * checker must not crash, and must not report a figure the original does not: a new arithmetic or
 * text finding on a variant is a false finding (the variants change how the text looks, not its
 * figures). Then, one test per false finding the sweep found, on the realistic text.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { encodeText } from '../../server/src/cli/encoding';
import type { JsonOutput } from '../../server/src/cli/run';
import { checkIdentities } from '../../server/src/core/tables/identities';
import { specOf } from '../../server/src/core/tables/checked';
import { cli } from './cli-helpers';
import { SAMPLES_DIR } from './helpers';
import { pdfNumberWraps, pdfWrap, variantsOf } from './shapes';

/** Findings about figures (tables' arithmetic and plausibility, the text's figures and dates). */
const FIGURE = /^GR(10[1-46]|11[01]|2\d\d)$/;
/** A message as compared: digits half-width, no spaces or invisible characters, quoted sentences out (their cut depends on the text's shape). */
const norm = (m: string) => m
  .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  .replace(/“[^”]*…”/g, '“…”')
  .replace(/[\s\u200b\u00a0]/g, '');
const figures = (text: string) => analyze(text).findings.filter((f) => FIGURE.test(f.code)).map((f) => `${f.code} ${norm(f.message)}`);

const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort();
const read = (f: string) => readFileSync(join(SAMPLES_DIR, f), 'utf8');

describe('unseen shapes: no figure finding the original does not have', () => {
  for (const f of samples) {
    it(f, () => {
      const text = read(f);
      const base = new Set(figures(text));
      const gained: string[] = [];
      const variants = variantsOf(text).filter((v) => v.text !== text); // a sample without tables has no rows to break
      assert.ok(variants.length >= 8, `${variants.length} variants differ from the original`);
      for (const v of variants) {
        for (const m of figures(v.text)) if (!base.has(m)) gained.push(`${v.name}: ${m}`);
      }
      assert.deepEqual(gained, []);
    });
  }

  it('every variant of every sample is analysed (no throw, no GR000), and an unreadable table is said once', () => {
    for (const f of samples) {
      for (const v of variantsOf(read(f))) {
        const a = analyze(v.text);
        assert.equal(a.findings.filter((x) => x.code === 'GR000').length, 0, `${f} ${v.name}`);
        const gr012 = a.findings.filter((x) => x.code === 'GR012');
        assert.equal(new Set(gr012.map((x) => x.span.start)).size, gr012.length, `${f} ${v.name}: GR012 twice on one table`);
      }
    }
  });
});

describe('unseen shapes: bytes through the CLI (CRLF, BOM, GB18030)', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'govreport-shapes-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const seen = (stdout: string) => (JSON.parse(stdout) as JsonOutput).reports[0]!.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.message}`);

  for (const f of samples) {
    it(f, () => {
      const text = read(f).replace(/^\uFEFF/, '');
      const write = (name: string, bytes: Buffer) => { const p = join(dir, name); writeFileSync(p, bytes); return p; };
      const utf8 = seen(cli(['check', '--json', write('utf8.txt', Buffer.from(text, 'utf8'))], dir).stdout);
      const crlf = text.replace(/\n/g, '\r\n');
      for (const p of [
        write('crlf.txt', Buffer.from(crlf, 'utf8')),
        write('bom.txt', encodeText(text, 'utf8', true)),
        write('bom-crlf.txt', encodeText(crlf, 'utf8', true)),
        write('gb18030.txt', encodeText(text, 'gb18030', false)),
        write('gb18030-crlf.txt', encodeText(crlf, 'gb18030', false)),
      ]) {
        const r = cli(['check', '--json', p], dir);
        assert.ok(r.code === 0 || r.code === 1, `${p}: exit ${r.code} ${r.stderr}`);
        assert.deepEqual(seen(r.stdout), utf8, p);
      }
    });
  }
});

describe('unseen shapes: the false findings the sweep found, on realistic text', () => {
  it('a number wrapped over two lines of a PDF ("共计11⏎465条") is read as 11465, not as 465', () => {
    // 002 as a PDF: the stated total 11465 is wrapped; its parts 10462 + 3832 do exceed it (true).
    const text = pdfWrap(read('002_7d018cf2700304a7.txt'));
    assert.match(text, /共计11\n465条/);
    const m = analyze(text).findings.filter((f) => f.code === 'GR212').map((f) => f.message);
    assert.ok(m.some((x) => x.includes('超过总数11465条')), m.join('\n'));
    assert.ok(!m.some((x) => /超过总数465条/.test(x)), m.join('\n'));
  });

  it('huaian as a PDF wrapped at 28 characters: no GR210 "结转下年度3件" (it says 103) and no GR212 on "3⏎51件"', () => {
    const codes = analyze(pdfWrap(read('huaian-2024.txt'))).findings.map((f) => f.code);
    assert.ok(!codes.includes('GR210'));
    assert.ok(!codes.includes('GR212'));
  });

  it('a date wrapped inside its year ("201⏎9年12月31日") is not a malformed date', () => {
    assert.ok(!analyze(pdfWrap(read('000_a3bf536ec8a0a8f8.txt'))).findings.some((f) => f.code === 'GR203'));
  });

  it('digits split by a space ("公布政府信息5 7条", OCR) are not compared: no GR212 claiming a total of 7', () => {
    const text = read('004_65d1a5b6670e2059.txt').replace('公布政府信息57条', '公布政府信息5 7条');
    assert.ok(text.includes('5 7条'));
    assert.ok(!analyze(text).findings.some((f) => f.code === 'GR212' && f.message.includes('超过总数7条')));
    // the same with the break from a PDF (one number: 57, whose parts add up)
    assert.ok(!analyze(pdfNumberWraps(read('004_65d1a5b6670e2059.txt'))).findings.some((f) => f.code === 'GR212'));
  });

  it('a web copy with NBSP after the Markdown marks ("##\u00a0一、总体情况") keeps its sections: no GR001', () => {
    const text = read('013_shuyang_xzf_2025.txt').replace(/^(#+) /gm, '$1\u00a0');
    assert.match(text, /^##\u00a0一、总体情况/m);
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.code === 'GR001').map((f) => f.message), []);
    assert.equal(a.model.sections.length, 6);
  });

  it('表三 in pieces headed "类别 | 数据１ … 数据６ | 总计" (full-width digits) is still joined: no GR013', () => {
    const text = read('013_shuyang_xzf_2025.txt').replace(/数据(\d)/g, (_m, d: string) => `数据${String.fromCharCode(0xff10 + Number(d))}`);
    assert.match(text, /\| 数据１ \|/);
    assert.deepEqual(analyze(text).findings.filter((f) => f.code === 'GR013').map((f) => f.message), []);
  });

  it('a title with full-width digits ("紫阳县２０１９年度…") gives the year: the year-bound findings stay', () => {
    const text = read('017_pingtan_xzf_2012.txt').replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const a = analyze(text);
    assert.equal(a.model.year, 2012);
    assert.equal(a.model.version, 'legacy');
    assert.deepEqual(a.findings.filter((f) => /^GR00[14]$|^GR010$/.test(f.code)).map((f) => f.message), []);
  });

  it('OCR "l2月31日" (l for 1) is not the malformed date 2月31日', () => {
    const text = read('017_pingtan_xzf_2012.txt').replace('12月31日', 'l2月31日');
    assert.ok(text.includes('l2月31日'));
    assert.ok(!analyze(text).findings.some((f) => f.code === 'GR203'));
  });

  it('表三 whose 四 row is not read (OCR "3l" in it): 一 + 二 > （七） is no finding, 四 may hold the difference', () => {
    const text = read('013_shuyang_xzf_2025.txt').replace(/(\| 四、结转下年度继续办理 \| )31 /, '$13l ');
    assert.ok(text.includes('| 四、结转下年度继续办理 | 3l '));
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.code === 'GR103').map((f) => f.message), []);
    // the hover and the inlay hints read the same checks: no balance mismatch there either
    const t3 = a.model.tables.find((t) => t.key === 'T3')!;
    const balance = checkIdentities(t3, specOf(t3, a.model.checkedVersion)!).filter((c) => c.identity.kind === 'balance');
    assert.ok(balance.length > 0);
    assert.deepEqual(balance.filter((c) => c.status === 'mismatch').map((c) => c.target.column), []);
  });

  it('…but 一 + 二 < （七） fails whatever 四 holds: reported, saying so', () => {
    const text = read('013_shuyang_xzf_2025.txt')
      .replace(/\| 四、结转下年度继续办理 \|[^\n]*\n/, '')
      .replace(/\| （七）总计 \| 710 \|/, '| （七）总计 | 760 |');
    const f = analyze(text).findings.filter((x) => x.code === 'GR103');
    assert.equal(f.length, 1, f.map((x) => x.message).join('\n'));
    assert.match(f[0]!.message, /少于（七）总计 760，表中缺少的“四、结转下年度继续办理”填多少都不能相等/);
  });

});
