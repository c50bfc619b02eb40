// Acceptance of the authoring path: a new report (command text / snippet) is complete for the
// checker — no GR0xx besides the GR006 placeholder reminders — and, filled with consistent
// figures, its tables are read and balanced.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { newReportText, tableTemplate, tableChoices, documentVersion, guessBodyKind, defaultReportYear } from '../../server/src/core/features/templates';
import { renderSkeleton } from '../../server/src/core/render/skeleton';
import { renderTableBlock } from '../../server/src/core/render/markdownTable';
import { FORMATS } from '../../server/src/core/standard/versions';
import { consistentValues } from './render-fixtures';


const CASES = [
  { year: 2019, kind: 'department' }, { year: 2020, kind: 'government' },
  { year: 2021, kind: 'government' }, { year: 2024, kind: 'department' }, { year: 2025, kind: 'government' },
] as const;

describe('new report text', () => {
  for (const c of CASES) {
    it(`${c.year} ${c.kind}: no GR0xx finding except GR006 (placeholders), no GR1xx/GR2xx error`, () => {
      const text = newReportText({ body: c.kind === 'government' ? '紫阳县人民政府' : '紫阳县教育体育局', year: c.year, kind: c.kind });
      const a = analyze(text);
      assert.equal(a.model.year, c.year);
      assert.equal(a.model.usedVersion, a.model.expectedVersion);
      assert.deepEqual(a.model.sections.map((s) => s.key), FORMATS[a.model.expectedVersion!].sections.map((s) => s.key));
      const bad = a.findings.filter((f) => f.code !== 'GR006' && (f.code.startsWith('GR0') || f.severity === 'error'));
      assert.deepEqual(bad.map((f) => `${f.code} ${f.message}`), []);
      assert.ok(a.findings.some((f) => f.code === 'GR006'), 'placeholders are pointed out');
    });
  }

  it('once the （文字描述） placeholders are written, a new report has no GR0xx finding at all and no error or warning', () => {
    for (const c of CASES) {
      const text = newReportText({ body: c.kind === 'government' ? '紫阳县人民政府' : '紫阳县教育体育局', year: c.year, kind: c.kind })
        .replace(/（文字描述）/g, '本年度工作按要求推进。');
      const a = analyze(text);
      const left = a.findings.filter((f) => f.code.startsWith('GR0') || f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(left.map((f) => `${c.year} ${f.code} ${f.message}`), []);
    }
  });

  it('CRLF text is analysed the same way', () => {
    const lf = analyze(newReportText({ body: 'X县人民政府', year: 2024, kind: 'government' }));
    const crlf = analyze(newReportText({ body: 'X县人民政府', year: 2024, kind: 'government', eol: '\r\n' }));
    assert.deepEqual(crlf.findings.map((f) => f.code), lf.findings.map((f) => f.code));
  });

  for (const version of ['2019', '2021'] as const) {
    it(`${version}: filled with consistent figures, every table is read and no GR1xx error`, () => {
      const year = version === '2019' ? 2020 : 2023;
      let text = renderSkeleton({ body: '紫阳县人民政府', year, kind: 'government', eol: '\n' });
      // Replace each zero table by the same table with figures.
      for (const [i, spec] of FORMATS[version].tables.entries()) {
        const zero = renderTableBlock(spec, new Map(), { eol: '\n', blank: '0' });
        assert.ok(text.includes(zero));
        text = text.replace(zero, renderTableBlock(spec, consistentValues(spec, 40 + i), { eol: '\n' }));
      }
      const a = analyze(text);
      assert.deepEqual(a.model.tables.map((t) => t.key), FORMATS[version].tables.map((t) => t.key));
      const bad = a.findings.filter((f) => (f.code.startsWith('GR1') && f.severity === 'error') || (f.code.startsWith('GR0') && f.code !== 'GR006'));
      assert.deepEqual(bad.map((f) => `${f.code} ${f.message}`), []);
    });
  }
});

describe('templates', () => {
  it('tableTemplate renders the canonical block with zeros; unknown tables throw', () => {
    const t = tableTemplate('2021', 'T2.8', '\r\n');
    assert.ok(t.startsWith('第二十条第（八）项\r\n\r\n| 信息内容 '));
    assert.match(t, /\| +0 \|$/);
    assert.throws(() => tableTemplate('2021', 'T2.9'));
    assert.match(tableTemplate('2019', 'T2.9', '\n', { snippet: true }), /\$\{1:0\}/);
  });
  it('choices, versions, body kind, default year', () => {
    assert.deepEqual(tableChoices('2019').map((c) => c.key), ['T2.1', 'T2.5', 'T2.6', 'T2.8', 'T2.9', 'T3', 'T4']);
    assert.equal(documentVersion(null, 2020), '2019');
    assert.equal(documentVersion('2019', 2024), '2019');
    assert.equal(documentVersion(null, null), '2021');
    assert.equal(guessBodyKind('紫阳县人民政府'), 'government');
    assert.equal(guessBodyKind('紫阳县人民政府办公室'), 'department');
    assert.equal(guessBodyKind('淮安市生态环境局'), 'department');
    assert.equal(defaultReportYear(new Date(2025, 0, 15)), 2024);
  });
});
