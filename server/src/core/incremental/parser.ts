/**
 * Incremental parse: the model of a new version of a document, re-reading tables only around
 * what changed. The line index (SourceText.afterEdit), the headings of unchanged lines and the
 * version markers away from the edit (assembleWithLines) are the previous version's, moved; the
 * rest of parseReport (sections, title, year, collapsed bodies) is recomputed as before (cheap); table reading, the
 * bulk of a parse, is redone only in a window of lines around the edit:
 *
 * - the window starts as the changed lines plus MARGIN lines on each side, and grows to cover
 *   every table of the previous version that lies within MARGIN lines of it;
 * - the window's text is read on its own (readTables of the window) and its tables moved to
 *   their place; tables before the window are kept as they were (same objects), tables after it
 *   are moved by the edit's length change (their rows when first read: shift.ts lazilyShiftedTable);
 * - a table read in the window that comes within MARGIN lines of a window edge (it may continue
 *   outside) widens the window and the window is read again; after a few tries, a full parse.
 *
 * Table reading looks at most a few lines beyond a table (captions and notes 4 lines above, a
 * detached row 2 blank lines below, fragments 6 lines apart, page furniture 4 lines), so a table
 * MARGIN lines away from an edit reads the same. The full parse stays the reference: the
 * equivalence test (test/unit/incremental.test.ts) compares both on random edit sequences, and
 * the server re-parses in full when typing pauses (lsp/analysisCache.ts) to be sure.
 */
import type { ReportModel, Table } from '../model/types';
import { type LineResults, type LineReuse } from '../parse/lineResults';
import { assembleWithLines } from '../parse/report';
import { readTables } from '../parse/tables/index';
import { SourceText } from '../text/source';
import { changedRange } from './diff';
import { lazilyShiftedTable, MovedRows, shiftedTable, shiftTableInPlace } from './shift';

/** Lines of unchanged, table-free text kept between an edit and any table read from the old version. */
export const MARGIN = 10;
/** Window widenings before giving up and reading every table. */
const MAX_TRIES = 4;

interface State {
  source: SourceText;
  /** readTables(source): absolute spans, sorted by start. */
  tables: Table[];
  /** First and last line of each table (same order). */
  lines: [number, number][];
  /** Per table (same order), the rows of a table moved with its rows unread (shift.ts MovedRows), else null. */
  moved: (MovedRows | null)[];
  /** assembleWithLines' per-line results (headings), reused for the lines an edit left alone. */
  assembled: LineResults;
}

export interface ParseStats {
  full: number;
  incremental: number;
  /** Lines read by the last incremental parse (its window). */
  lastWindowLines: number;
  /** Whether the last parse read only a window (false: every table was read, or nothing changed). */
  lastIncremental: boolean;
}

/** The line index of `text` from the previous version's: only the lines around the change are scanned. */
function sourceAfter(prev: SourceText, text: string): SourceText {
  const change = changedRange(prev.text, text);
  return change
    ? SourceText.afterEdit(prev, text, change.start, change.oldEnd, change.newEnd)
    : SourceText.afterEdit(prev, text, 0, 0, 0);
}

/**
 * How the lines of `prev` map onto those of `next` (see LineReuse): lines before the one holding
 * the character before the change are the same; old lines starting after the change are moved.
 */
function lineReuse(prev: SourceText, next: SourceText, assembled: LineResults): LineReuse | null {
  const lineDelta = next.lineCount - prev.lineCount;
  const delta = next.text.length - prev.text.length;
  const change = changedRange(prev.text, next.text);
  if (!change) return lineDelta === 0 ? { prev: assembled, from: 0, to: 0, lineDelta, delta, start: 0, oldEnd: 0, newEnd: 0 } : null;
  const from = prev.lineIndexAt(Math.max(0, change.start - 1));
  const kept = prev.lineIndexAt(change.oldEnd) + 1; // the first old line after the change
  const to = kept < prev.lineCount ? kept + lineDelta : next.lineCount;
  if (to < from || to > next.lineCount) return null;
  // The mapping's ends, checked (cheap; a wrong map must not reuse anything).
  if (from > 0 && (next.lineStart(from - 1) !== prev.lineStart(from - 1) || next.lineNext(from - 1) !== prev.lineNext(from - 1))) return null;
  if (kept < prev.lineCount && next.lineStart(to) !== prev.lineStart(kept) + delta) return null;
  return { prev: assembled, from, to, lineDelta, delta, start: change.start, oldEnd: change.oldEnd, newEnd: change.newEnd };
}

