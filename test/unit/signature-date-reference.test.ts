// findSignatureDate reads line texts with cheap pre-checks (a page number starts with a digit or a
// dash, a date line ends in 日) before its regexes: checked here against the former implementation,
// kept below as the reference, on the samples and on random endings and tops made of date lines,
// page numbers, table rows, metadata labels and prose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportModel } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { findSignatureDate, type SignatureDate } from '../../server/src/core/prose/dates';
import { parseChineseNumber } from '../../server/src/core/prose/numberTokens';
import { sample, SAMPLES_DIR } from './helpers';
import { readdirSync } from 'node:fs';
import { rng } from '../../scripts/fuzz-lib';

// ---- the reference: findSignatureDate before the pre-checks (b8e0e8c) ----
function num(s: string): number {
  const a = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
  if (/^\d+$/.test(a)) return Number(a);
  return parseChineseNumber(a);
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
function daysInMonth(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function valid(d: { year: number; month: number; day: number }): boolean {
  return Number.isFinite(d.year) && d.year >= 1900 && d.year < 2200 && d.month >= 1 && d.month <= 12
    && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}
const CN_NUM = '[〇零一二三四五六七八九十]';
const DATE_LINE_RE = new RegExp(`((?:\\d|[０-９]){4}|${CN_NUM}{4})\\s*年\\s*((?:\\d|[０-９]){1,2}|${CN_NUM}{1,2})\\s*月\\s*((?:\\d|[０-９]){1,2}|${CN_NUM}{1,3})\\s*日\\s*$`);
const META_LABEL_RE = /(?:发布|成文|撰写|印发|公开|生成)(?:时间|日期)|^日期/;
const META_DATE_RE = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/;
function reference(model: ReportModel): SignatureDate | null {
  const src = model.source;
  const inTable = (o: number) => model.tableSpans.some((t) => o >= t.start && o < t.end);
  let seen = 0;
  for (let i = src.lineCount - 1; i >= 0 && seen < 25; i--) {
    const line = src.line(i);
    const t = line.text.trim();
    if (!t || /^[\s\-—－–]*\d{1,3}[\s\-—－–]*$/.test(t)) continue;
    seen++;
    if (t.length > 40 || /[。，,；;]/.test(t) || inTable(line.start)) continue;
    const m = DATE_LINE_RE.exec(t);
    if (!m) continue;
    const d = { year: num(m[1]!), month: num(m[2]!), day: num(m[3]!) };
    if (!valid(d)) return null;
    const lead = line.text.indexOf(t);
    const at = line.start + lead + m.index;
    return { ...d, span: { start: at, end: at + m[0].trimEnd().length }, text: m[0].trim(), source: 'signature' };
  }
  let nonBlank = 0;
  for (let i = 0; i < src.lineCount && nonBlank < 15; i++) {
    const line = src.line(i);
    if (!line.text.trim()) continue;
    nonBlank++;
    const lm = META_LABEL_RE.exec(line.text);
    if (!lm) continue;
    for (let j = i; j < Math.min(src.lineCount, i + 3); j++) {
      const l = src.line(j);
      const from = j === i ? lm.index + lm[0].length : 0;
      const m = META_DATE_RE.exec(l.text.slice(from));
      if (m) {
        const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
        if (!valid(d)) return null;
        const at = l.start + from + m.index;
        const lead = m[0].length - m[0].trimStart().length;
        return { ...d, span: { start: at + lead, end: at + m[0].trimEnd().length }, text: m[0].trim(), source: 'metadata', label: lm[0].trim() };
      }
      if (j > i && l.text.trim()) break;
    }
  }
  return null;
}

const PIECES = [
  '', '   ', '\u3000\u3000', '0', '00', ' 0 - ', '-5-', ' - 12 - ', '—3—', '－２－', '–7–', '8', '123', '1234', '- 1 -', '第 3 页',
  '2024年12月31日', '  2025 年 1 月 20 日  ', '2025年2月30日', '二〇二五年一月二十日', '２０２５年１月５日', '2025年1月20日。',
  '淮安市人民政府办公室', '2025年1月20日，本报告发布', '日', '  日  ', '发布时间：2025-01-20 08:58', '成文日期', '2025/1/20',
  '撰写时间：', '日期：2025.1.5', '| 2024年12月31日 | 3 |', '本年新收 12 件', '二、主动公开政府信息情况',
  '这是一段正文，没有日期', '统计期限自2024年1月1日至2024年12月31日', '1月2日', '2024年12月31日日', '日期 2025年1月3日',
];

function variant(base: string, r: () => number): string {
  const pick = () => PIECES[Math.floor(r() * PIECES.length)]!;
  const lines = base.split('\n');
  const tail = Array.from({ length: Math.floor(r() * 34) }, pick);
  const head = Array.from({ length: Math.floor(r() * 4) }, pick);
  const eol = r() < 0.2 ? '\r\n' : '\n';
  return [...head, ...lines.slice(0, Math.floor(lines.length * (0.5 + r() / 2))), ...tail].join(eol);
}

describe('findSignatureDate against the former implementation', () => {
  it('the samples', () => {
    for (const name of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt'))) {
      const model = parseReport(sample(name.slice(0, -4)));
      assert.deepEqual(findSignatureDate(model), reference(model), name);
    }
  });

  it('random endings and tops on the samples (1500 cases, some with a date found)', () => {
    const r = rng(20261202);
    const bases = ['huaian', '000', '001', '003', '017'].map(sample);
    let found = 0;
    for (let n = 0; n < 1500; n++) {
      const text = variant(bases[n % bases.length]!, r);
      const model = parseReport(text);
      const expected = reference(model);
      if (expected) found++;
      assert.deepEqual(findSignatureDate(model), expected, JSON.stringify(text.slice(-300)));
    }
    assert.ok(found > 200, `only ${found} cases with a date`);
  });
});
