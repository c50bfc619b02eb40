/**
 * The fuzzer's parts, shared by `npm run fuzz` (scripts/fuzz.ts, long runs) and the short seeded
 * run in the unit tests (test/unit/fuzz.test.ts): a seeded mutator over the real samples, and the
 * checks every mutant must pass (no exception, no internal error, valid ranges, deterministic
 * output, features that answer).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../server/src/core/analyze';
import { completions } from '../server/src/core/features/completion';
import { foldingRanges } from '../server/src/core/features/folding';
import { hoverAt } from '../server/src/core/features/hover';
import { inlayHints } from '../server/src/core/features/inlay';
import { documentSymbols } from '../server/src/core/features/symbols';
import { parseReport } from '../server/src/core/parse/report';
import type { PeerReport } from '../server/src/core/types';
import { stripBom } from '../server/src/core/text/source';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');

export interface Corpus { samples: string[]; pair: { last: string; current: string } }

export function loadCorpus(): Corpus {
  const dir = join(FIXTURES, 'samples');
  const samples = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => stripBom(readFileSync(join(dir, f), 'utf8')));
  const pair = (y: number) => readFileSync(join(FIXTURES, 'pairs', `qinghe-${y}.md`), 'utf8');
  return { samples, pair: { last: pair(2022), current: pair(2023) } };
}

/** mulberry32: a small, fast, seeded PRNG (the same seed gives the same mutants everywhere). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the mutator inserts: the inputs that broke the checker before, and their neighbours. */
const SNIPPETS: readonly (string | (() => string))[] = [
  '1,２３４', '１２,３４５', '1,２３４件', '１2.５%', '3,119件', '0.0%', '100%', '办结率达100%', '办结率为96.5%',
  '共受理政府信息公开申请0件，办结0件，办结率100%', '其中', '其中依申请公开12件、主动公开0件，占50%',
  () => '9'.repeat(400), () => '9'.repeat(400) + '件', () => `0.${'0'.repeat(300)}1%`,
  () => '1'.repeat(20000) + '日', () => '１'.repeat(5000) + '年', () => '2'.repeat(3000) + '年' + '3'.repeat(3000) + '月',
  '2023年13月32日', '2019年11日', '20190101日', '二〇二〇年十三月三十二日', '2023年2月29日',
  '\r\n', '\r', '\n', '\n\n', '\t', '　', '  ', '|', ' | ', '| 1 | 2 |\n', '|---|---|\n',
  '一、总体情况\n', '二、主动公开政府信息情况\n', '三、收到和处理政府信息公开申请情况\n',
  '四、政府信息公开行政复议、行政诉讼情况\n', '五、存在的主要问题及改进情况\n', '六、其他需要报告的事项\n',
  '（一）', '(二)', '1.', '第二十条第（一）项', '上年结转', '结转下年度继续办理', '维持', '纠正',
  '\uFEFF', '\u0000', '\uD800', '\uDC00', '𠀀', '😀', '\u200B', '—', '-1-', '第1页 共3页', '# ', '**', '<table>',
  () => 'x'.repeat(25000), () => '\u0001\u0002\u0003'.repeat(100), () => '一、总体情况\n'.repeat(500),
];

function pick<T>(r: () => number, xs: readonly T[]): T { return xs[Math.floor(r() * xs.length)]!; }
function int(r: () => number, n: number): number { return Math.floor(r() * n); }

function toFullWidth(s: string): string { return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)); }
function toHalfWidth(s: string): string { return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)); }

/** One random edit of `text` (`other` is a second sample to splice from). */
function mutateOnce(r: () => number, text: string, other: string): string {
  const n = text.length;
  const at = int(r, n + 1);
  const len = Math.min(n - at, 1 + int(r, r() < 0.8 ? 40 : 2000));
  const snippet = () => { const s = pick(r, SNIPPETS); return typeof s === 'function' ? s() : s; };
  switch (int(r, 10)) {
    case 0: case 1: return text.slice(0, at) + snippet() + text.slice(at);
    case 2: return text.slice(0, at) + text.slice(at + len);
    case 3: return text.slice(0, at) + text.slice(at, at + len).repeat(2) + text.slice(at + len);
    case 4: return text.slice(0, at) + snippet() + text.slice(at + Math.min(len, 3));
    case 5: return text.slice(0, at) + toFullWidth(text.slice(at, at + len)) + text.slice(at + len);
    case 6: return text.slice(0, at) + toHalfWidth(text.slice(at, at + len)) + text.slice(at + len);
    case 7: { // swap two lines
      const lines = text.split('\n');
      const i = int(r, lines.length); const j = int(r, lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 8: { // splice a piece of another report
      const o = int(r, other.length);
      return text.slice(0, at) + other.slice(o, o + 1 + int(r, 3000)) + text.slice(at);
    }
    default: return r() < 0.5 ? text.slice(0, at) : text.replace(/\n/g, r() < 0.5 ? '\r\n' : '\r');
  }
}

export interface Mutant { text: string; peer?: string; seed: number }

/** Mutant number `i` of the run seeded `seed`: a sample (or last year's pair, with a mutated peer) with 1–8 edits. */
export function mutant(corpus: Corpus, seed: number, i: number): Mutant {
  const r = rng((seed * 1000003) ^ i);
  const withPeer = r() < 0.25;
  let text = withPeer ? corpus.pair.current : pick(r, corpus.samples);
  const other = pick(r, corpus.samples);
  for (let k = 1 + int(r, 8); k > 0; k--) text = mutateOnce(r, text, other);
  if (!withPeer) return { text, seed: i };
  let peer = corpus.pair.last;
  for (let k = int(r, 6); k > 0; k--) peer = mutateOnce(r, peer, other);
  return { text, peer, seed: i };
}

// ---------------------------------------------------------------------------------------------
// Checks

const PEER_URI = 'file:///fuzz/last-year.md';

/** Problems with a range in `text`: order, bounds, a surrogate pair split at either end. */
export function rangeProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `non-integer range ${start}-${end}`;
  if (start < 0 || end > text.length) return `range ${start}-${end} outside 0-${text.length}`;
  if (start > end) return `range ends before it starts: ${start}-${end}`;
  const splits = (o: number) => o > 0 && o < text.length
    && (text.charCodeAt(o - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(o) & 0xfc00) === 0xdc00;
  if (splits(start) || splits(end)) return `range ${start}-${end} splits a surrogate pair`;
  return null;
}

export interface CheckResult { problems: string[]; ms: number; findings: number }

function findingProblems(a: Analysis, text: string, peers: readonly PeerReport[]): string[] {
  const out: string[] = [];
  for (const f of a.findings) {
    const where = `${f.code} ${JSON.stringify(f.message.slice(0, 40))}`;
    if (f.code === 'GR000' && f.severity !== 'information') out.push(`internal error: ${f.message}`);
    const p = rangeProblem(text, f.span.start, f.span.end);
    if (p) out.push(`${where}: ${p}`);
    for (const rel of f.related ?? []) {
      const t = rel.uri ? peers.find((x) => x.uri === rel.uri)?.model.source.text : text;
      if (t === undefined) { out.push(`${where}: related info in unknown ${rel.uri}`); continue; }
      const q = rangeProblem(t, rel.span.start, rel.span.end);
      if (q) out.push(`${where}: related ${q}`);
    }
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        const q = rangeProblem(text, e.span.start, e.span.end);
        if (q) out.push(`${where}: fix "${fix.title}" ${q}`);
      }
    }
  }
  return out;
}