function tableLines(source: SourceText, tables: readonly Table[]): [number, number][] {
  return tables.map((t) => [source.lineIndexAt(t.span.start), source.lineIndexAt(Math.max(t.span.start, t.span.end - 1))]);
}

/** Tables with their moved rows (State). */
interface Tables {
  tables: Table[];
  moved: (MovedRows | null)[];
}

/** Both lists in the order of the tables' starts (a stable sort, as readTables' own). */
function sortedByStart(tables: Table[], moved: (MovedRows | null)[]): Tables {
  // Mostly in order already (kept, read, moved: each part in order, the parts in line order).
  let sorted = true;
  for (let i = 1; i < tables.length && sorted; i++) sorted = tables[i - 1]!.span.start <= tables[i]!.span.start;
  if (sorted) return { tables, moved };
  const order = tables.map((_, i) => i).sort((a, b) => tables[a]!.span.start - tables[b]!.span.start);
  return { tables: order.map((i) => tables[i]!), moved: order.map((i) => moved[i] ?? null) };
}

export class IncrementalParser {
  private state: State | null = null;
  /**
   * False once a window read produced the current tables, until a full read or verified():
   * whether the current model is known to be parseReport's.
   */
  exact = false;
  readonly stats: ParseStats = { full: 0, incremental: 0, lastWindowLines: 0, lastIncremental: false };
  /**
   * Tables the last parse moved: the copy → the previous version's table it was moved from
   * (ruleCache.ts asks). Only the last parse's: a map kept across parses (even a WeakMap, whose
   * values stay alive while their keys do) would chain every version's tables to the one before
   * and keep them all, the heap growing with every keystroke and major GCs landing on edits.
   */
  movedFrom = new Map<Table, Table>();

  /** The model of `text`; equal to parseReport(text). Throws where parseReport throws. */
  parse(text: string): ReportModel {
    const prev = this.state;
    this.state = null; // a parse that throws leaves no half-updated state behind
    this.stats.lastIncremental = false;
    this.movedFrom = new Map();
    const source = prev ? sourceAfter(prev.source, text) : new SourceText(text);
    const read = (prev && this.readIncrementally(prev, source)) ?? this.readAll(source);
    const { tables } = read;
    if (!this.stats.lastIncremental && tables !== prev?.tables) this.exact = true;
    const { model, lines } = assembleWithLines(source, tables.slice(), prev && lineReuse(prev.source, source, prev.assembled), true);
    this.state = { source, tables, lines: tableLines(source, tables), assembled: lines, moved: read.moved };
    return model;
  }

  /** Forgets the previous version (the next parse is a full one). */
  reset(): void {
    this.state = null;
    this.exact = false;
  }

  /** The caller compared the current model with a full parse and found them equal. */
  verified(): void {
    if (this.state) this.exact = true;
  }

  private readAll(source: SourceText): Tables {
    this.stats.full++;
    const tables = readTables(source);
    return { tables, moved: tables.map(() => null) };
  }

