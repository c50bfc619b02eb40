/**
 * Facts of the prose (text outside tables): "共受理政府信息公开申请 3119 件", "答复 3050 件", "行政复议 351 件", "共计11465条。其中…10462条…3832条", "办结率达96%",
 * "均获维持", "未收到…申请", … Each fact keeps the exact source spans of its number and of its
 * sentence, so rules can point at them and quote them.
 *
 * How it works (linear in the text, no backtracking-heavy patterns):
 * 1. `buildProse` (prose.ts) joins the non-table lines into one flat string with an offset map
 *    back to the source and splits it into sentences; clauses end at ，；（ etc.
 * 2. `scanNumbers` (numberTokens.ts) finds number tokens with their unit.
 * 3. Claims without figures ("均获维持") come from claims.ts, shares from shareFacts.ts.
 * 4. Each number is classified by the words just before it in its clause (and, for 结转/顺延,
 *    just after it). Anything ambiguous gives no fact: rules warn only when they are sure.
 */
import type { ReportModel } from '../model/types';
import type { Span } from '../text/source';
import { findClaims, type ClaimFact } from './claims';
import { scanNumbers, type NumberToken } from './numberTokens';
import { buildProse, spanOf, type Prose, type Sentence } from './prose';
import { shareBreakdowns } from './shareFacts';
import { ObjectMemo } from '../model/objectMemo';
import { isJsSpace } from '../text/chars';

/** Counts the text states about applications and cases. */
export type CountKind = 'received' | 'processed' | 'carriedIn' | 'carriedOut' | 'review' | 'litigation' | 'disclosed' | 'inForce';

export interface CountFact {
  kind: CountKind;
  value: bigint;
  /** Span of the number (digits only). */
  numberSpan: Span;
  /** Number with its unit as written ("3119 件"). */
  numberText: string;
  sentence: Sentence;
  /** inForce: which row the sentence names. */
  detail?: 'rules' | 'normative';
  /** The number sits in a "其中…" breakdown or names a part (本级, 各部门): not a whole-report figure. */
  partial: boolean;
}

export interface Figure { value: bigint; scale: number; span: Span; text: string }

/** "共 N …，其中 A …、B …": a total and the parts listed after 其中. */
export interface BreakdownFact {
  total: Figure;
  parts: Figure[];
  unit: string;
  /** Span of "其中". */
  markerSpan: Span;
  sentence: Sentence;
  /** Sentence holding the total, when 其中 opens the next sentence. */
  totalSentence: Sentence;
  /** Source span from the total to the last part. */
  span: Span;
  /** "其中A件，占P%" shares given with the parts. */
  shares: { part: Figure; percent: Figure }[];
}

/** "办结率达 P%" with the counts it is computed from when the same sentence names both. */
export interface RateFact {
  kind: 'completion';
  percent: Figure;
  numerator: Figure | null;
  denominator: Figure | null;
  sentence: Sentence;
}

export interface Facts {
  prose: Prose;
  counts: CountFact[];
  claims: ClaimFact[];
  breakdowns: BreakdownFact[];
  rates: RateFact[];
}


/** How far (characters) the words before / after a number are looked at. */
const MAX_CONTEXT = 60;
/** How many numbers before a rate are searched for its numerator and denominator. */
const RATE_WINDOW = 12;
/** Clause boundaries for the context of a number. */
function isClauseEnd(c: number): boolean {
  switch (c) {
    case 0xff0c: case 0x2c: case 0xff1b: case 0x3b: case 0x3002: case 0xff01: case 0xff1f: case 0x21: case 0x3f: // ，,；;。！？!?
    case 0xff08: case 0x28: case 0xff09: case 0x29: case 0x0a: // （(）)\n
      return true;
    default:
      return false;
  }
}
const COUNT_UNITS = new Set(['件', '条', '个', '项', '次', '件次', '家', '人', '人次', '篇', '份', '部', '期', '场', '位', '户', '批', '元', '万元', '亿元']);

