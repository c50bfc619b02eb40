/**
 * Moving a parsed table to another offset. A table read once keeps its identity while nothing
 * before it changed (delta 0); a table after an edit is copied with every span moved by the
 * edit's length change. Tables, rows and cells are copied field by field (spread, then the spans
 * replaced): fast enough for the hundreds of tables of a 1 MB report on every keystroke. A table
 * with a field this file does not know is copied by the generic walk (every object with numeric
 * `start` and `end` holds a span: a Span, or a Cell or Row with its span flattened into it; a Row
 * also its label's); test/unit/incremental.test.ts fails when Row or Cell gain a field.
 */
import type { Cell, ReadingNote, Row, Table } from '../model/types';
import type { Span } from '../text/source';

/** The fields of Table, Row and Cell that copyTable knows (the test checks them on the samples). */
export const TABLE_FIELDS = ['key', 'version', 'shape', 'span', 'caption', 'headerSpan', 'columns', 'rows', 'readable', 'reading'];
export const ROW_FIELDS = ['key', 'label', 'labelStart', 'labelEnd', 'match', 'start', 'end', 'cells', 'expectedCells'];
export const CELL_FIELDS = ['column', 'text', 'start', 'end', 'value'];
const KNOWN_TABLE = new Set(TABLE_FIELDS);

type Json = unknown;

// A span is `start` and `end` numbers on an object: a Span, or a Cell or Row that holds its own
// (model/types.ts); a Row's label span is `labelStart`/`labelEnd`, -1 for none.
const hasSpan = (o: Record<string, unknown>): boolean => typeof o.start === 'number' && typeof o.end === 'number';
const hasLabel = (o: Record<string, unknown>): boolean => typeof o.labelStart === 'number' && o.labelStart >= 0;

function copyShifted(v: Json, delta: number): Json {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<Json>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyShifted(v[i], delta);
    return out;
  }
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = copyShifted(o[k], delta);
  if (hasSpan(o)) { out.start = (o.start as number) + delta; out.end = (o.end as number) + delta; }
  if (hasLabel(o)) { out.labelStart = (o.labelStart as number) + delta; out.labelEnd = (o.labelEnd as number) + delta; }
  return out;
}


const sh = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

// Object literals of one shape each (not spreads): the copy of a 1 MB report's tables stays monomorphic.
function rowShifted(r: Row, d: number): Row {
  const n = r.cells.length;
  const cells = new Array<Cell>(n);
  for (let i = 0; i < n; i++) {
    const c = r.cells[i]!;
    cells[i] = { column: c.column, text: c.text, start: c.start + d, end: c.end + d, value: c.value };
  }
  return {
    key: r.key, label: r.label, labelStart: r.labelStart < 0 ? -1 : r.labelStart + d, labelEnd: r.labelStart < 0 ? -1 : r.labelEnd + d, match: r.match,
    start: r.start + d, end: r.end + d, cells, expectedCells: r.expectedCells,
  };
}

function rowsShifted(rows: readonly Row[], delta: number): Row[] {
  const out = new Array<Row>(rows.length);
  for (let i = 0; i < out.length; i++) out[i] = rowShifted(rows[i]!, delta);
  return out;
}

const noteShifted = (n: ReadingNote, d: number): ReadingNote => ({ kind: n.kind, reason: n.reason, span: n.span && sh(n.span, d) });

function knownShape(t: Table): boolean {
  for (const k in t) if (!KNOWN_TABLE.has(k)) return false;
  return true;
}

/** `t` moved by `delta` UTF-16 units: `t` itself when delta is 0, else a deep copy. */
export function shiftedTable(t: Table, delta: number): Table {
  if (delta === 0) return t;
  if (!knownShape(t)) return copyShifted(t, delta) as Table;
  const rows = rowsShifted(t.rows, delta);
  return {
    key: t.key, version: t.version, shape: t.shape, span: sh(t.span, delta),
    caption: t.caption && { text: t.caption.text, span: sh(t.caption.span, delta) },
    headerSpan: t.headerSpan && sh(t.headerSpan, delta), columns: t.columns, rows, readable: t.readable,
    reading: { level: t.reading.level, notes: t.reading.notes.map((n) => noteShifted(n, delta)) },
  };
}

