import type { ReportModel } from '../../model/types';
import { getFacts } from '../../prose/facts';
import type { Rule } from '../types';
import { previousReport } from './across';
import { ObjectMemo } from '../../model/objectMemo';

/** Shingle length (characters) and the share of this year's shingles found in last year's text. */
const SHINGLE = 8;
const THRESHOLD = 0.5;
/** Texts shorter than this (in shingles) are not compared. */
const MIN_SHINGLES = 200;

const SHINGLES = new ObjectMemo<ReportModel, Set<number>>();

/**
 * Hashes of the character 8-grams of the prose (tables excluded), with white space and
 * punctuation dropped and every digit run replaced by "0" (updated figures still count as copied).
 */
export function shingles(model: ReportModel): Set<number> {
  let set = SHINGLES.get(model);
  if (set) return set;
  set = new Set<number>();
  const text = getFacts(model).prose.text
    .replace(/[\s\u3000，。、；：？！“”‘’（）《》【】,.;:?!"'()\-—]+/g, '')
    .replace(/[0-9０-９]+/g, '0');
  const codes = new Uint32Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    let h = 2166136261;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ codes[j]!, 16777619);
    set.add(h >>> 0);
  }
  SHINGLES.set(model, set);
  return set;
}

/** Share of `a`'s shingles that are also in `b` (containment of a in b), 0..1. */
export function containment(a: Set<number>, b: Set<number>): number {
  if (!a.size) return 0;
  let n = 0;
  for (const h of a) if (b.has(h)) n++;
  return n / a.size;
}

/** GR303: more than half of the text repeats last year's report of the same body. */
export const gr303: Rule = {
  code: 'GR303', name: 'repeated-text', severity: 'warning', category: 'across', fixable: false,
  description: { 'zh-cn': '正文大半照搬上年报告', en: 'More than half of the text repeats last year\'s report' },
  check(ctx) {
    const { model } = ctx;
    const prev = previousReport(model, ctx.peers);
    if (!prev) return;
    const mine = shingles(model);
    if (mine.size < MIN_SHINGLES) return;
    const share = containment(mine, shingles(prev.model));
    if (share <= THRESHOLD) return;
    const span = model.title?.span ?? { start: 0, end: Math.min(model.source.text.length, model.source.lineEnd(0)) };
    const percent = Math.round(share * 100);
    const year = prev.model.year!;
    ctx.report({
      span, args: { percent, year },
      related: [{ uri: prev.uri, span: prev.model.title?.span ?? { start: 0, end: 0 }, message: ctx.t('GR303.related', { year, percent }) }],
    });
  },
};