  private readIncrementally(prev: State, source: SourceText): Tables | null {
    const oldSrc = prev.source;
    const change = changedRange(oldSrc.text, source.text);
    if (!change) return { tables: prev.tables, moved: prev.moved };
    const oldLast = oldSrc.lineCount - 1;
    const newLast = source.lineCount - 1;
    const lineDelta = newLast - oldLast;
    const delta = source.text.length - oldSrc.text.length;
    // One line more on each side than the change touches: a line break at the change's edge
    // ("\r" + "\n" joining) may move the neighbouring line's boundary.
    const la = Math.max(0, oldSrc.lineIndexAt(change.start) - 1);
    const lb = Math.min(oldLast, oldSrc.lineIndexAt(change.oldEnd) + 1);
    let ws = Math.max(0, la - MARGIN);
    let we = Math.min(oldLast, lb + MARGIN);
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      [ws, we] = this.cover(prev, ws, we, oldLast);
      const newWe = we + lineDelta;
      if (newWe < ws || newWe > newLast) return null;
      // Lines after the window are the old ones moved by `delta` (a cheap check of the mapping).
      if (we < oldLast && source.lineStart(newWe + 1) !== oldSrc.lineStart(we + 1) + delta) return null;
      const from = source.lineStart(ws);
      const to = source.lineEnd(newWe);
      const win = new SourceText(source.text.slice(from, to));
      const read = readTables(win);
      const winLast = win.lineCount - 1;
      let widenUp = false;
      let widenDown = false;
      for (const t of read) {
        const first = win.lineIndexAt(t.span.start);
        const last = win.lineIndexAt(Math.max(t.span.start, t.span.end - 1));
        if (ws > 0 && first < MARGIN) widenUp = true;
        if (newWe < newLast && last > winLast - MARGIN) widenDown = true;
      }
      if (widenUp || widenDown) {
        if (widenUp) ws = Math.max(0, ws - 2 * MARGIN);
        if (widenDown) we = Math.min(oldLast, we + 2 * MARGIN);
        continue;
      }
      this.stats.incremental++;
      this.stats.lastIncremental = true;
      this.exact = false;
      this.stats.lastWindowLines = winLast + 1;
      const out: Table[] = [];
      const moves: (MovedRows | null)[] = [];
      for (let i = 0; i < prev.tables.length; i++) {
        if (prev.lines[i]![1] < ws) { out.push(prev.tables[i]!); moves.push(prev.moved[i] ?? null); }
      }
      for (const t of read) {
        shiftTableInPlace(t, from);
        out.push(t);
        moves.push(null);
      }
      for (let i = 0; i < prev.tables.length; i++) {
        if (prev.lines[i]![0] > we) {
          const t = prev.tables[i]!;
          if (delta === 0) { out.push(t); moves.push(prev.moved[i] ?? null); continue; }
          // Rows still unread are moved from where they were to be moved from, the deltas added.
          const pending = prev.moved[i]?.from;
          const rows = pending ? new MovedRows(pending, prev.moved[i]!.delta + delta) : new MovedRows(t, delta);
          const lazy = lazilyShiftedTable(t, delta, rows);
          const moved = lazy ?? shiftedTable(t, delta);
          this.movedFrom.set(moved, t);
          out.push(moved);
          moves.push(lazy ? rows : null);
        }
      }
      return sortedByStart(out, moves);
    }
    return null;
  }

  /**
   * [ws, we] grown until every old table within MARGIN lines of it lies inside it, MARGIN lines
   * from its edges. Tables are in line order: a forward sweep takes in a chain of tables below,
   * a backward sweep a chain above, so a few sweeps suffice whatever the number of tables.
   */
  private cover(prev: State, ws: number, we: number, oldLast: number): [number, number] {
    const take = (a: number, b: number): boolean => {
      if (a > we + MARGIN || b < ws - MARGIN) return false;
      const nws = Math.max(0, Math.min(ws, a - MARGIN));
      const nwe = Math.min(oldLast, Math.max(we, b + MARGIN));
      if (nws === ws && nwe === we) return false;
      ws = nws;
      we = nwe;
      return true;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const [a, b] of prev.lines) if (take(a, b)) changed = true;
      for (let i = prev.lines.length - 1; i >= 0; i--) {
        const [a, b] = prev.lines[i]!;
        if (take(a, b)) changed = true;
      }
    }
    return [ws, we];
  }
}