/**
 * The rows of a table moved by `delta` from table `from`, made when first read; `from` is let go
 * then, so a table whose rows were read holds only its own. After an edit every table below it
 * moves, but on a 1 MB report the rules read the rows of one or two of its ~570 tables (the table
 * rules' reports are replayed, ruleCache.ts): copying every cell was ~85 K objects of garbage per
 * keystroke. The parser moves unread rows again from `from` with the deltas added (never from the
 * previous version's table, whose rows would then hold every version before it).
 */
export class MovedRows {
  #from: Table | null;
  #rows: Row[] | null = null;

  constructor(from: Table, readonly delta: number) {
    this.#from = from;
  }

  /** The table the rows are still to be moved from; null once they are made. */
  get from(): Table | null {
    return this.#from;
  }

  get rows(): Row[] {
    if (this.#rows === null) {
      this.#rows = rowsShifted(this.#from!.rows, this.delta);
      this.#from = null;
    }
    return this.#rows;
  }
}

/** A lazily moved table's MovedRows, in a non-enumerable slot (spreads, keys, JSON and deepStrictEqual skip it). */
const ROWS = Symbol('movedRows');

type LazyTable = Table & { [ROWS]: MovedRows };

/**
 * One getter shared by every lazily moved table, with one descriptor: V8 caches the transition
 * that adds the same accessor pair, so a table is made in ~0.25 µs. An object literal with its own
 * `get rows()` makes a closure and an accessor pair per table in the runtime (~1.5–2.7 µs; ~570
 * tables moved per keystroke on a 1 MB report). A class with a prototype getter would be as
 * fast, but `rows` would no longer be an own property, and the model is compared field by field.
 */
function movedRowsOf(this: LazyTable): Row[] {
  return this[ROWS].rows;
}
const ROWS_PROPERTY: PropertyDescriptor = { get: movedRowsOf, enumerable: true, configurable: true };

/**
 * `t` moved by `delta` with the rows given by `rows` (t's rows moved, possibly from an earlier
 * version: see MovedRows): equal, field by field, to shiftedTable(t, delta), `rows` being an own
 * enumerable getter. Null for a table of a shape this file does not know (shiftedTable copies it).
 */
export function lazilyShiftedTable(t: Table, delta: number, rows: MovedRows): Table | null {
  // A table made here has the known shape (a spread copy of it has no slot and is checked).
  if ((t as Partial<LazyTable>)[ROWS] === undefined && !knownShape(t)) return null;
  // Fields in Table's order, `rows` in its place (the same hidden class for every moved table).
  const out = {
    key: t.key, version: t.version, shape: t.shape, span: sh(t.span, delta),
    caption: t.caption && { text: t.caption.text, span: sh(t.caption.span, delta) },
    headerSpan: t.headerSpan && sh(t.headerSpan, delta), columns: t.columns,
  } as unknown as LazyTable;
  Object.defineProperty(out, 'rows', ROWS_PROPERTY);
  out.readable = t.readable;
  out.reading = { level: t.reading.level, notes: t.reading.notes.map((n) => noteShifted(n, delta)) };
  Object.defineProperty(out, ROWS, { value: rows });
  return out;
}

/**
 * Moves a freshly read table (one nobody else holds) by `delta`, in place. Objects shared
 * between two places of one table (a span object referenced twice) are moved once.
 */
export function shiftTableInPlace(t: Table, delta: number): void {
  if (delta === 0) return;
  const seen = new Set<object>();
  const walk = (v: Json): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) { for (const x of v) walk(x); return; }
    const o = v as Record<string, unknown>;
    if (hasSpan(o)) { o.start = (o.start as number) + delta; o.end = (o.end as number) + delta; }
    if (hasLabel(o)) { o.labelStart = (o.labelStart as number) + delta; o.labelEnd = (o.labelEnd as number) + delta; }
    for (const k in o) walk(o[k]);
  };
  walk(t);
}
