/**
 * Builders for the per-rule scenario tests: a small, complete and clean report as a clerk writes it
 * (2021 format by default, tables rendered from figures with the standard's own labels), with every
 * part replaceable, plus helpers to run the checker and to read a finding's place and fixes.
 *
 * The core is reached only through analyze, computeFixAll and applyEdits (and the standard data via
 * the table fixture), so that the tests survive moves of the core's internals.
 */
import assert from 'node:assert/strict';
import { analyze, type Analysis, type AnalyzeOptions } from '../../../server/src/core/analyze';
import { computeFixAll, type FixAllOptions } from '../../../server/src/core/features/fixAll';
import { applyEdits } from '../../../server/src/core/text/edits';
import type { TableKey, VersionId } from '../../../server/src/core/standard/types';
import { consistentT3, consistentT4, renderShape, spec, type Figures, type Shape } from '../tableFixture';

export { consistentT3, consistentT4, type Figures };

export const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/** "row|column", the key of a figure in a Figures map. */
export const cell = (row: string, column: string) => `${row}|${column}`;

/** A copy of `figures` with some cells replaced. */
export function withCells(figures: Figures, changes: Record<string, string>): Figures {
  const out = new Map(figures);
  for (const [k, v] of Object.entries(changes)) {
    assert.ok(out.has(k), `no cell ${k}`);
    out.set(k, v);
  }
  return out;
}

/** 表三: 12 requests by 自然人 and 2 by 商业企业 this year, 1 carried in; 10 + 2 disclosed, 1 partial; 0 carried out. */
export const defaultT3 = (version: VersionId = '2021'): Figures => consistentT3(version, (r, c) => {
  if (r === 'disclosed' && c === 'natural') return 10;
  if (r === 'disclosed' && c === 'business') return 2;
  if (r === 'partial' && c === 'natural') return 3;
  return 0;
}, (c) => (c === 'natural' ? 1 : 0));

/** 表四: 行政复议 2 维持 + 1 纠正, 直接起诉 1 维持, 复议后起诉 none. */
export const defaultT4 = (): Figures => consistentT4((b, r) => {
  if (b === 'review') return r === 'upheld' ? 2 : r === 'corrected' ? 1 : 0;
  if (b === 'direct') return r === 'upheld' ? 1 : 0;
  return 0;
});

/** The 第二十条 tables with plausible figures. */
export function defaultT2(version: VersionId = '2021'): Map<TableKey, Figures> {
  const m = new Map<TableKey, Figures>();
  if (version === '2021') {
    m.set('T2.1', new Map([[cell('rules', 'issued'), '0'], [cell('rules', 'repealed'), '0'], [cell('rules', 'inForce'), '2'],
      [cell('normative', 'issued'), '3'], [cell('normative', 'repealed'), '1'], [cell('normative', 'inForce'), '15']]));
    m.set('T2.5', new Map([[cell('license', 'decisions'), '126']]));
    m.set('T2.6', new Map([[cell('penalty', 'decisions'), '35'], [cell('coercion', 'decisions'), '2']]));
    m.set('T2.8', new Map([[cell('fees', 'amount'), '0']]));
  } else {
    m.set('T2.1', new Map([[cell('rules', 'newMade'), '0'], [cell('rules', 'newPublished'), '0'], [cell('rules', 'totalPublished'), '2'],
      [cell('normative', 'newMade'), '3'], [cell('normative', 'newPublished'), '3'], [cell('normative', 'totalPublished'), '15']]));
    m.set('T2.5', new Map([[cell('license', 'lastYear'), '120'], [cell('license', 'delta'), '6'], [cell('license', 'decisions'), '126']]));
    m.set('T2.6', new Map([[cell('penalty', 'lastYear'), '30'], [cell('penalty', 'delta'), '5'], [cell('penalty', 'decisions'), '35'],
      [cell('coercion', 'lastYear'), '2'], [cell('coercion', 'delta'), '0'], [cell('coercion', 'decisions'), '2']]));
    m.set('T2.8', new Map([[cell('fees', 'lastYear'), '1'], [cell('fees', 'delta'), '0'], [cell('fees', 'amount'), '0']]));
    m.set('T2.5', new Map([...m.get('T2.5')!, [cell('otherServices', 'lastYear'), '0'], [cell('otherServices', 'delta'), '0'], [cell('otherServices', 'decisions'), '0']]));
    m.set('T2.9', new Map([[cell('procurement', 'projects'), '4'], [cell('procurement', 'amount'), '36.5万元']]));
  }
  return m;
}

export interface Parts {
  version: VersionId;
  year: number;
  /** The issuing body as in the title ("某县教育局", "某县人民政府"). */
  body: string;
  /** Title line (default: body + year + 政府信息公开工作年度报告). */
  title: string;
  /** Line(s) after the title (the statistics period). */
  preface: string[];
  /** The six headings, as written ('' leaves a heading out; the part's prose and tables stay). */
  headings: string[];
  /** Prose of each part (index 0–5), one paragraph per entry, before the part's tables. */
  prose: string[][];
  t2: Map<TableKey, Figures>;
  /** 表三 / 表四 figures, null to leave the table out. */
  t3: Figures | null;
  t4: Figures | null;
  /** How tables are laid out (Markdown by default). */
  shape: Shape;
  /** Closing lines: signature and date. */
  signature: string[];
  eol: '\n' | '\r\n';
}

