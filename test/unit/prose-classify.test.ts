/**
 * classify (prose/facts.ts) against the classifier it replaced (round thirteen: one search for a
 * character each answer's words hold, the words after a number sliced only when they may open a
 * carry-over, the sentence's flags read where a test asks), on every number of the samples, on a
 * phrase for each answer and on random sentences made of the words it reacts to. The old
 * classifier is kept below as it was.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseReport } from '../../server/src/core/parse/report';
import { classify, sentenceTokens } from '../../server/src/core/prose/facts';
import { scanNumbers, type NumberToken } from '../../server/src/core/prose/numberTokens';
import { buildProse, Sentence } from '../../server/src/core/prose/prose';
import type { SectionKey } from '../../server/src/core/standard/types';

// ---- the classifier before round thirteen, unchanged but for its inputs (the words after the number, the flags) ----
const CARRIED_IN_RE = /上一?年度?(?:结转|遗留|未办结)|结转上一?年/;
const CARRIED_OUT_RIGHT_RE = /^(?:结转|顺延|转入|转至|延续)(?:到|至|入)?下一?年/;
const CARRIED_OUT_LEFT_RE = /结转(?:到|至)?下一?年|^结转$|转入下一?年/;
const CASE_OUTCOME_RE = /维持|纠正|审结|其他结果|起诉|败诉|胜诉|结案|复议后|直接/;
const NOT_APPLICATIONS_RE = /来信|信箱|留言|热线|诉求|咨询|事项|建议|提案|投诉|举报|信访|网民|问政|12345/;
const APP_CONTEXT_RE = /信息公开申请|依申请|公开申请|申请公开|申请信息公开/;

function oldClassify(l: string, right: string, sentence: Sentence): string | null {
  const app = APP_CONTEXT_RE.test(sentence.text) || (sentence.section === 'requests' && sentence.text.includes('申请'));
  const disclosure = sentence.text.includes('信息公开');
  if (CARRIED_IN_RE.test(l)) return app || sentence.section === 'requests' ? 'carriedIn' : null;
  if (CARRIED_OUT_RIGHT_RE.test(right) || CARRIED_OUT_LEFT_RE.test(l)) return app || sentence.section === 'requests' ? 'carriedOut' : null;
  const review = /复议/.test(l);
  const litigation = /诉讼/.test(l);
  if (review || litigation) {
    if (review && litigation) return null;
    if (CASE_OUTCOME_RE.test(l)) return null;
    if (!disclosure && sentence.section !== 'review') return null;
    return review ? 'review' : 'litigation';
  }
  if (/(?<!不|部分)予以公开/.test(l)) return app ? 'disclosed' : null;
  if (/现行有效/.test(l)) {
    const rules = /规章/.test(l);
    const normative = /规范性文件/.test(l);
    if (rules === normative) return null;
    return rules ? 'inForce/rules' : 'inForce/normative';
  }
  if (!app || NOT_APPLICATIONS_RE.test(l)) return null;
  const processed = /办结|答复/.test(l) && !/办结率|答复率/.test(l);
  const received = /收到|受理|新收|接到|接收/.test(l) && /申请/.test(l);
  if (processed && received) return null;
  if (processed) return 'processed';
  if (received) return 'received';
  return null;
}

const isClauseEnd = (c: string) => '，,；;。！？!?（(）)\n'.includes(c);
const strip = (s: string) => s.replace(/[\s\u3000]/g, '');
/** The words before and after token k as sentenceFacts reads them (60 characters at most, within the clause). */
function words(sen: Sentence, tokens: NumberToken[], k: number): { l: string; right: string } {
  const t = tokens[k]!;
  const o = sen.start;
  let a = t.numStart - o;
  const floor = Math.max(k > 0 ? tokens[k - 1]!.end - o : 0, a - 60);
  while (a > floor && !isClauseEnd(sen.text[a - 1]!)) a--;
  let b = t.end - o;
  const ceil = Math.min(k + 1 < tokens.length ? tokens[k + 1]!.numStart - o : sen.end - o, b + 60);
  while (b < ceil && !isClauseEnd(sen.text[b]!)) b++;
  return { l: strip(sen.text.slice(a, t.numStart - o)), right: strip(sen.text.slice(t.end - o, b)) };
}

function assertSame(sen: Sentence, tokens: NumberToken[]): void {
  for (let k = 0; k < tokens.length; k++) {
    const { l, right } = words(sen, tokens, k);
    const c = classify(l, tokens, k, sen);
    const got = c ? (c.detail ? `${c.kind}/${c.detail}` : c.kind) : null;
    assert.equal(got, oldClassify(l, right, sen), JSON.stringify({ text: sen.text, section: sen.section, k }));
  }
}

test('classify answers as the classifier it replaced on every number of the samples', () => {
  const dir = join(__dirname, '..', 'fixtures', 'samples');
  let numbers = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const prose = buildProse(parseReport(readFileSync(join(dir, name), 'utf8')));
    for (const sen of prose.sentences) {
      const tokens = sentenceTokens(prose, sen);
      numbers += tokens.length;
      assertSame(sen, tokens);
    }
  }
  assert.ok(numbers > 300, `${numbers} numbers`);
});

/** Words the classifier reacts to, numbers, clause ends and white space. */
const PIECES = [
  '上年', '上一年度', '结转', '遗留', '上年遗留', '上一年度未办结', '上年结转', '未办结', '结转上年', '结转到下一年', '结转下年', '顺延至下年', '转入下一年', '转至下年', '延续到下一年度', '转',
  '复议', '行政复议', '诉讼', '维持', '纠正', '起诉', '审结', '予以公开', '不予以公开', '部分予以公开', '现行有效', '规章', '规范性文件',
  '办结', '办结率', '答复', '答复率', '收到', '受理', '新收', '接到', '接收', '申请', '信息公开', '信息公开申请', '依申请', '来信', '咨询', '12345',
  '共', '其中', '12件', '3件', '5条', '2个', '七件', '96%', '，', '。', '；', '（', '）', ' ', '\u3000', '\t', '\n', '年', '下', '结', '顺', '延', '的',
];
const SECTIONS: (SectionKey | null)[] = [null, 'requests', 'review', 'problems'];

test('classify answers as the classifier it replaced on random sentences', () => {
  const arb = fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.constantFrom(...SECTIONS));
  fc.assert(fc.property(arb, ([pieces, section]) => {
    const text = pieces.join('');
    const sen = new Sentence(0, text.length, 0, text.length, text, section, 0);
    assertSame(sen, scanNumbers(text, 0, text.length));
  }), { numRuns: 20000 });
});

test('classify: a phrase for each answer, in each section', () => {
  const phrases = [
    '上年遗留3件', '上一年度未办结2件', '上年结转4件', '结转上年5件', '6件结转到下一年', '7件 顺延至下年', '结转8件', '转入下一年9件',
    '行政复议3件', '行政诉讼2件', '复议维持1件', '予以公开12件', '不予以公开2件', '现行有效规章3件', '现行有效规范性文件4件',
    '办结10件', '答复率5件', '收到申请12件', '受理信息公开申请9件', '新收申请8件', '接到申请7件', '接收申请6件', '来信受理申请5件', '共12件',
  ];
  for (const phrase of phrases) {
    for (const context of ['', '信息公开申请', '信息公开']) {
      for (const section of SECTIONS) {
        const text = `${context}${phrase}`;
        assertSame(new Sentence(0, text.length, 0, text.length, text, section, 0), scanNumbers(text, 0, text.length));
      }
    }
  }
});