const APP_CONTEXT_RE = /信息公开申请|依申请|公开申请|申请公开|申请信息公开/;
const NOT_APPLICATIONS_RE = /来信|信箱|留言|热线|诉求|咨询|事项|建议|提案|投诉|举报|信访|网民|问政|12345/;
const SCOPE_PART_RE = /本级|各(?:部门|乡镇|镇|街道|单位|县区|区县)|县直|市直|区直|部门|乡镇|街道|其中/;

/** The figure of token t of sentence `sen` (its text read in the sentence's own). */
function figure(prose: Prose, sen: Sentence, t: NumberToken): Figure {
  return { value: t.units, scale: t.scale, span: spanOf(prose, t.numStart, t.numEnd), text: sen.text.slice(t.numStart - sen.start, t.end - sen.start) };
}

/** s without white space; most words hold none, and then no regex replace runs. */
const strip = (s: string) => (HAS_SPACE_RE.test(s) ? s.replace(/[\s\u3000]/g, '') : s);
const HAS_SPACE_RE = /[\s\u3000]/;

type Classified = { readonly kind: CountKind; readonly detail?: 'rules' | 'normative' };
/** classify's answers, made once: the caller only reads them (an object per numbered token was garbage). */
const ABOUT = {
  carriedIn: { kind: 'carriedIn' }, carriedOut: { kind: 'carriedOut' }, review: { kind: 'review' }, litigation: { kind: 'litigation' },
  disclosed: { kind: 'disclosed' }, processed: { kind: 'processed' }, received: { kind: 'received' },
  inForceRules: { kind: 'inForce', detail: 'rules' }, inForceNormative: { kind: 'inForce', detail: 'normative' },
} as const satisfies Record<string, Classified>;
const about = (k: Exclude<CountKind, 'inForce'>): Classified => ABOUT[k];

// classify's patterns, compiled once: a regex literal in a function body is a new RegExp object on
// every evaluation (about 15 per classified number), which was most of what classify allocated.
const CARRIED_IN_RE = /上一?年度?(?:结转|遗留|未办结)|结转上一?年/;
const CARRIED_OUT_RIGHT_RE = /^(?:结转|顺延|转入|转至|延续)(?:到|至|入)?下一?年/;
const CARRIED_OUT_LEFT_RE = /结转(?:到|至)?下一?年|^结转$|转入下一?年/;
const REVIEW_RE = /复议/;
const LITIGATION_RE = /诉讼/;
const CASE_OUTCOME_RE = /维持|纠正|审结|其他结果|起诉|败诉|胜诉|结案|复议后|直接/;
const DISCLOSED_RE = /(?<!不|部分)予以公开/;
const IN_FORCE_RE = /现行有效/;
const RULES_RE = /规章/;
const NORMATIVE_RE = /规范性文件/;
const PROCESSED_RE = /办结|答复/;
const PROCESSED_RATE_RE = /办结率|答复率/;
const RECEIVED_RE = /收到|受理|新收|接到|接收/;
const APPLICATION_RE = /申请/;

/**
 * A character each test below that can lead to an answer needs (上 for CARRIED_IN_RE, 转 for
 * CARRIED_OUT_LEFT_RE, 复 复议, 诉 诉讼, 予 予以公开, 现 现行有效, 办 办结, 复 答复, 收 收到 新收 接收, 受
 * 受理, 接 接到). Most counted numbers have none before them ("共12件", "…公开政府信息3件"): one
 * search answers null for them instead of up to ten.
 */
const CLASSIFY_CHARS_RE = /[上转复诉予现办收受接]/;

/** Whether the sentence is about applications: read where classify asks, at most once a call (most counted numbers never ask). */
function aboutApplications(sen: Sentence): boolean {
  return APP_CONTEXT_RE.test(sen.text) || (sen.section === 'requests' && sen.text.includes('申请'));
}

/**
 * `l`: the words before token k, white space removed; the words after it (rightWords) are read
 * only when they may open a carry-over (carriedOutAfter); whether the sentence is about
 * applications or names 信息公开 only when a test asks.
 */
