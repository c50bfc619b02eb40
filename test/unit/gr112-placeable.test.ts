/**
 * GR112 offers its rewrite only when every figure can be placed. rewriteFix decides that without
 * building the figures (a shortcut when no two cells share a row and column); canonicalMarkdown
 * builds them. On real tables and on random edits of them (repeated rows and cells, unknown keys
 * and columns, blanks), the two must agree.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { translate } from '../../server/src/core/messages/index';
import type { Cell, Row, Table } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { canonicalMarkdown, rewriteFix } from '../../server/src/core/rules/tables/gr112-pasted-table';
import { specOf } from '../../server/src/core/tables/checked';
import { stripBom } from '../../server/src/core/text/source';
import { syntheticReport } from '../../scripts/synthetic';

const SAMPLES = join(__dirname, '..', 'fixtures', 'samples');
const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => stripBom(readFileSync(join(SAMPLES, f), 'utf8')));
texts.push(syntheticReport(SAMPLES, 200 * 1024));

const cases = texts.flatMap((text) => {
  const model = parseReport(text);
  return model.tables.flatMap((table) => {
    const spec = specOf(table, table.version ?? '2021');
    return spec ? [{ model, table, spec }] : [];
  });
});
const t = (key: Parameters<typeof translate>[1], args?: Record<string, string | number>) => translate('zh-cn', key, args);

function agrees(c: (typeof cases)[number], table: Table): void {
  const placeable = canonicalMarkdown(c.model.source, table, c.spec) !== null;
  assert.equal(rewriteFix({ t, model: c.model }, table, c.spec) !== null, placeable);
}

test('GR112: the rewrite is offered exactly when canonicalMarkdown places every figure (real tables)', () => {
  assert.ok(cases.length > 20);
  for (const c of cases) agrees(c, c.table);
});

type Edit =
  | { kind: 'repeatRow'; row: number; text: string; blank: boolean }
  | { kind: 'repeatCell'; row: number; cell: number; text: string; blank: boolean }
  | { kind: 'rowKey'; row: number; key: 'null' | 'empty' | 'other' | 'copy' }
  | { kind: 'column'; row: number; cell: number; column: 'null' | 'unknown' | 'copy' }
  | { kind: 'blank'; row: number; cell: number }
  | { kind: 'longRow'; row: number; n: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('repeatRow' as const), row: fc.nat(), text: fc.constantFrom('0', '1', '12', ''), blank: fc.boolean() }),
  fc.record({ kind: fc.constant('repeatCell' as const), row: fc.nat(), cell: fc.nat(), text: fc.constantFrom('0', '1', '12', ''), blank: fc.boolean() }),
  fc.record({ kind: fc.constant('rowKey' as const), row: fc.nat(), key: fc.constantFrom('null' as const, 'empty' as const, 'other' as const, 'copy' as const) }),
  fc.record({ kind: fc.constant('column' as const), row: fc.nat(), cell: fc.nat(), column: fc.constantFrom('null' as const, 'unknown' as const, 'copy' as const) }),
  fc.record({ kind: fc.constant('blank' as const), row: fc.nat(), cell: fc.nat() }),
  fc.record({ kind: fc.constant('longRow' as const), row: fc.nat(), n: fc.integer({ min: 20, max: 40 }) }),
);

const blankValue = { kind: 'blank' } as Cell['value'];

/** A fresh table (fresh objects: the memos key on them) with the edits applied. */
function edited(table: Table, edits: readonly Edit[]): Table {
  const rows: Row[] = table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
  for (const e of edits) {
    if (!rows.length) break;
    const row = rows[e.row % rows.length]!;
    const cellAt = (i: number) => (row.cells.length ? row.cells[i % row.cells.length]! : undefined);
    switch (e.kind) {
      case 'repeatRow':
        rows.push({ ...row, cells: row.cells.map((c) => ({ ...c, text: e.text, ...(e.blank ? { value: blankValue } : {}) })) });
        break;
      case 'repeatCell': {
        const c = cellAt(e.cell);
        if (c) row.cells.push({ ...c, text: e.text, ...(e.blank ? { value: blankValue } : {}) });
        break;
      }
      case 'rowKey':
        row.key = e.key === 'null' ? null : e.key === 'empty' ? '' : e.key === 'other' ? 'no-such-row' : rows[(e.row + 1) % rows.length]!.key;
        break;
      case 'column': {
        const c = cellAt(e.cell);
        if (c) c.column = e.column === 'null' ? null : e.column === 'unknown' ? 'no-such-column' : cellAt(e.cell + 1)!.column;
        break;
      }
      case 'blank': {
        const c = cellAt(e.cell);
        if (c) c.value = blankValue;
        break;
      }
      case 'longRow': {
        const c = cellAt(0);
        if (c) for (let i = 0; i < e.n; i++) row.cells.push({ ...c, value: i % 2 ? c.value : blankValue });
        break;
      }
    }
  }
  return { ...table, rows };
}

test('GR112: the rewrite is offered exactly when canonicalMarkdown places every figure (edited tables)', () => {
  fc.assert(fc.property(fc.nat({ max: cases.length - 1 }), fc.array(edit, { maxLength: 4 }), (i, edits) => {
    const c = cases[i]!;
    agrees(c, edited(c.table, edits));
  }), { numRuns: 3000 });
});
