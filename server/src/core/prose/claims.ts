/**
 * Claims in the prose that a table can contradict: "均获维持", "全部胜诉", "均已结案" (about the
 * 行政复议 / 行政诉讼 blocks of 表四), "未收到…申请" (no applications) and "未发生行政复议…" (no cases).
 */
import type { Span } from '../text/source';
import { spanOf, type Prose, type Sentence } from './prose';

export type ClaimKind = 'allUpheld' | 'allWon' | 'allConcluded' | 'noRequests' | 'noCases';

export interface ClaimFact {
  kind: ClaimKind;
  /** The claim words ("均获维持", "未收到…申请"). */
  span: Span;
  text: string;
  /** Which T4 blocks the claim is about (both when the sentence does not say). */
  scope: { review: boolean; litigation: boolean };
  sentence: Sentence;
}


/** How far before a claim its subject (复议 / 诉讼) is looked for. */
const CLAIM_SCOPE = 60;
const CLAIM_RE = /均(?:获|被|予|已)?维持|全部(?:被|获|予)?维持|全部胜诉|均(?:已)?胜诉|无败诉|没有败诉|未(?:出现|发生)?败诉|均已结案|全部结案|均已审结|全部审结/g;
const NEG_VERB_RE = /(?:未|没有|尚未|均未|无)(?:任何)?(?:收到|接到|受理|接收|发生)/g;
const NEG_CASE_RE = /(?:未|没有|无)(?!经|论|需|须|法|权|效)/g;
const CLAIM_CHARS_RE = /[维诉结审申复]/;


function scopeOf(s: string): { review: boolean; litigation: boolean } {
  const review = s.includes('复议');
  const litigation = s.includes('诉讼') || s.includes('起诉');
  return review || litigation ? { review, litigation } : { review: true, litigation: true };
}

/** Source span of the sentence's text[i, i + len). */
function at(prose: Prose, sen: Sentence, i: number, len: number) {
  return spanOf(prose, sen.start + i, sen.start + i + len);
}

/** The claims of one sentence, appended to `out` (called for every sentence: no closure per call). */
export function findClaims(prose: Prose, sen: Sentence, out: ClaimFact[]): void {
  const s = sen.text;
  // Each claim below needs one of these characters (维持 诉 结案 审结 申请 复议 诉讼): one search
  // rules out most sentences (about 5 in 6), where the seven `includes` each read all of it.
  if (!CLAIM_CHARS_RE.test(s)) return;
  if (s.includes('维持') || s.includes('诉') || s.includes('结案') || s.includes('审结')) {
    CLAIM_RE.lastIndex = 0;
    for (let m = CLAIM_RE.exec(s); m; m = CLAIM_RE.exec(s)) {
      const w = m[0];
      const kind: ClaimKind = /维持/.test(w) ? 'allUpheld' : /诉/.test(w) ? 'allWon' : 'allConcluded';
      // Scope from the clause holding the claim and what precedes it in the sentence.
      const before = s.slice(Math.max(0, m.index - CLAIM_SCOPE), m.index);
      const scope = scopeOf(before + w);
      if (kind === 'allWon' && !before.includes('复议')) { scope.review = false; scope.litigation = true; }
      out.push({ kind, span: at(prose, sen, m.index, w.length), text: w, scope, sentence: sen });
    }
  }
  if (s.includes('申请')) {
    NEG_VERB_RE.lastIndex = 0;
    for (let m = NEG_VERB_RE.exec(s); m; m = NEG_VERB_RE.exec(s)) {
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const stop = rest.search(/[，,；;。：:\d０-９]/);
      const clause = stop >= 0 ? rest.slice(0, stop) : rest;
      const ap = clause.lastIndexOf('申请');
      // "没有收到因…申请引起的行政复议", "未收到申请人投诉", "未…申请2件": not a claim of no requests.
      if (ap < 0 || /复议|诉讼|投诉|举报|信访/.test(clause) || clause[ap + 2] === '人' || (stop >= 0 && ap + 2 === stop && /[\d０-９]/.test(rest[stop] ?? ''))) continue;
      out.push({ kind: 'noRequests', span: at(prose, sen, m.index, m[0].length + ap + 2), text: s.slice(m.index, m.index + m[0].length + ap + 2), scope: { review: false, litigation: false }, sentence: sen });
    }
  }
  if (s.includes('复议') || s.includes('诉讼')) {
    NEG_CASE_RE.lastIndex = 0;
    for (let m = NEG_CASE_RE.exec(s); m; m = NEG_CASE_RE.exec(s)) {
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const stop = rest.search(/[，,；;。：:\d０-９]/);
      const clause = stop >= 0 ? rest.slice(0, stop) : rest;
      const r = clause.indexOf('行政复议');
      const l = clause.indexOf('行政诉讼');
      if (r < 0 && l < 0) continue;
      const first = Math.min(r < 0 ? Infinity : r, l < 0 ? Infinity : l);
      // The negation must govern the case words: only a verb-ish stretch in between.
      const between = clause.slice(0, first);
      if (/败诉|胜诉|纠正|维持|公开的|结果/.test(between) || between.length > 24) continue;
      // "对未公开事项提起行政复议3件": a count follows, this is no claim of none.
      if (stop >= 0 && /[\d０-９]/.test(rest[stop] ?? '')) continue;
      const last = Math.max(r >= 0 ? r + 4 : -1, l >= 0 ? l + 4 : -1, clause.lastIndexOf('复议') + 2, clause.lastIndexOf('诉讼') + 2);
      out.push({
        kind: 'noCases', span: at(prose, sen, m.index, m[0].length + last), text: s.slice(m.index, m.index + m[0].length + last),
        scope: { review: clause.includes('复议'), litigation: clause.includes('诉讼') }, sentence: sen,
      });
      NEG_CASE_RE.lastIndex = m.index + m[0].length + last;
    }
  }
}
