/**
 * A whole given by its shares: "县直各单位主动公开政府信息2475条，占62.2%。各乡镇主动公开政府信息
 * 1503条，占37.8%" — parts whose percentages add up to 100 — after the text stated that whole
 * ("主动公开政府信息2026条"). The parts and the stated total make a breakdown (GR212 when the parts
 * exceed it, sample 017). Only when the shares sum to 100 and the parts and the total name the same
 * thing (a common ending of at least four characters) in one paragraph.
 */
import type { BreakdownFact, Figure } from './facts';
import type { Prose, Sentence } from './prose';

const PART_RE = /([^，。；,;：:]{2,30}?)(\d{1,9})\s*(条|件)[，,]\s*占(?:比)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*[%％]/g;
/** Sentences read after the first share (the shares of one whole follow each other). */
const WINDOW = 4;
const MIN_SUBJECT = 4;

function spanIn(prose: Prose, a: number, b: number) {
  return { start: prose.map.at(a)!, end: prose.map.at(b - 1)! + 1 };
}

function figureAt(prose: Prose, at: number, digits: string): Figure {
  return { value: BigInt(digits), scale: 0, span: spanIn(prose, at, at + digits.length), text: digits };
}

function commonSuffix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return a.slice(a.length - n);
}

interface Part { subject: string; digits: string; at: number; unit: string; percent: number; end: number; sentence: number }

export function shareBreakdowns(prose: Prose): BreakdownFact[] {
  const out: BreakdownFact[] = [];
  const sentences = prose.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const first = sentences[si]!;
    if (!first.text.includes('占')) continue;
    const parts: Part[] = [];
    let sj = si;
    for (; sj < sentences.length && sj < si + WINDOW && sentences[sj]!.paragraph === first.paragraph; sj++) {
      const sen = sentences[sj]!;
      // The sentence's own text, not a slice of prose.text: an edited document's prose text is
      // not made flat unless something needs all of it (incremental/proseCache.ts).
      const s = sen.text;
      const before = parts.length;
      PART_RE.lastIndex = 0;
      for (let m = PART_RE.exec(s); m; m = PART_RE.exec(s)) {
        const at = sen.start + m.index + m[1]!.length;
        parts.push({ subject: m[1]!.trim(), digits: m[2]!, at, unit: m[3]!, percent: Number(m[4]), end: sen.start + m.index + m[0].length, sentence: sj });
      }
      if (parts.length === before) break;
      // The shares of one whole end where they reach 100%.
      const running = parts.reduce((a, p) => a + p.percent, 0);
      if (running >= 99.8) { sj++; break; }
    }
    if (parts.length < 2 || parts.some((p) => p.unit !== parts[0]!.unit)) continue;
    const sum = parts.reduce((a, p) => a + p.percent, 0);
    if (Math.abs(sum - 100) > 0.2) { si = Math.max(si, sj - 1); continue; }
    let subject = parts[0]!.subject;
    for (const p of parts.slice(1)) subject = commonSuffix(subject, p.subject);
    if (subject.length < MIN_SUBJECT) { si = Math.max(si, sj - 1); continue; }
    // The stated whole: the last "<subject>N<unit>" before the first share, in the same paragraph.
    let total: { at: number; digits: string; sentence: Sentence } | null = null;
    for (let k = si; k >= 0 && k > si - WINDOW && sentences[k]!.paragraph === first.paragraph && !total; k--) {
      const sen = sentences[k]!;
      const limit = k === si ? parts[0]!.at - parts[0]!.subject.length : sen.end;
      const s = sen.text.slice(0, limit - sen.start);
      const re = new RegExp(`${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d{1,9})\\s*${parts[0]!.unit}(?![，,]\\s*占)`, 'g');
      for (let m = re.exec(s); m; m = re.exec(s)) total = { at: sen.start + m.index + subject.length, digits: m[1]!, sentence: sen };
    }
    if (total) {
      const last = parts[parts.length - 1]!;
      out.push({
        total: figureAt(prose, total.at, total.digits),
        parts: parts.map((p) => figureAt(prose, p.at, p.digits)),
        unit: parts[0]!.unit,
        markerSpan: spanIn(prose, parts[0]!.at, parts[0]!.at + parts[0]!.digits.length),
        sentence: sentences[last.sentence]!,
        totalSentence: total.sentence,
        span: spanIn(prose, total.at, last.at + last.digits.length),
        shares: [],
      });
    }
    si = Math.max(si, sj - 1);
  }
  return out;
}
