/** Settings parsing and finding → LSP conversion of the language server (server/src/lsp). */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { SourceText } from '../../server/src/core/text/source';
import { DEFAULT_DOCS_BASE, nonOverlapping, normaliseDocsBase, toDiagnostic } from '../../server/src/lsp/convert';
import { analyzeOptionsOf, parseMonthDay, readSettings } from '../../server/src/lsp/settings';

describe('settings', () => {
  it('reads per-rule severities, ignoring junk', () => {
    const s = readSettings({ rules: { GR006: 'off', gr107: 'Information', GR101: 'warn', GR999: 'loud', GR001: 3 } });
    assert.deepEqual(s.rules, { GR006: 'off', GR107: 'information', GR101: 'warning' });
  });

  it('falls back to defaults on anything malformed', () => {
    for (const raw of [null, undefined, 42, 'x', [], { rules: 'all' }, { hover: true }, { deadlines: 'soon' }, { bodyKind: 'city' }]) {
      const s = readSettings(raw);
      assert.equal(s.hover.enabled, true);
      assert.equal(s.inlayHints.enabled, true);
      assert.equal(s.bodyKind, 'auto');
      assert.deepEqual(s.deadlines, {});
    }
    assert.equal(readSettings({ hover: { enabled: false } }).hover.enabled, false);
  });

  it('parses month-day deadlines in several spellings, rejecting impossible dates', () => {
    assert.deepEqual(parseMonthDay('01-31'), [1, 31]);
    assert.deepEqual(parseMonthDay('3-31'), [3, 31]);
    assert.deepEqual(parseMonthDay('3月31日'), [3, 31]);
    assert.deepEqual(parseMonthDay([2, 29]), [2, 29]);
    assert.deepEqual(parseMonthDay({ month: 4, day: 15 }), [4, 15]);
    for (const bad of ['2-30', '13-01', '0-1', 'soon', '', null, [1], { month: 'x' }]) assert.equal(parseMonthDay(bad), undefined, String(bad));
  });

  it('turns settings into analyze() options', () => {
    const o = analyzeOptionsOf(readSettings({ rules: { GR006: 'off' }, deadlines: { department: '02-15' }, bodyKind: 'government' }), 'en');
    assert.deepEqual(o, { locale: 'en', severities: { GR006: 'off' }, ruleOptions: { deadlines: { department: [2, 15] }, bodyKind: 'government' } });
    assert.deepEqual(analyzeOptionsOf(readSettings({}), 'zh-cn').ruleOptions, {});
  });
});

describe('convert', () => {
  const src = new SourceText('第一行\r\n𠀀二、主动公开\n末行');
  const finding: Finding = {
    code: 'GR004', severity: 'warning', span: { start: 6, end: 10 }, message: 'm',
    related: [{ span: { start: 0, end: 3 }, message: 'r' }, { span: { start: 0, end: 1 }, message: 'elsewhere', uri: 'file:///gone.txt' }],
    tags: ['deprecated'],
  };

  it('builds a diagnostic with code, link, source, UTF-16 range, related information and tags', () => {
    const d = toDiagnostic(finding, src, 'file:///a.txt', 'file:///ext/docs/rules/');
    assert.equal(d.code, 'GR004');
    assert.equal(d.codeDescription?.href, 'file:///ext/docs/rules/GR004.md');
    assert.equal(d.source, 'govreport');
    assert.equal(d.severity, 2);
    // The astral 𠀀 takes two UTF-16 units: offset 6 is the start of line 1, 10 is after "二、".
    assert.deepEqual(d.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 5 } });
    assert.deepEqual(d.tags, [2]);
    // The related span in another document that cannot be resolved is dropped, the local one kept.
    assert.deepEqual(d.relatedInformation, [{ location: { uri: 'file:///a.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }, message: 'r' }]);
    const other = new SourceText('x\ny');
    const d2 = toDiagnostic(finding, src, 'file:///a.txt', DEFAULT_DOCS_BASE, (u) => (u === 'file:///gone.txt' ? other : undefined));
    assert.equal(d2.relatedInformation?.length, 2);
    assert.equal(d2.relatedInformation?.[1]?.location.uri, 'file:///gone.txt');
  });

  it('normalises the docs base', () => {
    assert.equal(normaliseDocsBase('file:///x/docs/rules'), 'file:///x/docs/rules/');
    assert.equal(normaliseDocsBase('https://h/r/'), 'https://h/r/');
    assert.equal(normaliseDocsBase(undefined), DEFAULT_DOCS_BASE);
    assert.equal(normaliseDocsBase('relative/path'), DEFAULT_DOCS_BASE);
    assert.ok(DEFAULT_DOCS_BASE.startsWith('https://') && DEFAULT_DOCS_BASE.endsWith('/'));
  });

  it('keeps edits sorted and drops overlaps', () => {
    const e = (start: number, end: number, newText = 'x') => ({ span: { start, end }, newText });
    assert.deepEqual(nonOverlapping([e(5, 8), e(0, 2), e(1, 3), e(8, 9), e(8, 8, 'y'), e(8, 8, 'y')]).map((x) => [x.span.start, x.span.end, x.newText]),
      [[0, 2, 'x'], [5, 8, 'x'], [8, 8, 'y'], [8, 9, 'x']]);
  });
});
