// The snippet file: generated from the renderer, up to date, and every body — its tab stops
// filled with consistent figures — reads back as the table it claims to be, without GR1xx errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { cellAt } from '../../server/src/core/tables/cells';
import { buildSnippets, expandSnippet, figureCells, snippetsFileText, valueKey } from '../../server/src/core/render/index';
import { newReportText } from '../../server/src/core/features/templates';
import { FORMATS } from '../../server/src/core/standard/versions';
import type { TableSpec, VersionId } from '../../server/src/core/standard/types';
import { parseCell } from '../../server/src/core/text/numbers';
import { consistentValues, filler } from './render-fixtures';

const FILE = join(__dirname, '..', '..', 'snippets', 'govreport.code-snippets');
const snippets = buildSnippets();

const YEAR: Record<VersionId, number> = { 2019: 2020, 2021: 2024 };
const suffix = (v: VersionId) => (v === '2021' ? '' : ' (2019版)');

function sameNumber(a: string | undefined, b: string): boolean {
  const x = parseCell(a ?? '');
  const y = parseCell(b);
  return x.kind === 'number' && y.kind === 'number' && x.units === y.units && x.scale === y.scale;
}

function assertTableRead(text: string, spec: TableSpec, values: ReadonlyMap<string, string>) {
  const a = analyze(text);
  const tables = a.model.tables.filter((t) => t.key === spec.key);
  assert.equal(tables.length, 1, `${spec.key} read once`);
  const t = tables[0]!;
  assert.ok(t.readable);
  for (const c of figureCells(spec)) {
    const cell = cellAt(t, c.rowKey, c.columnKey);
    assert.ok(sameNumber(cell?.text, values.get(valueKey(c.rowKey, c.columnKey))!), `${spec.key} ${c.rowKey}|${c.columnKey}: ${cell?.text}`);
  }
  return a;
}

describe('snippets: file', () => {
  it('snippets/govreport.code-snippets is up to date (node --import tsx scripts/gen-snippets.ts)', () => {
    assert.equal(readFileSync(FILE, 'utf8'), snippetsFileText());
  });

  it('is valid JSON with prefix[], body[] and a Chinese description for every snippet', () => {
    const parsed = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
    for (const [name, s] of Object.entries(parsed)) {
      assert.ok(Array.isArray(s.prefix) && s.prefix.length > 0, name);
      assert.ok(Array.isArray(s.body) && s.body.length > 0, name);
      assert.match(s.description, /[\u4e00-\u9fff]/, name);
    }
  });

  it('has the report skeleton, every T2 item, T3 and T4 for both versions, with the agreed prefixes', () => {
    assert.deepEqual(snippets['政府信息公开工作年度报告']!.prefix, ['年报', '年度报告', 'nb', 'ndbg']);
    assert.deepEqual(snippets['政府信息公开工作年度报告 (2019版)']!.prefix, ['年报2019', '年度报告2019', 'nb2019', 'ndbg2019']);
    assert.deepEqual(snippets['表三 收到和处理政府信息公开申请情况']!.prefix, ['表三', '依申请', 'b3', 'ysq']);
    assert.deepEqual(snippets['表四 政府信息公开行政复议、行政诉讼情况']!.prefix, ['表四', '复议诉讼', 'b4', 'fyss']);
    assert.ok(snippets['表三 收到和处理政府信息公开申请情况 (2019版)']!.prefix.includes('表三2019'));
    const items = (v: VersionId) => Object.keys(snippets).filter((n) => n.startsWith('第二十条') && (v === '2021' ? !n.includes('2019版') : n.includes('2019版')));
    assert.deepEqual(items('2021').map((n) => n.slice(5, 8)), ['（一）', '（五）', '（六）', '（八）']);
    assert.deepEqual(items('2019').map((n) => n.slice(5, 8)), ['（一）', '（五）', '（六）', '（八）', '（九）']);
    const allPrefixes = Object.values(snippets).flatMap((s) => s.prefix);
    assert.equal(new Set(allPrefixes).size, allPrefixes.length, 'prefixes are unique');
  });
});

describe('snippets: bodies read back', () => {
  for (const version of ['2021', '2019'] as const) {
    const format = FORMATS[version];
    for (const spec of format.tables) {
      it(`${version} ${spec.key}: filled tab stops give the table, no GR1xx error`, () => {
        const s = snippets[`${spec.title}${suffix(version)}`]!;
        const values = consistentValues(spec, 11);
        const body = expandSnippet(s.body.join('\n'), filler([spec], new Map([[spec.key, values]]), 1));
        const section = format.sections.find((x) => x.key === spec.section)!;
        const text = `某某县${YEAR[version]}年政府信息公开工作年度报告\n\n${'一二三四五六'[section.ordinal - 1]}、${section.title}\n\n${body}\n`;
        const a = assertTableRead(text, spec, values);
        const errors = a.findings.filter((f) => f.code.startsWith('GR1') && f.severity === 'error');
        assert.deepEqual(errors.map((f) => `${f.code} ${f.message}`), []);
      });
    }

    it(`${version} report skeleton: figures filled, every table read and balanced, structure complete`, () => {
      const s = snippets[`政府信息公开工作年度报告${suffix(version)}`]!;
      const values = new Map(format.tables.map((t, i) => [t.key, consistentValues(t, 100 + i)] as const));
      const fill = filler(format.tables, values, 3);
      const text = expandSnippet(s.body.join('\n'), (n, d) => (n === 1 ? '紫阳县人民政府' : n === 2 ? String(YEAR[version]) : fill(n, d)));
      const a = analyze(text);
      assert.equal(a.model.year, YEAR[version]);
      for (const t of format.tables) assertTableRead(text, t, values.get(t.key)!);
      const bad = a.findings.filter((f) => (f.code.startsWith('GR0') && f.code !== 'GR006') || (f.code.startsWith('GR1') && f.severity === 'error'));
      assert.deepEqual(bad.map((f) => `${f.code} ${f.message}`), []);
    });
  }

  it('snippet skeleton expands to the same text as the 新建 command (figures 0)', () => {
    const s = snippets['政府信息公开工作年度报告']!.body.join('\n');
    const text = expandSnippet(s, (n, d) => (n === 1 ? '某某县人民政府' : n === 2 ? '2024' : d));
    assert.ok(text.startsWith('某某县人民政府2024年政府信息公开工作年度报告\n'));
    assert.equal(text, newReportText({ body: '某某县人民政府', year: 2024, kind: 'government' }));
  });
});
