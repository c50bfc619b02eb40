/**
 * The reports of a workspace, for the cross-report rules (GR301–GR303) and the workspace overview.
 * Pure: the caller (language server, CLI) reads files and passes text in; nothing here touches
 * the file system.
 *
 *   const index = new ReportIndex();
 *   index.add(uri, text, version);               // or update(); remove(uri)
 *   analyze(text, { peers: index.peersFor(model, uri) });
 *   index.dependantsOf(uri)                       // re-check these when `uri` changes
 *   renderSummaryMarkdown(index.summary())        // 汇总本工作区年报
 */
import { readConfidently } from '../tables/confidence';
import { analyzeModel, type AnalyzeOptions } from '../analyze';
import type { ReportModel } from '../model/types';
import { bodyKey, cleanBody } from '../prose/bodyKind';
import { parseReport } from '../parse/report';
import { parsingSafely } from '../isolation';
import type { PeerReport } from '../types';
import { T4_BLOCKS, T4_RESULTS } from '../standard/t4';
import type { VersionId } from '../standard/types';
import { FORMATS, versionForYear } from '../standard/versions';
import { cellNum } from '../tables/cellNumbers';
import { GENERATED_MARKER } from './generated';

export interface IndexedReport {
  uri: string;
  /** Document version given to add/update (editor version, or 0 for files read from disk). */
  revision: number;
  text: string;
  model: ReportModel;
  /** Body name from the title, and its comparison key. */
  body: string | null;
  bodyKey: string | null;
  year: number | null;
}

export interface ReportSummary {
  uri: string;
  body: string | null;
  year: number | null;
  /** Format version the report uses (from its markers), else the one its year requires. */
  version: VersionId | null;
  errors: number;
  warnings: number;
}

export interface YearTotals {
  year: number;
  /** Reports of that year. */
  reports: number;
  /** Reports whose T3 / T4 could be read (the sums cover only these). */
  withT3: number;
  withT4: number;
  /** T3 sums: row key → column key → sum. */
  t3: Record<string, Record<string, number>>;
  /** T4 sums: "review.upheld" … "afterReview.total" → sum. */
  t4: Record<string, number>;
}

export interface WorkspaceSummary {
  reports: ReportSummary[];
  years: YearTotals[];
}

export class ReportIndex {
  private readonly reports = new Map<string, IndexedReport>();
  private readonly parse: (text: string) => ReportModel;
  /**
   * `parse` replaces parseReport (tests; a caller that already holds models). A text whose parse
   * throws is kept with an empty model: no title, so it is nobody's peer and blanks no one.
   */
  constructor(parse: (text: string) => ReportModel = parseReport) {
    this.parse = parsingSafely(parse);
  }
  private readonly counts = new Map<string, { revision: number; text: string; errors: number; warnings: number; peersKey: string }>();

  /**
   * Adds or replaces a report. Returns the entry (parsed once per text). A caller that already
   * holds the model of `text` (the language server's cache) passes it to avoid a second parse.
   */
  add(uri: string, text: string, revision = 0, parsed?: ReportModel): IndexedReport {
    const old = this.reports.get(uri);
    if (old && old.text === text) { old.revision = revision; return old; }
    const model = parsed ?? this.parse(text);
    const entry: IndexedReport = {
      uri, revision, text, model,
      body: cleanBody(model.title?.body), bodyKey: bodyKey(model.title?.body), year: model.year,
    };
    this.reports.set(uri, entry);
    return entry;
  }

  update(uri: string, text: string, revision = 0, parsed?: ReportModel): IndexedReport {
    return this.add(uri, text, revision, parsed);
  }

  remove(uri: string): boolean {
    this.counts.delete(uri);
    return this.reports.delete(uri);
  }

  has(uri: string): boolean { return this.reports.has(uri); }
  get(uri: string): IndexedReport | undefined { return this.reports.get(uri); }
  get size(): number { return this.reports.size; }
  all(): IndexedReport[] { return [...this.reports.values()]; }

  /**
   * Peers for a report's cross-report checks: the other reports of the same body for year Y−1
   * (what GR301–GR303 compare with). `uri` excludes the report itself when it is indexed.
   */
  peersFor(model: ReportModel, uri?: string): PeerReport[] {
    const key = bodyKey(model.title?.body);
    if (!key || model.year === null) return [];
    const out: PeerReport[] = [];
    for (const r of this.reports.values()) {
      if (r.uri === uri || r.model === model) continue;
      if (r.bodyKey === key && r.year === model.year - 1) out.push({ uri: r.uri, model: r.model });
    }
    return out;
  }

  /** Reports whose cross-report checks depend on `uri`: same body, year Y+1. Re-check them when it changes. */
  dependantsOf(uri: string): string[] {
    const r = this.reports.get(uri);
    if (!r || !r.bodyKey || r.year === null) return [];
    const out: string[] = [];
    for (const o of this.reports.values()) {
      if (o.uri !== uri && o.bodyKey === r.bodyKey && o.year === r.year + 1) out.push(o.uri);
    }
    return out;
  }

