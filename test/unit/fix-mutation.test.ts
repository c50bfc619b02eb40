// Mutation test of fix-all on real, consistent tables (huaian-2024's 表三 and 表四) in every shape
// the reader supports: the real space-aligned report as it is, and its figures rendered as
// Markdown, TSV, one cell per line and space-aligned. ONE cell is damaged (a typo ±1..±9, two
// digits swapped, blanked, or "—"); fix-all runs on the whole report. Every case ends as one of:
//   restored — the damaged cell is back to its figure, nothing else in 表三/表四 changed (for a
//              blank: only a 0 that every identity through it proves);
//   left     — nothing in 表三/表四 written (for the author), and no safe arithmetic fix remains;
//   wrong    — anything else (a correct cell changed, a wrong figure written, a text cell filled).
// Asserted: wrong = 0; a typo in a cell that takes part in two or more identities (every 表三
// cell) is restored whenever the damaged table is read with full confidence. The counts are
// printed (the README's 表格核对 section quotes them). GOVREPORT_MUTATION_FULL=1 runs every
// damage on every cell (slow); the default runs a fixed, rotating subset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { computeFixAll } from '../../server/src/core/features/fixAll';
import { cellAt } from '../../server/src/core/tables/cells';
import type { Table } from '../../server/src/core/model/types';
import { specOf } from '../../server/src/core/tables/checked';
import { tableConfidence } from '../../server/src/core/tables/confidence';
import { FORMATS } from '../../server/src/core/standard/versions';
import { sample } from './helpers';
import { figureKeys, report, spec, type Figures, type Shape } from './tableFixture';

type Damage = { kind: 'typo'; delta: number } | { kind: 'swap' } | { kind: 'blank' } | { kind: 'dash' };

const FULL = process.env.GOVREPORT_MUTATION_FULL === '1';
const DELTAS = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8, -8, 9, -9];
const ALL_DAMAGES: Damage[] = [...DELTAS.map((delta): Damage => ({ kind: 'typo', delta })), { kind: 'swap' }, { kind: 'blank' }, { kind: 'dash' }];

/** The damaged text of a figure, or null when this damage does not apply (a swap of "7"). */
function damaged(value: string, d: Damage): string | null {
  switch (d.kind) {
    case 'typo': {
      const n = Number(value) + d.delta;
      return String(n < 0 ? Number(value) - d.delta : n);
    }
    case 'swap': {
      // The last two neighbouring digits that differ, swapped (1288 → 1828, 103 → 130).
      for (let i = value.length - 1; i > 0; i--) {
        if (value[i] !== value[i - 1]) return value.slice(0, i - 1) + value[i] + value[i - 1] + value.slice(i + 1);
      }
      return null;
    }
    case 'blank': return '';
    case 'dash': return '—';
  }
}

function label(d: Damage): string {
  return d.kind === 'typo' ? `${d.delta > 0 ? '+' : ''}${d.delta}` : d.kind;
}

/** Which damages run on the i-th cell of a shape (all of them in full mode). */
function damagesFor(i: number, shapeIndex: number): Damage[] {
  if (FULL) return ALL_DAMAGES;
  const typo = DELTAS[(i * 7 + shapeIndex * 3) % DELTAS.length]!;
  const other: Damage[] = [{ kind: 'swap' }, { kind: 'blank' }, { kind: 'dash' }];
  return [{ kind: 'typo', delta: typo }, other[(i + shapeIndex) % other.length]!];
}

interface Tally { restored: number; left: number; wrong: number; cases: string[] }

/** Outcomes by table and damage kind, across shapes: "T3 typo" → restored / left / wrong. */
const byKind = new Map<string, [number, number, number]>();
function count(table: string, d: Damage, outcome: 0 | 1 | 2): void {
  const k = `${table} ${d.kind}`;
  const v = byKind.get(k) ?? [0, 0, 0];
  v[outcome]++;
  byKind.set(k, v);
}

const KEYS = { T3: figureKeys(spec('2021', 'T3')), T4: figureKeys(spec('2021', 'T4')) };

function tableOf(tables: readonly Table[], key: 'T3' | 'T4'): Table | undefined {
  return tables.find((t) => t.key === key);
}

function figuresOf(tables: readonly Table[], key: 'T3' | 'T4'): Figures {
  const t = tableOf(tables, key);
  const m: Figures = new Map();
  for (const k of KEYS[key]) {
    const [r, c] = k.split('|') as [string, string];
    const cell = t ? cellAt(t, r, c) : undefined;
    m.set(k, cell?.text ?? '∅');
  }
  return m;
}

/** Spans of 表三 and 表四 in a text. */
function guarded(text: string): { start: number; end: number }[] {
  return analyze(text).model.tables.filter((t) => t.key === 'T3' || t.key === 'T4').map((t) => t.span);
}