export function classify(l: string, tokens: NumberToken[], k: number, sentence: Sentence): Classified | null {
  const carriedOut = carriedOutAfter(sentence, tokens, k);
  if (!carriedOut && !CLASSIFY_CHARS_RE.test(l)) return null;
  if (CARRIED_IN_RE.test(l)) return aboutApplications(sentence) || sentence.section === 'requests' ? about('carriedIn') : null;
  if (carriedOut || CARRIED_OUT_LEFT_RE.test(l)) {
    return aboutApplications(sentence) || sentence.section === 'requests' ? about('carriedOut') : null;
  }
  const review = REVIEW_RE.test(l);
  const litigation = LITIGATION_RE.test(l);
  if (review || litigation) {
    if (review && litigation) return null;
    if (CASE_OUTCOME_RE.test(l)) return null;
    if (!sentence.text.includes('信息公开') && sentence.section !== 'review') return null;
    return about(review ? 'review' : 'litigation');
  }
  if (DISCLOSED_RE.test(l)) return aboutApplications(sentence) ? about('disclosed') : null;
  if (IN_FORCE_RE.test(l)) {
    const rules = RULES_RE.test(l);
    const normative = NORMATIVE_RE.test(l);
    if (rules === normative) return null;
    return rules ? ABOUT.inForceRules : ABOUT.inForceNormative;
  }
  if (!aboutApplications(sentence) || NOT_APPLICATIONS_RE.test(l)) return null;
  const processed = PROCESSED_RE.test(l) && !PROCESSED_RATE_RE.test(l);
  const received = RECEIVED_RE.test(l) && APPLICATION_RE.test(l);
  if (processed && received) return null;
  if (processed) return about('processed');
  if (received) return about('received');
  return null;
}

/**
 * CARRIED_OUT_RIGHT_RE on rightWords(sen, tokens, k), whose words must open with 结 顺 转 or 延:
 * sliced only when the character after the number is one of these or white space.
 */
function carriedOutAfter(sen: Sentence, tokens: NumberToken[], k: number): boolean {
  const c = sen.text.charCodeAt(tokens[k]!.end - sen.start);
  return (c === 0x7ed3 || c === 0x987a || c === 0x8f6c || c === 0x5ef6 || isJsSpace(c)) && CARRIED_OUT_RIGHT_RE.test(rightWords(sen, tokens, k));
}

/** Facts of a model; computed once per model and cached. */
export function getFacts(model: ReportModel): Facts {
  let f = CACHE.get(model);
  if (!f) { f = (PROVIDERS.get(model.source) ?? extractFacts)(model); CACHE.set(model, f); }
  return f;
}
const CACHE = new ObjectMemo<ReportModel, Facts>();
/**
 * Who computes the facts of the models of one source text instead of extractFacts, giving the
 * same result (an incremental document reusing the previous version's facts). Keyed by the
 * source: analyzeModel's copies of a model (year/version overrides) share it and its prose.
 */
const PROVIDERS = new ObjectMemo<ReportModel['source'], (model: ReportModel) => Facts>();
export function provideFacts(model: ReportModel, extract: (model: ReportModel) => Facts): void {
  PROVIDERS.set(model.source, extract);
}

/** A digit, or a Chinese numeral right before a counter word ("三件", "十二条"). */
const MAY_HOLD_FIGURE = /[0-9０-９]|[零〇一二两三四五六七八九十百千万][件条项个次宗]/;