  /**
   * Workspace overview: per report its body, year, version and error/warning counts (analysed
   * with its peers; cached per text), and per year the sums of T3 and T4 over all reports.
   */
  summary(options: Omit<AnalyzeOptions, 'peers'> = {}): WorkspaceSummary {
    const reports: ReportSummary[] = [];
    const byYear = new Map<number, YearTotals>();
    const sorted = this.all().sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.body ?? '').localeCompare(b.body ?? '') || a.uri.localeCompare(b.uri));
    for (const r of sorted) {
      const peers = this.peersFor(r.model, r.uri);
      const peersKey = peers.map((p) => `${p.uri}@${this.reports.get(p.uri)?.revision}:${this.reports.get(p.uri)?.text.length}`).join('|');
      let c = this.counts.get(r.uri);
      if (!c || c.text !== r.text || c.peersKey !== peersKey) {
        const { findings } = analyzeModel(r.model, { ...options, peers });
        c = {
          revision: r.revision, text: r.text, peersKey,
          errors: findings.filter((f) => f.severity === 'error').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
        };
        this.counts.set(r.uri, c);
      }
      reports.push({
        uri: r.uri, body: r.body, year: r.year,
        version: r.model.usedVersion ?? r.model.expectedVersion,
        errors: c.errors, warnings: c.warnings,
      });
      if (r.year === null) continue;
      let y = byYear.get(r.year);
      if (!y) { y = { year: r.year, reports: 0, withT3: 0, withT4: 0, t3: {}, t4: {} }; byYear.set(r.year, y); }
      y.reports++;
      addTables(y, r.model);
    }
    return { reports, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
  }
}

function intOf(cell: Parameters<typeof cellNum>[0]): number | null {
  const n = cellNum(cell);
  return n && n.scale === 0 ? Number(n.units) : null;
}

function addTables(y: YearTotals, model: ReportModel): void {
  const t3 = model.tables.find((t) => t.key === 'T3' && readConfidently(t));
  if (t3) {
    y.withT3++;
    for (const row of t3.rows) {
      if (!row.key) continue;
      for (const cell of row.cells) {
        if (!cell.column) continue;
        const v = intOf(cell);
        if (v === null) continue;
        const r = (y.t3[row.key] ??= {});
        r[cell.column] = (r[cell.column] ?? 0) + v;
      }
    }
  }
  const t4 = model.tables.find((t) => t.key === 'T4' && readConfidently(t));
  if (t4) {
    y.withT4++;
    for (const row of t4.rows) {
      for (const cell of row.cells) {
        if (!cell.column) continue;
        const v = intOf(cell);
        if (v === null) continue;
        y.t4[cell.column] = (y.t4[cell.column] ?? 0) + v;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown rendering

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`;

/** Short, readable name of a report: the file name of its URI. */
export function displayName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1) || path;
  try { return decodeURIComponent(last); } catch { return last; }
}

/**
 * The workspace overview as a Markdown document (Chinese headings, Markdown tables). Its wording
 * avoids "政府信息公开…报告" near the top so that the server does not take it for a report.
 */
export function renderSummaryMarkdown(summary: WorkspaceSummary): string {
  const out: string[] = [];
  const errors = summary.reports.reduce((n, r) => n + r.errors, 0);
  const warnings = summary.reports.reduce((n, r) => n + r.warnings, 0);
  out.push(GENERATED_MARKER, '# 本工作区年报汇总', '');
  out.push(`共 ${summary.reports.length} 份年报，错误 ${errors} 个，警告 ${warnings} 个。`, '');
  out.push('## 报告一览', '');
  out.push(row(['报告', '机关', '年度', '格式版本', '错误', '警告']));
  out.push('| :--- | :--- | ---: | :---: | ---: | ---: |');
  for (const r of summary.reports) {
    out.push(row([displayName(r.uri), r.body ?? '（未识别）', r.year ?? '—', r.version ?? '旧版', r.errors, r.warnings]));
  }
  for (const y of summary.years) {
    out.push('', `## ${y.year}年度合计（${y.reports} 份）`, '');
    const version = versionForYear(y.year);
    if (!version) { out.push('2019年以前的年报没有统一的统计表，不作合计。'); continue; }
    const t3spec = FORMATS[version].tables.find((t) => t.key === 'T3')!;
    out.push(`### 表三 收到和处理政府信息公开申请情况（${y.withT3} 份）`, '');
    if (y.withT3) {
      out.push(row(['项目', ...t3spec.columns.map((c) => c.label)]));
      out.push(`| :--- |${' ---: |'.repeat(t3spec.columns.length)}`);
      for (const r of t3spec.rows) {
        const label = `${r.numbering}${r.label.replace(/（区分处理的.*）$/, '')}`;
        if (r.groupLabel) { out.push(row([label, ...t3spec.columns.map(() => '')])); continue; }
        out.push(row([label, ...t3spec.columns.map((c) => y.t3[r.key]?.[c.key] ?? 0)]));
      }
    } else out.push('没有可读取的表三。');
    out.push('', `### 表四 政府信息公开行政复议、行政诉讼情况（${y.withT4} 份）`, '');
    if (y.withT4) {
      out.push(row(['类别', ...T4_RESULTS.map((r) => r.label)]));
      out.push(`| :--- |${' ---: |'.repeat(T4_RESULTS.length)}`);
      for (const b of T4_BLOCKS) out.push(row([b.label, ...T4_RESULTS.map((r) => y.t4[`${b.key}.${r.key}`] ?? 0)]));
    } else out.push('没有可读取的表四。');
  }
  out.push('');
  return out.join('\n');
}