/**
 * Runs the whole pipeline on a mutant twice (analysis and the editor features) and returns what
 * is wrong. Time is the faster of the two analyses (the machine may be shared).
 */
export function check(m: Mutant): CheckResult {
  const problems: string[] = [];
  const peers: PeerReport[] = [];
  try {
    if (m.peer !== undefined) peers.push({ uri: PEER_URI, model: parseReport(m.peer) });
  } catch (err) {
    problems.push(`peer parse threw: ${String(err)}`);
  }
  let ms = Infinity;
  let findings = 0;
  try {
    const runs: string[] = [];
    let a: Analysis | undefined;
    for (let k = 0; k < 2; k++) {
      const t0 = performance.now();
      a = analyze(m.text, { peers });
      ms = Math.min(ms, performance.now() - t0);
      runs.push(JSON.stringify(a.findings));
    }
    if (runs[0] !== runs[1]) problems.push('output differs between two runs on the same input');
    findings = a!.findings.length;
    problems.push(...findingProblems(a!, m.text, peers));
    documentSymbols(a!.model);
    foldingRanges(a!.model);
    inlayHints(a!);
    const n = m.text.length;
    for (const o of [0, n >> 2, n >> 1, n - 1, n]) {
      hoverAt(a!, Math.max(0, o));
      completions(a!.model, Math.max(0, o));
    }
  } catch (err) {
    problems.push(`threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  return { problems, ms, findings };
}

/** Median analysis time per MB of the clean samples (the yardstick for mutants' time). */
export function baselineMsPerMb(corpus: Corpus, rounds = 20): number {
  const perMb: number[] = [];
  for (const s of corpus.samples) {
    analyze(s);
    const t0 = performance.now();
    for (let k = 0; k < rounds; k++) analyze(s);
    perMb.push((performance.now() - t0) / rounds / (Buffer.byteLength(s) / 1e6));
  }
  perMb.sort((a, b) => a - b);
  return perMb[perMb.length >> 1]!;
}

/** A clean report of about `bytes` UTF-8 bytes: the samples one after another (as the bench builds its 1 MB report). */
export function cleanOfSize(corpus: Corpus, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = corpus.samples[i % corpus.samples.length]!;
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join('\n');
}

const SECTION_TITLES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/** The inputs that were quadratic or crashed (issue 12), for the time check of `npm run fuzz`. */
export function pathologicalInputs(): { name: string; text: string }[] {
  const head = '某县2023年政府信息公开工作年度报告\n一、总体情况\n';
  const wrap = (s: string, w: number) => s.match(new RegExp(`[^]{1,${w}}`, 'g'))!.join('\n');
  const cn = '一二三四五六七八九十';
  return [
    { name: '20 KB digit run + 日', text: `${head}${'1'.repeat(19000)}日。\n` },
    { name: '200 KB digits (wrapped) + 日', text: `${head}${wrap('1'.repeat(200000), 10000)}日。\n` },
    { name: '100k section headings', text: `某县2023年政府信息公开工作年度报告\n${Array.from({ length: 100000 }, (_, i) => SECTION_TITLES[5 - (i % 6)]).join('\n')}\n` },
    { name: '100k numbered lines', text: `某县2023年政府信息公开工作年度报告\n${Array.from({ length: 100000 }, (_, i) => `${cn[i % 10]}、关于政务公开工作第${i}项`).join('\n')}\n` },
    { name: '1 MB single line', text: `${head}${'１２３４５６，　'.repeat(70000)}\n` },
    { name: '1 MB binary-like', text: Array.from({ length: 500000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('') },
    { name: '1,２３４ ×50 000 (lines)', text: `${head}${'共收到申请1,２３４件，办结率达100%。\n'.repeat(50000)}` },
  ];
}
