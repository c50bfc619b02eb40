/** The TextMate grammar, tokenised with VS Code's own engine (vscode-textmate + oniguruma). */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');
let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      if (scope !== 'text.govreport') return null;
      const path = join(ROOT, 'syntaxes', 'govreport.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const g = await registry.loadGrammar('text.govreport');
  assert.ok(g, 'grammar loads');
  grammar = g;
});

/** Scopes of the token that covers `needle` in `line` (first occurrence). */
function scopesAt(line: string, needle: string): string[] {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${line}`);
  const r = grammar.tokenizeLine(line, textmate.INITIAL);
  const tok = r.tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return tok.scopes;
}

const has = (scopes: string[], prefix: string) => scopes.some((s) => s.startsWith(prefix));

describe('govreport grammar', () => {
  it('section headings by level, indented or with Markdown #', () => {
    assert.ok(has(scopesAt('一、总体情况', '总体'), 'markup.heading.1'));
    assert.ok(has(scopesAt('\u3000\u3000二、主动公开政府信息情况', '主动'), 'markup.heading.1'));
    assert.ok(has(scopesAt('## 三．收到和处理政府信息公开申请情况', '收到'), 'markup.heading.1'));
    assert.ok(has(scopesAt(' （一）主动公开情况', '主动'), 'markup.heading.2'));
    assert.ok(has(scopesAt('(二)依申请公开', '依申请'), 'markup.heading.2'));
    assert.ok(has(scopesAt('1.加强组织领导', '加强'), 'markup.heading.3'));
    assert.ok(has(scopesAt('2、完善制度', '完善'), 'markup.heading.3'));
  });

  it('a run-in head is a heading only up to its full stop; the paragraph after it is text', () => {
    const line = '（一）强化组织领导。成立了以分管副县长为组长的领导小组，2024年召开会议3次。';
    assert.ok(has(scopesAt(line, '强化'), 'markup.heading.2'));
    assert.ok(has(scopesAt(line, '领导。'), 'markup.heading.2'));
    assert.ok(!has(scopesAt(line, '成立了'), 'markup.heading'));
    assert.ok(!has(scopesAt(line, '领导小组'), 'markup.heading'));
    assert.ok(has(scopesAt(line, '3次'), 'constant.numeric'));
    assert.ok(!has(scopesAt('　　1.健全制度：印发《办法》', '印发'), 'markup.heading'));
    // A heading that ends with its full stop and nothing after it stays a heading throughout.
    assert.ok(has(scopesAt('（二）依申请公开。', '公开'), 'markup.heading.2'));
  });

  it('a decimal number is not a heading; a tab row is a table row', () => {
    assert.ok(!has(scopesAt('1.5万元', '万元'), 'markup.heading'));
    const row = '1.属于国家秘密\t0\t0\t0';
    assert.ok(!has(scopesAt(row, '属于'), 'markup.heading'));
    assert.ok(has(scopesAt(row, '\t'), 'punctuation.separator.table.tab'));
    assert.ok(has(scopesAt(row, '0'), 'constant.numeric'));
  });

  it('Markdown pipe rows and captions', () => {
    const row = '| 规章 | 0 | 1 | １２ |';
    assert.ok(has(scopesAt(row, '|'), 'punctuation.separator.table.cell'));
    assert.ok(has(scopesAt(row, '１２'), 'constant.numeric'));
    assert.ok(has(scopesAt('|---|:---:|---|', '---'), 'meta.table.delimiter'));
    assert.ok(has(scopesAt('第二十条第（一）项', '第二十条'), 'entity.name.tag.caption'));
    assert.ok(has(scopesAt('第二十条 第（五）项', '（五）'), 'entity.name.tag.caption'));
  });

  it('dates, placeholders, notices and the title', () => {
    assert.ok(has(scopesAt('统计期限为2024年1月1日至2024年12月31日。', '2024年12月31日'), 'constant.other.date'));
    assert.ok(has(scopesAt('本机关（文字描述）', '文字描述'), 'invalid.deprecated.placeholder'));
    assert.ok(has(scopesAt('XX县人民政府', 'XX'), 'invalid.deprecated.placeholder'));
    assert.ok(has(scopesAt('××局', '××'), 'invalid.deprecated.placeholder'));
    assert.ok(has(scopesAt('某某镇', '某某'), 'invalid.deprecated.placeholder'));
    assert.ok(has(scopesAt('根据国办公开办函〔2021〕30号要求', '〔2021〕'), 'string.other.notice'));
    assert.ok(has(scopesAt('淮安市人民政府2024年政府信息公开工作年度报告', '淮安'), 'markup.heading.title'));
  });

  it('tokenises every sample: tokens tile each line, and the six section headings are headings', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'samples');
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
    assert.ok(names.length >= 6);
    let headings = 0;
    for (const name of names) {
      let state = textmate.INITIAL;
      for (const line of readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        // Contiguous tokens from column 0 over the whole line: nothing dropped or tokenised twice.
        assert.equal(r.tokens[0]!.startIndex, 0, `${name}: ${line.slice(0, 30)}`);
        for (let i = 1; i < r.tokens.length; i++) assert.equal(r.tokens[i]!.startIndex, r.tokens[i - 1]!.endIndex, name);
        assert.ok(r.tokens[r.tokens.length - 1]!.endIndex >= line.length, `${name}: ${line.slice(0, 30)}`);
        if (/^[\s\u3000]*[一二三四五六]、(?:总体情况|主动公开政府信息情况)/.test(line)) {
          const at = line.search(/[一二三四五六]、/) + 2;
          const tok = r.tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
          assert.ok(has(tok.scopes, 'markup.heading.1'), `${name}: ${line.slice(0, 30)} -> ${tok.scopes.join(' ')}`);
          headings++;
        }
      }
    }
    assert.ok(headings >= 8, `headings found: ${headings}`);
  });
});
