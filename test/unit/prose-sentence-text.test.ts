/**
 * buildProse splits sentences group by group (prose.ts GROUP_CHARS) and the facts read each
 * sentence's own text (sen.text at flat sen.start), never prose.text, so that a long prose is
 * never one large string. Both must read exactly as the flat text does: the sentences as
 * splitSentences over the whole flat text, the number tokens as scanNumbers on the flat text.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cleanOfSize, loadCorpus, mutant } from '../../scripts/fuzz-lib';
import { parseReport } from '../../server/src/core/parse/report';
import { extractFacts, sentenceTokens } from '../../server/src/core/prose/facts';
import { scanNumbers } from '../../server/src/core/prose/numberTokens';
import { buildProse, SectionWalk, splitSentences, type Prose } from '../../server/src/core/prose/prose';

/** The prose's sentences as one split of its flat text gives them (the way before groups). */
function flatSplit(prose: Prose, sections: ReturnType<typeof parseReport>['sections']): Prose['sentences'] {
  const flat: Prose = { text: prose.text, map: prose.map, sentences: [] };
  splitSentences(flat, new SectionWalk(sections), 0, 0);
  return flat.sentences;
}

function checkText(text: string, label: string): void {
  const model = parseReport(text);
  const prose = buildProse(model);
  assert.deepStrictEqual(prose.sentences, flatSplit(prose, model.sections), `${label}: sentences`);
  for (const sen of prose.sentences) {
    assert.equal(sen.text, prose.text.slice(sen.start, sen.end), `${label}: text of sentence at ${sen.start}`);
    const flat = scanNumbers(prose.text, sen.start, sen.end);
    // sentenceTokens skips sentences without a digit or a numeral before a counter word.
    const own = sentenceTokens(prose, sen);
    assert.deepStrictEqual(own, own.length || !flat.length ? flat : [], `${label}: tokens of ${JSON.stringify(sen.text.slice(0, 40))}`);
  }
}

describe('prose read sentence by sentence', () => {
  it('a long report (many groups): the same sentences and number tokens as the flat text', () => {
    const corpus = loadCorpus();
    const text = cleanOfSize(corpus, 300_000);
    assert.ok(buildProse(parseReport(text)).text.length > 4 * (1 << 14), 'the prose spans several groups');
    checkText(text, 'long');
  });

  it('every sample and 40 mutants: the same sentences and number tokens as the flat text', () => {
    const corpus = loadCorpus();
    corpus.samples.forEach((s, i) => checkText(s, `sample ${i}`));
    for (let i = 0; i < 40; i++) checkText(mutant(corpus, 20261202, i).text, `mutant ${i}`);
  });

  it('a total in the sentence before 其中, across a group boundary, still makes its breakdown', () => {
    // Paragraphs long enough that the total's sentence and the 其中 sentence fall near a group end.
    const filler = `${'本机关持续推进政府信息公开工作，'.repeat(40)}\n`;
    const para = '本年度共收到政府信息公开申请120件。其中，当面申请20件，网络申请100件。';
    const text = `${filler.repeat(40)}${para}\n${filler.repeat(3)}${para}\n`;
    const facts = extractFacts(parseReport(text));
    const crossing = facts.breakdowns.filter((b) => b.totalSentence !== b.sentence);
    assert.equal(crossing.length, 2);
    for (const b of crossing) {
      assert.equal(b.total.text, '120件');
      assert.deepEqual(b.parts.map((p) => p.text), ['20件', '100件']);
      assert.equal(text.slice(b.total.span.start, b.total.span.end), '120');
    }
  });
});
