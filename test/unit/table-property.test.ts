// Property tests (fast-check): random consistent 表三/表四 in every shape the reader supports;
// perturb one figure; exactly the identities that cell takes part in fire. Fix-all restores the
// figure exactly when error localisation pins it (every 表三 cell), and otherwise (a 表四 cell,
// in one identity only) leaves the table alone; it never touches anything outside the tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeFixAll } from '../../server/src/core/features/fixAll';
import { cellAt } from '../../server/src/core/tables/cells';
import type { Table } from '../../server/src/core/model/types';
import type { VersionId } from '../../server/src/core/standard/types';
import { analyzeMini, consistentT3, consistentT4, figureKeys, report, spec, type Figures } from './tableFixture';

const PARTS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'];

/** Which arithmetic rules a change of (row, column) of 表三 breaks, one finding each. */
function expectedT3(version: VersionId, row: string): string[] {
  const s = spec(version, 'T3');
  const outcomes = (s.identities.find((i) => i.kind === 'columnSum') as { partRows: string[] }).partRows;
  const out = ['GR101']; // the row's own total (or, for a total cell, the row sum it is)
  if (outcomes.includes(row) || row === 'total') out.push('GR102');
  if (['new', 'carriedIn', 'total', 'carriedOut'].includes(row)) out.push('GR103');
  return out.sort();
}

/** The figures of a table as read, keyed "row|column". */
function figuresOf(table: Table | undefined, keys: string[]): Map<string, string> {
  const m = new Map<string, string>();
  if (!table) return m;
  for (const k of keys) {
    const [r, c] = k.split('|') as [string, string];
    const cell = cellAt(table, r, c);
    m.set(k, cell && cell.value.kind === 'number' ? String(cell.value.units) : '');
  }
  return m;
}

/** Lines outside any table. */
function outside(text: string, tables: Table[]): string[] {
  const lines: string[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    if (tables.some((t) => start >= t.span.start && start < t.span.end)) continue;
    lines.push(line);
  }
  return lines;
}

const count = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) });

interface Case {
  version: VersionId;
  t3: Figures;
  t4: Figures;
  table: 'T3' | 'T4';
  key: string;
  delta: number;
}

const caseArb = fc.record({
  version: fc.constantFrom<VersionId>('2019', '2021'),
  leaves: fc.array(count, { minLength: 200, maxLength: 200 }),
  carried: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
  out: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
  t4: fc.array(count, { minLength: 12, maxLength: 12 }),
  table: fc.constantFrom<'T3' | 'T4'>('T3', 'T3', 'T4'),
  pick: fc.nat(),
  delta: fc.integer({ min: -7, max: 7 }).filter((d) => d !== 0),
}).map(({ version, leaves, carried, out, t4, table, pick, delta }): Case => {
  let i = 0;
  // carriedIn ≤ （七） + 四 keeps 一 ≥ 0: cap it by the extra carried out.
  const t3 = consistentT3(version, () => leaves[i++ % leaves.length]!, (c) => Math.min(carried[PARTS.indexOf(c)]!, out[PARTS.indexOf(c)]!), (c) => out[PARTS.indexOf(c)]!);
  let j = 0;
  const f4 = consistentT4(() => t4[j++]!);
  const keys = figureKeys(spec(version, table));
  return { version, t3, t4: f4, table, key: keys[pick % keys.length]!, delta };
});

function perturb(c: Case): { t3: Figures; t4: Figures; from: number; to: number } {
  const t3 = new Map(c.t3);
  const t4 = new Map(c.t4);
  const m = c.table === 'T3' ? t3 : t4;
  const from = Number(m.get(c.key));
  let to = from + c.delta;
  if (to < 0) to = from - c.delta;
  m.set(c.key, String(to));
  return { t3, t4, from, to };
}

for (const shape of ['markdown', 'tsv', 'cellPerLine', 'spaceAligned'] as const) {
  // The real reader for every shape (analyzeMini fails when it reads no table).
  const read = analyzeMini;
  describe(`table property (${shape})`, () => {
    it('a consistent table: no arithmetic finding', () => {
      fc.assert(fc.property(caseArb, (c) => {
        const text = report(c.version, { t3: c.t3, t4: c.t4 }, shape);
        const a = read(text, c.version);
        assert.deepEqual(a.findings.filter((f) => /^GR10[1-4]$/.test(f.code)).map((f) => f.message), []);
      }), { numRuns: 40 });
    });

    it('one perturbed figure: exactly the identities it takes part in; fix-all restores it when located, else leaves it', () => {
      fc.assert(fc.property(caseArb, (c) => {
        const p = perturb(c);
        const text = report(c.version, { t3: p.t3, t4: p.t4 }, shape);
        const a = read(text, c.version);
        const [row] = c.key.split('|') as [string, string];
        const got = a.findings.filter((f) => /^GR10[1-4]$/.test(f.code)).map((f) => f.code).sort();
        const expected = c.table === 'T4' ? ['GR104'] : expectedT3(c.version, row);
        assert.deepEqual(got, expected, `${c.table} ${c.key} ${p.from}→${p.to}`);

        const r = computeFixAll(text, { analyzeFn: (t) => read(t, c.version) });
        assert.equal(r.converged, true);
        const after = read!(r.text, c.version);
        // Nothing outside the tables changed, byte for byte.
        assert.deepEqual(outside(r.text, after.model.tables), outside(text, a.model.tables));
        const keys = figureKeys(spec(c.version, c.table));
        const table = after.model.tables.find((t) => t.key === c.table);
        if (c.table === 'T3') {
          // Every 表三 cell takes part in two or more identities: the one wrong cell is located
          // and put back exactly; no other figure moves.
          assert.deepEqual(figuresOf(table, keys), new Map(keys.map((k) => [k, c.t3.get(k)!])));
          assert.deepEqual(after.findings.filter((f) => /^GR10[1-4]$/.test(f.code)).map((f) => f.message), []);
        } else {
          // A 表四 cell is in one identity only: any of its block's five cells could be wrong.
          // No safe fix, the table is left as it is, and the finding names the candidates.
          assert.deepEqual(figuresOf(table, keys), new Map(keys.map((k) => [k, p.t4.get(k)!])));
          const left = after.findings.filter((f) => f.code === 'GR104');
          assert.equal(left.length, 1);
          assert.ok(left.every((f) => !f.fixes?.some((x) => x.safe) && (f.fixes?.length ?? 0) >= 1));
        }
        // Idempotent.
        assert.deepEqual(computeFixAll(r.text, { analyzeFn: (t) => read(t, c.version) }).edits, []);
      }), { numRuns: 60 });
    });
  });
}
