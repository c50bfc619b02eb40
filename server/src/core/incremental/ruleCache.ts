/**
 * Rule results reused from the previous version of a document when what the rule reads did not
 * change. Declared here per rule (TABLE_RULES), so the rule files stay as they are: a table rule
 * reads the tables (model.tables, ctx.tables), the text of their lines and of the line just
 * above and below each (anchors, cell edits, GR112's rewrite), the message locale and the report's
 * version fields; test/unit/incremental.test.ts checks, by tracing every read, that each one reads
 * nothing else on the samples.
 *
 * A table rule's reports are replayed, moved by the edit, when:
 * - the previous run finished (a cancelled run keeps nothing) with the same options and the same
 *   year / version fields of the model;
 * - the tables are the previous ones, each unchanged or moved by the edit (kept by the parser,
 *   moved by it, or read again and equal field by field to the old one moved);
 * - no line the edit touched lies in or next to a table (old and new text);
 * - every span of the reports lies clear of the edited stretch (else the rule runs again).
 * Otherwise the rule runs and what it reports is kept for the next version. The full analysis stays
 * the reference (the equivalence tests compare both on random edit sequences).
 */
import type { AnalyzeOptions } from '../analyze';
import type { ReportModel, Table } from '../model/types';
import { lazyFix, type Report, type Rule, type RuleContext } from '../rules/types';
import type { SourceText, Span } from '../text/source';
import type { Fix, Related, TextEdit } from '../types';
import { valueDifference } from './compare';
import { changedRange, type ChangedRange } from './diff';
import { shiftedTable } from './shift';

/** Rules that read only the tables and the lines at and next to them (see above). */
export const TABLE_RULES: ReadonlySet<string> = new Set([
  'GR011', 'GR013', 'GR101', 'GR102', 'GR103', 'GR104', 'GR105', 'GR106', 'GR107', 'GR108', 'GR109', 'GR110', 'GR111', 'GR112',
]);

/**
 * A replayed lazy fix wraps the one before; after this many replays in a row a rule whose reports
 * hold lazy fixes runs again (the chain ends there).
 */
const MAX_LAZY_DEPTH = 32;

export interface RuleCacheStats {
  /** Rules of the last run whose reports were replayed, and that ran. */
  reused: number;
  ran: number;
}

interface Shift {
  change: ChangedRange;
  delta: number;
}

function optionsKey(model: ReportModel, options: AnalyzeOptions): string {
  return JSON.stringify([
    options.locale ?? 'zh-cn', options.severities ?? null, options.ruleOptions ?? null, options.version ?? null, options.year ?? null,
    model.year ?? null, model.version, model.usedVersion ?? null, model.expectedVersion ?? null, model.checkedVersion,
  ]);
}

/** The span moved by the edit, or null when it touches the edited stretch. */
function shiftSpan(s: Span, { change, delta }: Shift): Span | null {
  if (s.end < change.start) return s;
  if (s.start > change.oldEnd) return delta === 0 ? s : { start: s.start + delta, end: s.end + delta };
  return null;
}

function shiftEdits(edits: readonly TextEdit[], sh: Shift): TextEdit[] | null {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const span = shiftSpan(e.span, sh);
    if (!span) return null;
    out.push(span === e.span ? e : { ...e, span });
  }
  return out;
}

/** Whether the fix's edits are at hand (an own data property), not computed when first read. */
function editsAtHand(fix: Fix): boolean {
  // LazyFix (rules/types.ts) holds `edits` as a getter on its prototype: no descriptor to make.
  if (!Object.prototype.hasOwnProperty.call(fix, 'edits')) return false;
  const own = Object.getOwnPropertyDescriptor(fix, 'edits');
  return own !== undefined && 'value' in own;
}

