// Pasted (tab-separated) tables: fixes keep the shape; GR112 rewrites into canonical Markdown that
// re-reads into the same figures. Uses the real reader when it reads TSV, else a stand-in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, computeFixAll } from '../../server/src/core/features/fixAll';
import type { Table } from '../../server/src/core/model/types';
import type { VersionId } from '../../server/src/core/standard/types';
import { analyzeMiniTsv, consistentT3, consistentT4, report, type Figures } from './tableFixture';

const t3 = (v: VersionId) => consistentT3(v, (r, c) => (r === 'disclosed' && c === 'natural' ? 7 : r === 'withheld.process' && c === 'business' ? 2 : 0), (c) => (c === 'natural' ? 1 : 0), (c) => (c === 'natural' ? 2 : 0));
const t4 = () => consistentT4((b, r) => (b === 'review' && r === 'upheld' ? 4 : r === 'pending' ? 1 : 0));
const t2 = (): Map<'T2.1' | 'T2.9', Figures> => new Map([
  ['T2.1', new Map([['rules|newMade', '1'], ['rules|newPublished', '1'], ['rules|totalPublished', '9'], ['normative|newMade', '5'], ['normative|newPublished', '5'], ['normative|totalPublished', '5']])],
  ['T2.9', new Map([['procurement|projects', '12'], ['procurement|amount', '3400660 元']])],
]);

function figures(t: Table | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of t?.rows ?? []) {
    if (!r.key) continue;
    for (const c of r.cells) {
      if (!c.column || c.value.kind === 'blank') continue;
      out[`${r.key}|${c.column}`] = c.value.kind === 'number' ? `${c.value.units}/${c.value.scale}${c.value.unit ?? ''}` : c.text;
    }
  }
  return out;
}

for (const version of ['2019', '2021'] as const) {
  describe(`tab-separated tables (${version})`, () => {
    it('GR112 on each pasted table; the rewrite re-reads into the same figures, standard labels, Markdown', () => {
      const f3 = t3(version);
      f3.set('partial|legal', '无'); // a placeholder survives the rewrite as written
      const text = report(version, { t3: f3, t4: t4(), t2: t2() as never }, 'tsv');
      const a = analyzeMiniTsv(text, version);
      const g = a.findings.filter((f) => f.code === 'GR112');
      assert.equal(g.length, a.model.tables.length);
      for (const t of a.model.tables) {
        const f = g.find((x) => x.span.start >= t.span.start && x.span.start < t.span.end)!;
        assert.ok(f, `GR112 on ${t.key}`);
        const fix = f.fixes![0]!;
        assert.equal(fix.kind, 'refactor.rewrite');
        assert.equal(fix.safe, false);
        const rewritten = applyEdits(text, fix.edits);
        const b = analyzeMiniTsv(rewritten, version);
        const md = b.model.tables.find((x) => x.key === t.key && x.shape === 'markdown');
        assert.ok(md, `${t.key} is Markdown after the rewrite`);
        assert.deepEqual(figures(md), figures(t), t.key!);
        // Nothing else moved: the other tables still read the same.
        for (const other of a.model.tables) {
          if (other === t) continue;
          assert.deepEqual(figures(b.model.tables.find((x) => x.key === other.key)), figures(other));
        }
      }
    });

    it('fixes keep the table tab-separated: a located total fixed in place; a table with "—" left alone', () => {
      const f3 = t3(version);
      f3.set('total|natural', '30');
      const fn = (t: string) => analyzeMiniTsv(t, version);
      const codes = ['GR101', 'GR102', 'GR103', 'GR104', 'GR105'];
      const text = report(version, { t3: f3, t4: t4(), t2: t2() as never }, 'tsv');
      const r = computeFixAll(text, { analyzeFn: fn, codes });
      assert.equal(r.converged, true);
      assert.equal(r.text, report(version, { t3: t3(version), t4: t4(), t2: t2() as never }, 'tsv'));
      assert.equal(r.edits.length, 1);
      // The same wrong total beside a placeholder the author wrote, and a blank 表四 total that
      // any of its block's cells could explain: reported, nothing written.
      f3.set('partial|legal', '—');
      const f4 = t4();
      f4.set('data|review.total', '');
      const text2 = report(version, { t3: f3, t4: f4, t2: t2() as never }, 'tsv');
      const r2 = computeFixAll(text2, { analyzeFn: fn, codes });
      assert.equal(r2.converged, true);
      assert.deepEqual(r2.edits, []);
      assert.ok(fn(text2).findings.some((x) => x.code === 'GR102'));
    });

  });
}
