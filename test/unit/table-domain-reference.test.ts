// checkIdentities and tableConfidence against their plain reference implementations
// (tableDomainReference.ts): the same checks (identities, terms, cells, values, status) and the same
// confidence (reasons in the same order) on every table of every sample, of reports whose figures
// are random (mismatches, blanks, placeholders, text) in all four pasted shapes, and of the
// synthetic 1 MB report, against both formats' specs.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ReportModel } from '../../server/src/core/model/types';
import { parseReport } from '../../server/src/core/parse/report';
import { specOf } from '../../server/src/core/tables/checked';
import { tableConfidence } from '../../server/src/core/tables/confidence';
import { checkIdentities, type IdentityCheck, type Term } from '../../server/src/core/tables/identities';
import { FORMATS } from '../../server/src/core/standard/versions';
import type { TableKey, VersionId } from '../../server/src/core/standard/types';
import { syntheticReport } from '../../scripts/synthetic';
import { SAMPLES_DIR, sample } from './helpers';
import { confidenceRef, evaluateRef } from './tableDomainReference';
import { figureKeys, report, spec, type Figures, type Shape } from './tableFixture';

/** A term as plain data; the cell compared by identity (the same object of the model). */
function termData(t: Term) {
  return { row: t.row, column: t.column, value: t.value };
}

function sameChecks(a: IdentityCheck[], b: IdentityCheck[], where: string): void {
  assert.equal(a.length, b.length, `${where}: number of checks`);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const at = `${where} #${i} ${x.identity.id}`;
    assert.equal(x.identity, y.identity, at);
    assert.equal(x.rule, y.rule, at);
    assert.equal(x.table, y.table, at);
    assert.equal(x.spec, y.spec, at);
    assert.deepEqual(Object.keys(x), Object.keys(y), at);
    assert.deepEqual(termData(x.target), termData(y.target), at);
    assert.equal(x.target.cell, y.target.cell, at);
    for (const side of ['parts', 'left', 'right'] as const) {
      const p = x[side];
      const q = y[side];
      assert.equal(p === undefined, q === undefined, `${at} ${side}`);
      if (!p || !q) continue;
      assert.deepEqual(p.map(termData), q.map(termData), `${at} ${side}`);
      p.forEach((t, k) => assert.equal(t.cell, q[k]!.cell, `${at} ${side}[${k}]`));
    }
    assert.deepEqual(x.actual, y.actual, at);
    assert.deepEqual(x.expected, y.expected, at);
    assert.equal(x.status, y.status, at);
    assert.equal(x.skipReason, y.skipReason, at);
  }
}

function compareModel(model: ReportModel, where: string): number {
  let n = 0;
  for (const table of model.tables) {
    for (const version of ['2019', '2021'] as const) {
      const s = specOf(table, FORMATS[version]);
      const here = `${where} ${table.key ?? '-'}@${table.span.start} ${version}`;
      const twin = !!s && !!table.key && model.tables.some((t) => t !== table && t.key === table.key);
      assert.deepEqual(tableConfidence(table, s, model.tables), confidenceRef(table, s, twin), here);
      assert.deepEqual(tableConfidence(table), confidenceRef(table, undefined, false), here);
      if (!s) continue;
      sameChecks(checkIdentities(table, s), evaluateRef(table, s), here);
      n++;
    }
  }
  return n;
}

/** A small deterministic generator (the same figures on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ODD = ['', '—', '无', '0', '12.5', '1,234', '见附件', '-'];

function randomFigures(version: VersionId, key: TableKey, next: () => number): Figures {
  const out: Figures = new Map();
  for (const k of figureKeys(spec(version, key))) {
    const r = next();
    out.set(k, r < 0.15 ? ODD[Math.floor(next() * ODD.length)]! : String(Math.floor(next() * 40)));
  }
  return out;
}

describe('table domain against its plain reference implementations', () => {
  it('every sample table: the same checks and the same confidence', () => {
    let n = 0;
    for (const name of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt'))) {
      n += compareModel(parseReport(sample(name.replace(/\.txt$/, ''))), name);
    }
    assert.ok(n > 40, `${n} tables compared`);
  });

  it('reports with random figures in all four shapes', () => {
    const next = rng(9);
    let mismatches = 0;
    for (let round = 0; round < 6; round++) {
      for (const version of ['2019', '2021'] as const) {
        for (const shape of ['markdown', 'tsv', 'cellPerLine', 'spaceAligned'] as Shape[]) {
          const t2 = new Map(FORMATS[version].tables.filter((t) => t.key.startsWith('T2')).map((t) => [t.key, randomFigures(version, t.key, next)]));
          const model = parseReport(report(version, { t2, t3: randomFigures(version, 'T3', next), t4: randomFigures(version, 'T4', next) }, shape));
          compareModel(model, `${version} ${shape} round ${round}`);
          for (const table of model.tables) {
            const s = specOf(table, FORMATS[version]);
            if (s) mismatches += checkIdentities(table, s).filter((c) => c.status === 'mismatch').length;
          }
        }
      }
    }
    assert.ok(mismatches > 20, `only ${mismatches} mismatching checks: the comparison would prove little`);
  });

  it('the synthetic 1 MB report', () => {
    const n = compareModel(parseReport(syntheticReport(join(SAMPLES_DIR), 1024 * 1024)), 'synthetic');
    assert.ok(n > 200, `${n} tables compared`);
  });
});