/** `fix` moved by the edit; `lazy.wrapped` is set when a lazy fix was wrapped (the chain grew). */
function shiftFix(fix: Fix, sh: Shift, lazy: { wrapped: boolean }): Fix | null {
  if (editsAtHand(fix)) {
    // Edits at hand: moved and checked here.
    const edits = shiftEdits(fix.edits, sh);
    if (!edits) return null;
    const out: Fix = { title: fix.title, edits, safe: fix.safe };
    if (fix.preferred !== undefined) out.preferred = fix.preferred;
    if (fix.kind !== undefined) out.kind = fix.kind;
    return out;
  }
  // Still lazy: computed on the old text when asked for, then moved. Table rules' edits lie on
  // table lines, which the edit did not touch; a span that does touch it keeps its place.
  // lazyFix copies title, safe, preferred and kind from `fix` (not its edits, which it would compute).
  lazy.wrapped = true;
  return lazyFix(fix, () => fix.edits.map((e) => ({ ...e, span: shiftSpan(e.span, sh) ?? e.span })));
}

/**
 * Whether the report holds nothing the edit moves: every span of it, its related information and
 * its fixes' edits (at hand, not lazy) lies before the edited stretch. Such a report (a table
 * before the edit) is replayed as it is, not copied: the old one reads the same in the new text.
 */
function unmoved(r: Report, { change }: Shift): boolean {
  if (r.span.end >= change.start) return false;
  if (r.related) {
    for (let i = 0; i < r.related.length; i++) {
      const rel = r.related[i]!;
      if (rel.uri === undefined && rel.span.end >= change.start) return false;
    }
  }
  if (r.fixes) {
    for (let i = 0; i < r.fixes.length; i++) {
      const fix = r.fixes[i]!;
      if (!editsAtHand(fix)) return false;
      for (let k = 0; k < fix.edits.length; k++) if (fix.edits[k]!.span.end >= change.start) return false;
    }
  }
  return true;
}

function shiftReport(r: Report, sh: Shift, lazy: { wrapped: boolean }): Report | null {
  if (unmoved(r, sh)) return r;
  const span = shiftSpan(r.span, sh);
  if (!span) return null;
  const out: Report = { ...r, span };
  if (r.related) {
    const related = new Array<Related>(r.related.length);
    for (let i = 0; i < related.length; i++) {
      const rel = r.related[i]!;
      if (rel.uri !== undefined) { related[i] = rel; continue; } // another document
      const s = shiftSpan(rel.span, sh);
      if (!s) return null;
      related[i] = s === rel.span ? rel : { ...rel, span: s };
    }
    out.related = related;
  }
  if (r.fixes) {
    // Sized up front: a pushed-to [] grows to room for 16 (one fix is the rule).
    const fixes = new Array<Fix>(r.fixes.length);
    for (let i = 0; i < fixes.length; i++) {
      const g = shiftFix(r.fixes[i]!, sh, lazy);
      if (!g) return null;
      fixes[i] = g;
    }
    out.fixes = fixes;
  }
  return out;
}

/**
 * Whether no table's reading (caption, header and notes included), widened by one line each side,
 * shares a line with the lines holding offsets `from` and `to`. The line test is made on offsets
 * (table line i ≤ b + 1 ⟺ its offset < the start of line b + 2): no line search per table.
 */
function clearOfTables(src: SourceText, tables: readonly Table[], from: number, to: number): boolean {
  const a = src.lineIndexAt(from);
  const b = src.lineIndexAt(to);
  const len = src.text.length;
  // A table ends at or after this offset (its last line ≥ a − 1) and starts before the next (its first line ≤ b + 1).
  const lowest = a - 1 <= 0 ? -Infinity : src.lineStart(a - 1);
  const beyond = b + 2 > src.lineCount - 1 ? Infinity : src.lineStart(b + 2);
  for (let k = 0; k < tables.length; k++) {
    const t = tables[k]!;
    let start = t.span.start;
    let end = t.span.end;
    if (t.caption) { start = Math.min(start, t.caption.span.start); end = Math.max(end, t.caption.span.end); }
    if (t.headerSpan) { start = Math.min(start, t.headerSpan.start); end = Math.max(end, t.headerSpan.end); }
    const notes = t.reading.notes;
    for (let n = 0; n < notes.length; n++) {
      const s = notes[n]!.span;
      if (s) { start = Math.min(start, s.start); end = Math.max(end, s.end); }
    }
    const first = Math.max(0, Math.min(start, len));
    const last = Math.max(0, Math.min(Math.max(start, end - 1), len));
    if (first < beyond && last >= lowest) return false;
  }
  return true;
}

