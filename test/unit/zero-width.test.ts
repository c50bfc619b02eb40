/**
 * Zero-width spaces (U+200B) and BOMs left by a web copy, on the real samples: around a Markdown row's
 * pipes they are white space (no extra cell), and inside a 第二十条 caption's words the caption is still
 * read. The findings are the original's; only the text they quote may carry the invisible characters.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { captionOf } from '../../server/src/core/parse/tables/spec';
import { sample } from './helpers';

const ZW = /[\u200b\ufeff]/g;
const findings = (text: string) => analyze(text).findings.map((f) => `${f.code} ${f.message.replace(ZW, '')}`).sort();

describe('zero-width characters from a web copy', () => {
  it('after the closing pipe and before the opening pipe of Markdown rows: no extra cell (013)', () => {
    const text = sample('013');
    const rows = text.split('\n').filter((l) => /^\|.*\|$/.test(l.trimEnd())).length;
    assert.ok(rows > 20, `013 has Markdown tables (${rows} rows)`);
    const variant = text.split('\n').map((l) => (/^\|.*\|$/.test(l.trimEnd()) ? `\ufeff${l.trimEnd()}\u200b` : l)).join('\n');
    assert.deepEqual(findings(variant), findings(text));
  });

  it('inside the words of a 第二十条 caption: the caption still opens its table (003)', () => {
    const text = sample('003');
    const variant = text.replace(/第二十条第（/g, '第二\u200b十\u200b条第（');
    assert.notEqual(variant, text);
    assert.deepEqual(findings(variant), findings(text));
  });

  it('captionOf maps the extent back onto the text with the zero-width characters', () => {
    const text = '  第二\u200b十条第（六）项\u200b';
    const c = captionOf(text);
    assert.ok(c);
    assert.equal(c.key, captionOf('第二十条第（六）项')!.key);
    assert.equal(text.slice(c.start, c.end), '第二\u200b十条第（六）项');
  });
});

describe('zero-width characters in a body run together on one line', () => {
  it('inline headings and table openers are still read (004 pingtan 2020: GR014, not six GR001); nothing gained', () => {
    const text = sample('004_pingtan');
    let n = 0;
    // After every fifth CJK character followed by another, as a web page's word-break hints fall.
    const variant = text.replace(/[\u4e00-\u9fff](?=[\u4e00-\u9fff])/g, (c) => (++n % 5 === 0 ? `${c}\u200b` : c));
    assert.ok(n > 1000);
    const got = findings(variant);
    const original = findings(text);
    assert.deepEqual(got.filter((f) => /^GR01[0-4] /.test(f)), original.filter((f) => /^GR01[0-4] /.test(f)));
    // GR023 is lost: the title's body name with zero-width characters is not recognised as a 人民政府.
    assert.deepEqual(got.filter((f) => !original.includes(f)), []);
  });
});

describe('zero-width characters inside sentences', () => {
  it('are left out of the prose: figures and quoted sentences read as typed (002, GR212)', () => {
    const text = sample('002');
    let n = 0;
    // Prose lines only (not the title or table lines).
    const variant = text.split('\n').map((l, i) => (i === 0 || /^\s*\|/.test(l) || /\t|\s{2,}\S/.test(l.trim()) || l.trim().length < 40 ? l
      : l.replace(/[\u4e00-\u9fff](?=[\u4e00-\u9fff])/g, (c) => (++n % 3 === 0 ? `${c}\u200b` : c)))).join('\n');
    assert.ok(n > 1000);
    const got = findings(variant);
    assert.ok(got.some((f) => f.startsWith('GR212 ')), got.join('\n'));
    assert.deepEqual(got, findings(text));
  });
});
