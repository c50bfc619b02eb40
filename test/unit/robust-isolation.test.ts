// Issue 12: number paths are total, one failing rule or peer never takes the others down.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, analyzeModel } from '../../server/src/core/analyze';
import { getFacts } from '../../server/src/core/prose/facts';
import { scanNumbers } from '../../server/src/core/prose/numberTokens';
import { parseReport } from '../../server/src/core/parse/report';
import { RULES } from '../../server/src/core/rules/registry';
import type { Rule } from '../../server/src/core/rules/types';
import { parseCell } from '../../server/src/core/text/numbers';
import { ReportIndex } from '../../server/src/core/workspace/index';
import { sample } from './helpers';

const PAIRS = join(__dirname, '..', 'fixtures', 'pairs');
const pair = (year: number) => readFileSync(join(PAIRS, `qinghe-${year}.md`), 'utf8');
const URI = (year: number) => `file:///ws/qinghe-${year}.md`;

function tokens(s: string) {
  return scanNumbers(s, 0, s.length).map((t) => [t.units, t.scale, t.unit]);
}

describe('numbers: parsed or refused, never thrown', () => {
  it('mixed half- and full-width digits with 千分位, in prose and in cells', () => {
    assert.deepEqual(tokens('共收到申请1,２３４件'), [[1234n, 0, '件']]);
    assert.deepEqual(tokens('共收到申请１２,３４５件'), [[12345n, 0, '件']]);
    assert.deepEqual(tokens('收费1２.５元'), [[125n, 1, '元']]);
    assert.deepEqual(parseCell('1,２３４'), { kind: 'number', units: 1234n, scale: 0 });
    assert.deepEqual(parseCell('１２.5万元'), { kind: 'number', units: 125n, scale: 1, unit: '万元' });
  });

  it('a 400-digit number is refused (no fact, a text cell), not thrown', () => {
    const long = '9'.repeat(400);
    assert.deepEqual(tokens(`共收到申请${long}件，办结3件`), [[3n, 0, '件']]);
    assert.equal(parseCell(long).kind, 'text');
    assert.deepEqual(tokens(`共收到申请${'九'.repeat(40)}件`), []);
    // 100 digits are still a number.
    assert.deepEqual(parseCell('1'.repeat(100)), { kind: 'number', units: BigInt('1'.repeat(100)), scale: 0 });
  });

  it('a report holding 1,２３４ is analysed, the figure read as 1234', () => {
    const text = sample('000').replace('信件584件', '信件1,２３４件');
    const a = analyze(text);
    assert.ok(a.findings.every((f) => f.code !== 'GR000'), a.findings.map((f) => f.message).join('\n'));
    const facts = getFacts(a.model);
    assert.ok(facts.prose.text.includes('1,２３４'));
  });

  it('last year\'s report holding 1,２３４ still gives this year\'s report its findings', () => {
    const last = pair(2022).replace('主动公开政府信息2356条', '主动公开政府信息2,３５６条');
    assert.notEqual(last, pair(2022));
    const index = new ReportIndex();
    index.add(URI(2022), last);
    index.add(URI(2023), pair(2023));
    const m = index.get(URI(2023))!.model;
    const peers = index.peersFor(m, URI(2023));
    assert.deepEqual(peers.map((p) => p.uri), [URI(2022)]);
    const a = analyzeModel(m, { peers });
    assert.deepEqual(a.findings.filter((f) => f.code === 'GR000'), []);
    assert.equal(a.findings.filter((f) => f.code === 'GR301').length, 2); // as with the clean pair
    assert.equal(index.summary().reports.length, 2);
  });
});

describe('isolation', () => {
  const boom: Rule = {
    code: 'GR999', name: 'boom', severity: 'error', category: 'text', fixable: false,
    description: { 'zh-cn': '测试用规则', en: 'test rule' },
    check(ctx) {
      ctx.report({ span: { start: 0, end: 1 } }); // partial results are dropped
      throw new Error('secret stack detail');
    },
  };

  it('a rule that throws gives one GR000 finding; the other rules still report', () => {
    const model = parseReport(pair(2023));
    const clean = analyzeModel(model, {}, RULES);
    const errors: string[] = [];
    const a = analyzeModel(model, { onInternalError: (code) => errors.push(code) }, [boom, ...RULES]);
    const internal = a.findings.filter((f) => f.code === 'GR000');
    assert.equal(internal.length, 1);
    assert.equal(internal[0]!.message, '内部错误：规则 GR999（测试用规则）未能完成检查，其结果未列出；其他规则的检查不受影响');
    assert.doesNotMatch(internal[0]!.message, /secret|Error/);
    assert.deepEqual(errors, ['GR999']);
    assert.deepEqual(a.findings.filter((f) => f.code !== 'GR000'), clean.findings);
    const en = analyzeModel(model, { locale: 'en' }, [boom]);
    assert.match(en.findings[0]!.message, /^Internal error: rule GR999 \(test rule\)/);
    assert.deepEqual(analyzeModel(model, { severities: { GR000: 'off' } }, [boom]).findings, []);
  });

  it('a peer whose parse throws is skipped; the index stays usable', () => {
    const index = new ReportIndex((text) => {
      if (text.startsWith('# 清河县人民政府2022')) throw new Error('parse failed');
      return parseReport(text);
    });
    index.add(URI(2022), pair(2022));
    index.add(URI(2023), pair(2023));
    const m = index.get(URI(2023))!.model;
    assert.equal(m.year, 2023);
    assert.deepEqual(index.peersFor(m, URI(2023)), []);
    assert.equal(index.summary().reports.length, 2);
  });
});