export class RuleCache {
  #model: ReportModel | null = null;
  #key = '';
  #reports = new Map<string, Report[]>();
  /**
   * Per rule, how many times in a row its reports were replayed wrapping lazy fixes: the length
   * of their chains, the same for every fix of the rule (kept here, not on each fix).
   */
  #depth = new Map<string, number>();
  readonly stats: RuleCacheStats = { reused: 0, ran: 0 };

  /** `movedFrom(t)`: the previous version's table `t` was moved from by the last parse, if any. */
  constructor(private readonly movedFrom?: (t: Table) => Table | undefined) {}

  /** Whether the tables of `next` are those of `prev`, each unchanged or moved by the edit, and the edit lies clear of them. */
  private tablesKept(prev: ReportModel, next: ReportModel, sh: Shift): boolean {
    const a = prev.tables;
    const b = next.tables;
    if (a.length !== b.length) return false;
    const { change } = sh;
    if (!clearOfTables(prev.source, a, change.start, change.oldEnd)) return false;
    if (!clearOfTables(next.source, b, change.start, change.newEnd)) return false;
    for (let i = 0; i < a.length; i++) {
      const o = a[i]!;
      const n = b[i]!;
      if (n === o || this.movedFrom?.(n) === o) continue;
      const d = o.span.start >= change.oldEnd ? sh.delta : 0;
      if (valueDifference(shiftedTable(o, d), n) !== null) return false;
    }
    return true;
  }

  /**
   * The rules to run on `model`: the cached ones replay their reports when nothing they read
   * changed, and record what they report otherwise. `commit()` after a finished run keeps it.
   */
  plan(model: ReportModel, options: AnalyzeOptions, rules: readonly Rule[]): { rules: Rule[]; commit: () => void } {
    const key = optionsKey(model, options);
    const prev = this.#model;
    let sh: Shift | null = null;
    if (prev && key === this.#key) {
      const change = changedRange(prev.source.text, model.source.text);
      const candidate = change ? { change, delta: model.source.text.length - prev.source.text.length } : { change: { start: 0, oldEnd: -1, newEnd: -1 }, delta: 0 };
      if (!change || this.tablesKept(prev, model, candidate)) sh = candidate;
    }
    const old = this.#reports;
    const oldDepth = this.#depth;
    const next = new Map<string, Report[]>();
    const nextDepth = new Map<string, number>();
    const stats = { reused: 0, ran: 0 };
    const out = rules.map((rule): Rule => {
      if (!TABLE_RULES.has(rule.code)) return rule;
      return {
        ...rule,
        check(ctx: RuleContext) {
          const before = sh && old.get(rule.code);
          const depth = oldDepth.get(rule.code) ?? 0;
          if (before && depth < MAX_LAZY_DEPTH) {
            const moved: Report[] = [];
            const lazy = { wrapped: false };
            for (const r of before) {
              const m = shiftReport(r, sh!, lazy);
              if (!m) break;
              moved.push(m);
            }
            if (moved.length === before.length) {
              for (const r of moved) ctx.report(r);
              next.set(rule.code, moved);
              nextDepth.set(rule.code, lazy.wrapped ? depth + 1 : 0);
              stats.reused++;
              return;
            }
          }
          const recorded: Report[] = [];
          const rec = Object.create(ctx) as RuleContext;
          rec.report = (r: Report) => { recorded.push(r); ctx.report(r); };
          rule.check(rec);
          next.set(rule.code, recorded);
          stats.ran++;
        },
      };
    });
    return {
      rules: out,
      commit: () => {
        this.#model = model;
        this.#key = key;
        this.#reports = next;
        this.#depth = nextDepth;
        this.stats.reused = stats.reused;
        this.stats.ran = stats.ran;
      },
    };
  }

  clear(): void {
    this.#model = null;
    this.#reports = new Map();
    this.#depth = new Map();
  }
}