/** Runs fix-all on a damaged text and classifies the outcome. */
function judge(
  tally: Tally, name: string, text: string, original: { T3: Figures; T4: Figures },
  table: 'T3' | 'T4', d: Damage,
): void {
  const r = computeFixAll(text);
  assert.equal(r.converged, true, `${name}: fix-all did not converge (${r.stopped})`);
  const zones = guarded(text);
  const touched = r.edits.some((e) => zones.some((z) => e.span.start < z.end && e.span.end >= z.start));
  const after = analyze(r.text);
  const restored = (['T3', 'T4'] as const).every((k) => {
    const got = figuresOf(after.model.tables, k);
    return KEYS[k].every((x) => got.get(x) === original[k].get(x));
  });
  const before = analyze(text);
  const damagedTable = tableOf(before.model.tables, table)!;
  const format = FORMATS[before.model.expectedVersion ?? before.model.usedVersion ?? '2021'];
  const trusted = damagedTable && specOf(damagedTable, format)
    ? tableConfidence(damagedTable, specOf(damagedTable, format)!, before.model.tables).fixes
    : false;
  if (!touched) {
    // Left for the author: no safe arithmetic fix may remain (else fix-all would have taken it).
    const safeLeft = after.findings.filter((f) => /^GR10[1-4]$/.test(f.code) && f.fixes?.some((x) => x.safe));
    assert.deepEqual(safeLeft.map((f) => f.message), [], name);
    // A typo in a 表三 cell (every one is in two or more identities) on a table read with
    // confidence must be located and restored.
    if ((d.kind === 'typo' || d.kind === 'swap') && table === 'T3' && trusted) {
      tally.wrong++;
      count(table, d, 2);
      tally.cases.push(`${name}: not restored`);
      return;
    }
    tally.left++;
    count(table, d, 1);
    return;
  }
  // A blanked 0 that the identities prove to be 0 may be filled back (GR107); nothing else may be
  // written into a blank, and never into a "—".
  if (restored && d.kind !== 'dash') { tally.restored++; count(table, d, 0); return; }
  tally.wrong++;
  count(table, d, 2);
  tally.cases.push(`${name}: ${r.changes.map((c) => `${c.cell} ${c.oldText}→${c.newText}`).join('; ')}`);
}

const huaian = sample('huaian');
const huaianModel = analyze(huaian).model;
const ORIGINAL = { T3: figuresOf(huaianModel.tables, 'T3'), T4: figuresOf(huaianModel.tables, 'T4') };

const totals: Record<string, Tally> = {};

describe('fix-all mutation test on real tables (huaian-2024)', () => {
  it('the figures are read whole from the real report (every cell a number)', () => {
    for (const k of ['T3', 'T4'] as const) {
      for (const [key, v] of ORIGINAL[k]) assert.match(v, /^\d+$/, `${k} ${key}`);
    }
    assert.deepEqual(computeFixAll(huaian).changes.filter((c) => c.cell && /^[0-9]/.test(c.oldText)), []);
  });

  it('space-aligned (the real text): damage one cell, fix-all', () => {
    const tally: Tally = (totals['spaceAligned (real)'] = { restored: 0, left: 0, wrong: 0, cases: [] });
    let i = 0;
    for (const table of ['T3', 'T4'] as const) {
      const t = tableOf(huaianModel.tables, table)!;
      for (const key of KEYS[table]) {
        const [r, c] = key.split('|') as [string, string];
        const cell = cellAt(t, r, c)!;
        for (const d of damagesFor(i, 0)) {
          const v = damaged(cell.text, d);
          if (v === null) continue;
          // Keep the row's width where the new text is narrower, as a typist overwriting would.
          const pad = v.length < cell.text.length ? ' '.repeat(cell.text.length - v.length) : '';
          const text = huaian.slice(0, cell.start) + pad + v + huaian.slice(cell.end);
          judge(tally, `real ${table} ${key} ${cell.text}→${label(d)}`, text, ORIGINAL, table, d);
        }
        i++;
      }
    }
    assert.deepEqual(tally.cases.slice(0, 10), []);
  });

  const shapes: Shape[] = ['markdown', 'tsv', 'cellPerLine', 'spaceAligned'];
  shapes.forEach((shape, s) => {
    it(`${shape} (huaian's figures rendered): damage one cell, fix-all`, () => {
      const tally: Tally = (totals[shape] = { restored: 0, left: 0, wrong: 0, cases: [] });
      const clean = report('2021', { t3: ORIGINAL.T3, t4: ORIGINAL.T4 }, shape);
      const read = analyze(clean).model;
      // The rendered table reads back to the same figures.
      assert.deepEqual(figuresOf(read.tables, 'T3'), ORIGINAL.T3);
      assert.deepEqual(figuresOf(read.tables, 'T4'), ORIGINAL.T4);
      let i = 0;
      for (const table of ['T3', 'T4'] as const) {
        for (const key of KEYS[table]) {
          for (const d of damagesFor(i, s + 1)) {
            const v = damaged(ORIGINAL[table].get(key)!, d);
            if (v === null) continue;
            const figures = { T3: new Map(ORIGINAL.T3), T4: new Map(ORIGINAL.T4) };
            figures[table].set(key, v);
            const text = report('2021', { t3: figures.T3, t4: figures.T4 }, shape);
            judge(tally, `${shape} ${table} ${key} ${ORIGINAL[table].get(key)}→${label(d)}`, text, ORIGINAL, table, d);
          }
          i++;
        }
      }
      assert.deepEqual(tally.cases.slice(0, 10), []);
    });
  });

  it('counts (restored / left for the author / wrong)', (t) => {
    const all = Object.values(totals);
    const sum = (f: (x: Tally) => number) => all.reduce((a, x) => a + f(x), 0);
    for (const [shape, x] of Object.entries(totals)) t.diagnostic(`mutation ${shape}: restored ${x.restored}, left ${x.left}, wrong ${x.wrong}`);
    for (const [k, [a, b, c]] of [...byKind].sort()) t.diagnostic(`mutation ${k}: restored ${a}, left ${b}, wrong ${c}`);
    t.diagnostic(`mutation total: restored ${sum((x) => x.restored)}, left ${sum((x) => x.left)}, wrong ${sum((x) => x.wrong)}`);
    assert.equal(sum((x) => x.wrong), 0);
    assert.ok(sum((x) => x.restored) > 0);
  });
});