// sentenceFacts' patterns, compiled once (see classify's).
/** What may stand between a sentence's start and a 其中 opening it (a list number). */
const QIZHONG_OPENS_RE = /^[\s（(一二三四五六七八九十\d)）、.．]*$/;
const GAP_PUNCT_RE = /[，,。：:]/g;
const SEMICOLON_RE = /[；;]/;
const SHARE_LINK_RE = /^[，,（(]?占(?:比|总数|总量|全部|总)?的?(?:比例)?(?:为|达)?$/;
const NOT_A_PART_RE = /增|减|同比|较|比上年|上升|下降|累计|共计|合计|总计|共|平均|最/;
const COMPLETION_RATE_RE = /(?:办结|结案)率/;
const CONCLUDED_RE = /办结|结案/;
const RATE_WORD_RE = /率/;
const RATE_BASE_RE = /收到|受理|新收|接到|接收|共|累计/;
const RATE_NOT_BASE_RE = /办结|答复|结案/;

/**
 * afterQizhong of a sentence with 其中: a buffer reused from sentence to sentence (a typed array each
 * was garbage). Empty at first, so the first such sentence grows it and the growth has type feedback
 * before sentenceFacts is optimised (a first growth on a long sentence later deoptimised it).
 */
let AFTER_QIZHONG = new Uint8Array(0);

/** The qizhong positions of a sentence without 其中 (never written to). */
const NO_POSITIONS: number[] = [];

/** sentenceFacts' cache of leftWords by token, reused from sentence to sentence. */
const LEFT_CACHE: (string | undefined)[] = [];

// The sentence's own text is read (sen.text at flat sen.start), never prose.text: see prose.ts GROUP_CHARS.

/** The words before token k in its clause (at most MAX_CONTEXT characters, not past the previous number or the sentence's start), white space removed. */
function leftWords(sen: Sentence, tokens: NumberToken[], k: number): string {
  const text = sen.text;
  const o = sen.start;
  const t = tokens[k]!;
  let a = t.numStart - o;
  const floor = Math.max(k > 0 ? tokens[k - 1]!.end - o : 0, a - MAX_CONTEXT);
  while (a > floor && !isClauseEnd(text.charCodeAt(a - 1))) a--;
  return strip(text.slice(a, t.numStart - o));
}

/** leftWords of token k of the sentence sentenceFacts reads, each computed once. */
function left(sen: Sentence, tokens: NumberToken[], k: number): string {
  return LEFT_CACHE[k] ?? (LEFT_CACHE[k] = leftWords(sen, tokens, k));
}

/** The words after token k up to the next clause boundary or number (at most MAX_CONTEXT characters, not past the sentence's end), white space removed. */
function rightWords(sen: Sentence, tokens: NumberToken[], k: number): string {
  const text = sen.text;
  const o = sen.start;
  const t = tokens[k]!;
  let b = t.end - o;
  const ceil = Math.min(k + 1 < tokens.length ? tokens[k + 1]!.numStart - o : sen.end - o, b + MAX_CONTEXT);
  while (b < ceil && !isClauseEnd(text.charCodeAt(b))) b++;
  return strip(text.slice(t.end - o, b));
}

/** afterQizhong of a sentence without 其中: every token reads 0 (undefined). */
const NO_QIZHONG = new Uint8Array(0);

export function extractFacts(model: ReportModel): Facts {
  const prose = buildProse(model);
  const facts: Facts = { prose, counts: [], claims: [], breakdowns: [], rates: [] };
  let prevTokens: NumberToken[] = [];
  const previous = () => prevTokens; // one closure for the run, reading the current sentence's previous tokens
  for (let si = 0; si < prose.sentences.length; si++) {
    const tokens = sentenceTokens(prose, prose.sentences[si]!);
    sentenceFacts(prose, si, tokens, previous, facts);
    prevTokens = tokens;
  }
  // A whole stated earlier and then given by shares that add up to 100%.
  facts.breakdowns.push(...shareBreakdowns(prose));
  return facts;
}

/** The facts of one sentence are appended to these (extractFacts' arrays, or a cache entry's). */
export type SentenceFactsOut = Pick<Facts, 'counts' | 'claims' | 'breakdowns' | 'rates'>;

/** Number tokens of a sentence. */
export function sentenceTokens(prose: Prose, sen: Sentence): NumberToken[] {
  // Most sentences carry no figure at all: skip the character scan for them.
  return MAY_HOLD_FIGURE.test(sen.text) ? scanNumbers(sen.text, 0, sen.end - sen.start, sen.start) : [];
}

/**
 * Appends the facts of sentence `si` to `out`. They read the sentence's flat text, its section
 * and the offset map inside it, nothing else, except where 其中 opens the sentence: then the
 * previous sentence (its paragraph and its tokens, `prevTokens`) may give the total, and the
 * result says true (depends on the previous sentence; incremental/factsCache.ts keys on this).
 */
export function sentenceFacts(prose: Prose, si: number, tokens: NumberToken[], prevTokens: () => NumberToken[], out: SentenceFactsOut): boolean {
  const facts = out;
  const sentences = prose.sentences;
  const sen = sentences[si]!;
  /** The sentence's text: flat offset p reads text.charCodeAt(p - o). */
  const text = sen.text;
  const o = sen.start;
  let dependsOnPrev = false;
  { // the body of the former per-sentence loop, its indentation kept (a small diff)
    if (!tokens.length) {
      // No count, breakdown part or rate without a number in the sentence: only claims are left.
      findClaims(prose, sen, facts.claims);
      return false;
    }
    // Context of each token: the words before it in its clause and after it (leftWords,
    // rightWords), sliced only when a check asks (most tokens never reach one), the words before
    // once per token. Module functions and one reused cache, not closures per sentence: those and
    // their context were garbage of every sentence with a figure.
    // Emptied by assignment, not by setting the length (a runtime call each sentence); the array
    // only grows, to the most tokens a sentence had.
    for (let k = 0; k < tokens.length; k++) {
      if (k < LEFT_CACHE.length) LEFT_CACHE[k] = undefined;
      else LEFT_CACHE.push(undefined);
    }
    // 其中 positions: numbers after 其中 in the same clause (up to ；) are parts, not totals.
    const first = sen.text.indexOf('其中');
    const qizhong: number[] = first < 0 ? NO_POSITIONS : [];
    for (let at = first; at >= 0; at = sen.text.indexOf('其中', at + 2)) qizhong.push(sen.start + at);
    // Written for every token below when the sentence has 其中; read only within this call.
    if (qizhong.length && AFTER_QIZHONG.length < tokens.length) AFTER_QIZHONG = new Uint8Array(Math.max(tokens.length, AFTER_QIZHONG.length * 2));
    const afterQizhong = qizhong.length ? AFTER_QIZHONG : NO_QIZHONG;
    if (qizhong.length) {
      let qi = 0;
      let lastQ = -1;
      let lastSemi = -1;
      let pos = sen.start;
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k]!;
        while (qi < qizhong.length && qizhong[qi]! < t.numStart) lastQ = qizhong[qi++]!;
        for (; pos < t.numStart; pos++) {
          const c = text.charCodeAt(pos - o);
          if (c === 0xff1b || c === 0x3b) lastSemi = pos; // ； ;
        }
        afterQizhong[k] = lastQ >= 0 && lastSemi < lastQ ? 1 : 0;
      }
    }

    // Counts.
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.approx || t.scale !== 0 || !(t.unit === '件' || t.unit === '条' || t.unit === '个' || t.unit === '部' || t.unit === '份')) continue;
      const c = classify(left(sen, tokens, k), tokens, k, sen);
      if (!c) continue;
      if (c.kind !== 'inForce' && t.unit !== '件') continue;
      facts.counts.push({
        kind: c.kind, value: t.units, numberSpan: spanOf(prose, t.numStart, t.numEnd), numberText: text.slice(t.numStart - o, t.end - o),
        sentence: sen, ...(c.detail ? { detail: c.detail } : {}),
        partial: afterQizhong[k] === 1 || SCOPE_PART_RE.test(left(sen, tokens, k)),
      });
    }

    // Breakdowns: a total, then 其中 and parts of the same unit. One pass over tokens (two pointers).
    let tk = 0; // first token at or after the current 其中
    let depthPos = sen.start;
    let depth = 0;
    for (let qn = 0; qn < qizhong.length; qn++) {
      const q = qizhong[qn]!;
      while (tk < tokens.length && tokens[tk]!.end <= q) tk++;
      for (; depthPos < q; depthPos++) {
        const c = text.charCodeAt(depthPos - o);
        if (c === 0xff08 || c === 0x28) depth++; // （ (
        else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--; // ） )
      }
      let totalTok: NumberToken | undefined;
      let totalSentence = sen;
      if (tk > 0) {
        totalTok = tokens[tk - 1];
      } else if (q - o < 16 && QIZHONG_OPENS_RE.test(text.slice(0, q - o))) {
        dependsOnPrev = true;
        if (si > 0 && sentences[si - 1]!.paragraph === sen.paragraph) {
          const prev = prevTokens();
          totalTok = prev[prev.length - 1];
          totalSentence = sentences[si - 1]!;
        }
      }
      if (!totalTok || totalTok.approx || !COUNT_UNITS.has(totalTok.unit)) continue;
      if (q - totalTok.end > 40) continue;
      // From the total to 其中; across two sentences, what lies between them (white space only:
      // sentences are trimmed and cover the rest of their paragraph) is left out, as strip does.
      const gapText = totalSentence === sen ? text.slice(totalTok.end - o, q - o)
        : totalSentence.text.slice(totalTok.end - totalSentence.start) + text.slice(0, q - o);
      const gap = strip(gapText).replace(GAP_PUNCT_RE, '');
      if (gap.length > 12 || SEMICOLON_RE.test(gapText)) continue;
      if (totalSentence === sen && totalTok.depth !== depth) continue;
      // Parts: after 其中 up to the end of the clause (；/。) or the next 其中.
      const stop = Math.min(qizhong[qn + 1] ?? sen.end, sen.end);
      const parts: NumberToken[] = [];
      const shares: { part: Figure; percent: Figure }[] = [];
      let bad = false;
      for (let k = tk; k < tokens.length && tokens[k]!.numStart < stop; k++) {
        const t = tokens[k]!;
        if (afterQizhong[k] !== 1) break; // a ； closed the clause
        if (t.depth !== depth) continue;
        if (t.unit === '%') {
          const prev = parts[parts.length - 1];
          const between = prev && t.numStart - prev.end < 12 ? strip(text.slice(prev.end - o, t.numStart - o)) : '';
          if (prev && SHARE_LINK_RE.test(between)) {
            shares.push({ part: figure(prose, sen, prev), percent: figure(prose, sen, t) });
          }
          continue;
        }
        if (t.unit !== totalTok.unit) continue;
        if (NOT_A_PART_RE.test(left(sen, tokens, k))) { bad = true; break; }
        if (t.approx) { bad = true; break; }
        parts.push(t);
      }
      if (bad || !parts.length) continue;
      facts.breakdowns.push({
        total: figure(prose, totalSentence, totalTok),
        parts: parts.map((t) => figure(prose, sen, t)),
        unit: totalTok.unit,
        markerSpan: spanOf(prose, q, q + 2),
        sentence: sen, totalSentence,
        span: spanOf(prose, totalTok.numStart, parts[parts.length - 1]!.end),
        shares,
      });
    }

    // Completion rates: numerator (办结) and denominator (收到/受理) named in the same sentence
    // (looked for among the RATE_WINDOW numbers before the rate).
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.unit !== '%' || !COMPLETION_RATE_RE.test(left(sen, tokens, k))) continue;
      const nums: NumberToken[] = [];
      const dens: NumberToken[] = [];
      for (let j = Math.max(0, k - RATE_WINDOW); j < k; j++) {
        const u = tokens[j]!;
        if (u.unit !== '件' || u.approx) continue;
        const l = left(sen, tokens, j);
        if (CONCLUDED_RE.test(l) && !RATE_WORD_RE.test(l)) nums.push(u);
        else if (RATE_BASE_RE.test(l) && !RATE_NOT_BASE_RE.test(l)) dens.push(u);
      }
      facts.rates.push({
        kind: 'completion', percent: figure(prose, sen, t),
        numerator: nums.length === 1 ? figure(prose, sen, nums[0]!) : null,
        denominator: dens.length === 1 ? figure(prose, sen, dens[0]!) : null,
        sentence: sen,
      });
    }

    findClaims(prose, sen, facts.claims);
    for (let k = 0; k < tokens.length; k++) LEFT_CACHE[k] = undefined; // its slices would keep this prose text alive
  }
  return dependsOnPrev;
}