/** Defaults for a 2021-format report of `year` (2024 unless said) by a county department. */
export function defaults(over: Partial<Parts> = {}): Parts {
  const version = over.version ?? ((over.year ?? 2024) >= 2021 ? '2021' : '2019');
  const year = over.year ?? (version === '2021' ? 2024 : 2020);
  const body = over.body ?? '某县教育局';
  return {
    version, year, body,
    title: `${body}${year}年政府信息公开工作年度报告`,
    preface: [`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`],
    headings: HEADINGS,
    prose: [
      [`${year}年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作做好政府信息公开，全年工作平稳有序。`],
      ['本局通过门户网站、政务新媒体等渠道及时主动公开政府信息。'],
      ['本局严格按照法定程序和时限办理政府信息公开申请。'],
      ['本年度政府信息公开行政复议、行政诉讼情况如下。'],
      ['一是公开内容的深度还不够；二是工作人员业务水平有待提高。下一步，我局将加强业务培训，提升公开质量。'],
      ['本年度未收取信息处理费。'],
    ],
    t2: defaultT2(version),
    t3: defaultT3(version),
    t4: defaultT4(),
    shape: 'markdown',
    signature: [body, `${year + 1}年1月20日`],
    eol: '\n',
    ...over,
  };
}

/** The report text of `defaults(over)`. */
export function reportText(over: Partial<Parts> = {}): string {
  const p = defaults(over);
  const out: string[] = [p.title, '', ...p.preface.flatMap((l) => [l, ''])];
  p.headings.forEach((heading, i) => {
    if (heading !== '') out.push(heading, ''); // '' leaves the heading out, its content stays
    for (const para of p.prose[i] ?? []) out.push(para, '');
    if (i === 1) for (const [k, f] of p.t2) out.push(renderShape(spec(p.version, k), f, p.shape, p.eol), '');
    if (i === 2 && p.t3) out.push(renderShape(spec(p.version, 'T3'), p.t3, p.shape, p.eol), '');
    if (i === 3 && p.t4) out.push(renderShape(spec(p.version, 'T4'), p.t4, p.shape, p.eol), '');
  });
  out.push(...p.signature, '');
  return out.join(p.eol);
}

/** One table (with its 第二十条 caption for the 表二 tables) as `reportText` renders it. */
export function renderTable(version: VersionId, key: TableKey, figures: Figures, shape: Shape = 'markdown'): string {
  return renderShape(spec(version, key), figures, shape, '\n');
}

/** Prose of the six parts with part `i` replaced. */
export function proseWith(i: number, paragraphs: string[], over: Partial<Parts> = {}): string[][] {
  const prose = [...defaults(over).prose];
  prose[i] = paragraphs;
  return prose;
}

export interface Seen {
  /** 1-based line of the span's start. */
  line: number;
  /** The whole line the span starts on. */
  lineText: string;
  /** The text the span covers. */
  text: string;
  message: string;
  severity: string;
  finding: Analysis['findings'][number];
}

/** The findings of `code` on `text`, with where they sit. */
export function findings(text: string, code: string, options: AnalyzeOptions = {}): Seen[] {
  const a = analyze(text, options);
  return a.findings.filter((f) => f.code === code).map((f) => {
    const p = a.model.source.positionAt(f.span.start);
    return {
      line: p.line + 1,
      lineText: text.split(/\r?\n/)[p.line] ?? '',
      text: text.slice(f.span.start, f.span.end),
      message: f.message,
      severity: f.severity,
      finding: f,
    };
  });
}

/** The single finding of `code` (fails when there is none or more than one). */
export function one(text: string, code: string, options: AnalyzeOptions = {}): Seen {
  const all = findings(text, code, options);
  assert.equal(all.length, 1, `expected one ${code}, got ${all.length}: ${all.map((s) => s.message).join(' | ')}`);
  return all[0]!;
}

/** Asserts that `code` says nothing about `text`. */
export function none(text: string, code: string, options: AnalyzeOptions = {}): void {
  const all = findings(text, code, options);
  assert.deepEqual(all.map((s) => `${s.line}: ${s.message}`), [], `${code} should not fire`);
}

/** 1-based number of the first line containing `needle` (computed from the text, not the checker). */
export function lineOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `no "${needle}" in the text`);
  return text.slice(0, i).split('\n').length;
}

/** Applies one fix of a finding to the text it was found on. */
export function applyFix(text: string, fix: { edits: readonly { span: { start: number; end: number }; newText: string }[] }): string {
  return applyEdits(text, fix.edits);
}

/** Fix-all (safe fixes only) on `text`. */
export function fixAll(text: string, options: FixAllOptions = {}) {
  return computeFixAll(text, options);
}

/** `text` with the first `from` replaced by `to` (fails when `from` is absent). */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  assert.ok(i >= 0, `no "${from}" in the text`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The model of a report, as a peer for the GR3xx rules. */
export function peer(text: string, uri = 'file:///reports/last-year.md') {
  return { uri, model: analyze(text).model };
}

/** Every finding code of a text (to check a clean base). */
export function codes(text: string, options: AnalyzeOptions = {}): string[] {
  return analyze(text, options).findings.map((f) => f.code);
}
