/**
 * The title block and the report year. Titles come on one line ("紫阳县2019年度政府信息公开工作
 * 年度报告") or two (body name, then "2020年政府信息公开工作年度报告"), sometimes after blank
 * lines or a metadata block. The statistics period ("统计期限为2024年1月1日至2024年12月31日")
 * gives the year when the title does not.
 */
import type { TitleInfo } from '../model/types';
import type { SourceText, Span } from '../text/source';

const TITLE_RE = /政府信息公开.{0,12}(?:年度)?(?:工作)?报告|信息公开工作年度报告/;
// Digits full-width too ("２０２５年", OCR or a full-width copy).
const YEAR_RE = /((?:19|20|１９|２０)[0-9０-９]{2})\s*年度?/;
/** The year's value, full-width digits read as ASCII. */
const yearOf = (digits: string) => Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
/** How many non-blank lines from the top may precede the title. */
const TITLE_WINDOW = 12;

export function findTitle(src: SourceText): TitleInfo | null {
  let seen = 0;
  for (let i = 0; i < src.lineCount && seen < TITLE_WINDOW; i++) {
    const line = src.line(i);
    const text = line.text.trim();
    if (!text) continue;
    seen++;
    if (text.length > 80) continue;
    if (!TITLE_RE.test(text)) {
      const wrapped = wrappedTitle(src, i, text);
      if (wrapped) return wrapped;
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    let span: Span = { start: line.start + lead, end: line.start + line.text.trimEnd().length };
    let full = text;
    let body: string | null = null;
    const ym = YEAR_RE.exec(text);
    let yearSpan: Span | null = null;
    if (ym) {
      const at = line.text.indexOf(ym[0], lead);
      yearSpan = { start: line.start + at, end: line.start + at + ym[1]!.length };
      body = text.slice(0, text.indexOf(ym[0])).trim() || null;
    }
    // Body name alone on the line above ("淮安市人民政府" / "2024 年政府信息公开工作年度报告").
    const prev = previousNonBlank(src, i);
    if (prev && !body && prev.text.trim().length <= 40 && !/[。，,.；：:]/.test(prev.text)) {
      const pLead = prev.text.length - prev.text.trimStart().length;
      span = { start: prev.start + pLead, end: span.end };
      full = `${prev.text.trim()}${text}`;
      body = prev.text.trim();
    }
    // Year on the line above, title words on this one ("…人民政府2019年度" / "政府信息公开工作年度报告").
    if (!ym && prev) {
      const pm = YEAR_RE.exec(prev.text);
      if (pm) {
        const at = prev.text.indexOf(pm[0]);
        yearSpan = { start: prev.start + at, end: prev.start + at + pm[1]!.length };
        body = prev.text.slice(0, at).trim() || null;
        const pLead = prev.text.length - prev.text.trimStart().length;
        span = { start: prev.start + pLead, end: span.end };
        full = `${prev.text.trim()}${text}`;
        return { text: full, span, body, year: yearOf(pm[1]!), yearSpan };
      }
    }
    return { text: full, span, body, year: ym ? yearOf(ym[1]!) : null, yearSpan };
  }
  return null;
}

/**
 * A title hard-wrapped after its first words ("2025 年上海市人民政府办公厅政府信息公开" /
 * "工作年度报告"): neither line is a title alone, the two joined are.
 */
function wrappedTitle(src: SourceText, i: number, text: string): TitleInfo | null {
  if (i + 1 >= src.lineCount) return null;
  const next = src.line(i + 1);
  const nextText = next.text.trim();
  // The next line alone a title: a body name above its title, read by findTitle's own rule.
  if (!nextText || nextText.length > 30 || TITLE_RE.test(nextText) || /[。，,；]/.test(text + nextText) || !TITLE_RE.test(text + nextText)) return null;
  const line = src.line(i);
  const lead = line.text.length - line.text.trimStart().length;
  const ym = YEAR_RE.exec(text);
  let yearSpan: Span | null = null;
  let body: string | null = null;
  if (ym) {
    const at = line.text.indexOf(ym[0], lead);
    yearSpan = { start: line.start + at, end: line.start + at + ym[1]!.length };
    body = text.slice(0, text.indexOf(ym[0])).trim() || text.slice(text.indexOf(ym[0]) + ym[0].length).replace(/政府信息公开.*$/, '').trim() || null;
  }
  return {
    text: `${text}${nextText}`,
    span: { start: line.start + lead, end: next.start + next.text.trimEnd().length },
    body, year: ym ? yearOf(ym[1]!) : null, yearSpan,
  };
}

function previousNonBlank(src: SourceText, i: number) {
  for (let j = i - 1; j >= 0; j--) {
    const l = src.line(j);
    if (l.text.trim()) return l;
  }
  return null;
}

const PERIOD_RE = /统计期限?[^。\n]{0,6}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*[至到—\-~～]\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/;

/** How much of the text is searched for the statistics period. */
const PERIOD_HEAD = 4000;
/** What PERIOD_RE starts with, allowing line breaks: a cheap test before joining lines. */
const PERIOD_HINT = /统[\r\n]*计[\r\n]*期/;

/** The year of the statistics period, with its span, if the text states one. */
export function findPeriodYear(src: SourceText): { year: number; span: Span } | null {
  const hint = PERIOD_HINT.exec(src.text.slice(0, PERIOD_HEAD));
  if (!hint) return null;
  // Join lines: PDF text wraps the period over two lines. A match can only start at or after the
  // first hint, so joining starts at its line.
  const from = src.lineIndexAt(hint.index);
  const parts: string[] = [];
  // Offsets, not line objects: no object per line (the CLI runs this in the unoptimised tiers).
  for (let i = from; i < src.lineCount && src.lineStart(i) < PERIOD_HEAD; i++) {
    parts.push(src.text.slice(src.lineStart(i), Math.min(src.lineEnd(i), PERIOD_HEAD)));
  }
  const m = PERIOD_RE.exec(parts.join(''));
  if (!m) return null;
  const at = mapFlatIndex(src, from, m.index + m[0].indexOf(m[1]!));
  return { year: Number(m[1]), span: { start: at, end: at + 4 } };
}

/** Maps an index into the lines joined from line `from` back to the original text. */
function mapFlatIndex(src: SourceText, from: number, flatIndex: number): number {
  let flat = 0;
  for (let i = from; i < src.lineCount && src.lineStart(i) < PERIOD_HEAD; i++) {
    const start = src.lineStart(i);
    const length = Math.min(src.lineEnd(i), PERIOD_HEAD) - start;
    if (flatIndex < flat + length) return start + flatIndex - flat;
    flat += length;
  }
  return Math.min(PERIOD_HEAD, src.text.length);
}

/** Cheap test used to decide whether a Markdown or plain-text document is a report. */
export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, 3000).split(/\r?\n|\r/).filter((l) => l.trim()).slice(0, TITLE_WINDOW);
  if (head.some((l) => l.length <= 80 && TITLE_RE.test(l))) return true;
  // A title hard-wrapped over two lines ("…政府信息公开\n工作年度报告"): each pair of lines joined.
  for (let i = 0; i + 1 < head.length; i++) {
    const joined = head[i]!.trim() + head[i + 1]!.trim();
    if (joined.length <= 80 && TITLE_RE.test(joined)) return true;
  }
  return false;
}
