/** What the editor is sent: related information compacted, diagnostics ordered and capped, fixes deduplicated. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { analyze } from '../../server/src/core/analyze';
import { compactRelated, MAX_RELATED } from '../../server/src/core/features/related';
import { SourceText } from '../../server/src/core/text/source';
import { dedupeCodeActions, fixToCodeAction, toDiagnostic, toSeverity } from '../../server/src/lsp/convert';
import { orderForPublish, publishedInOrder } from '../../server/src/lsp/publish';
import { sample } from './helpers';

describe('related information', () => {
  const text = '0 5 \u3000 0 7 1 2 3 4 9';
  const at = (i: number) => ({ start: i, end: i + 1 });
  it('drops zero and blank terms of a sum and caps the list with one summary line', () => {
    const terms = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18].map((i) => ({ span: at(i), message: `t${i}` }));
    const out = compactRelated(terms, text, { start: 0, end: 1 }, 'zh-cn');
    // 0, blank (U+3000), 0 dropped: 7 left → 5 listed + "另有 2 项未列出".
    assert.equal(out.length, MAX_RELATED);
    assert.deepEqual(out.slice(0, 5).map((r) => text.slice(r.span.start, r.span.end)), ['5', '7', '1', '2', '3']);
    assert.equal(out[5]!.message, '另有 2 项未列出');
    assert.equal(compactRelated(terms, text, at(0), 'en')[5]!.message, '2 more not listed');
  });
  it('keeps a zero that a one- or two-entry list points at (text vs table)', () => {
    assert.equal(compactRelated([{ span: at(0), message: 'x' }], text, at(2), 'zh-cn').length, 1);
  });
  it('on a real sample no diagnostic carries more than the cap, and none points at a 0', () => {
    const a = analyze(sample('001'));
    const src = a.model.source;
    for (const f of a.findings) {
      const d = toDiagnostic(f, src, 'file:///a', 'x/');
      const rel = d.relatedInformation ?? [];
      assert.ok(rel.length <= MAX_RELATED);
      if ((f.related?.length ?? 0) > 2) {
        for (const r of rel) assert.doesNotMatch(src.text.slice(src.offsetAt(r.location.range.start), src.offsetAt(r.location.range.end)), /^\s*0?\s*$/);
      }
    }
  });
});

describe('published diagnostics', () => {
  const d = (severity: DiagnosticSeverity, line: number): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity, message: `${severity}@${line}` });
  it('errors first, then warnings, information, hints; document order within a severity', () => {
    const list = [d(4, 1), d(2, 2), d(1, 3), d(3, 4), d(1, 5), d(4, 6)];
    assert.deepEqual(orderForPublish(list, 'zh-cn').map((x) => x.message), ['1@3', '1@5', '2@2', '3@4', '4@1', '4@6']);
  });
  it('above the client limit hints go first, errors and warnings stay, and one note says the totals', () => {
    const list = [...Array.from({ length: 8 }, (_, i) => d(4, i)), d(2, 20), d(1, 30), d(1, 31)];
    const out = orderForPublish(list, 'zh-cn', 5);
    assert.equal(out.length, 5);
    assert.deepEqual(out.slice(0, 3).map((x) => x.severity), [1, 1, 2]);
    assert.equal(out[4]!.severity, DiagnosticSeverity.Information);
    assert.match(String(out[4]!.message), /^另有 7 条检查结果未显示（编辑器每个文件最多显示 5 条，先列错误）。本文件共 2 个错误、1 个警告、8 条信息和提示/);
    assert.match(String(orderForPublish(list, 'en', 5)[4]!.message), /^7 further findings are not shown .*This file has 2 errors, 1 warnings and 8 information\/hints/);
    // Where VS Code would have put its own marker: at the last diagnostic it keeps (the first hint, line 1 here).
    assert.deepEqual(out[4]!.range, d(4, 1).range);
  });
  it('findings converted only when sent give what converting all of them and ordering gives', () => {
    const a = analyze(sample('001'));
    const src = a.model.source;
    const conv = (f: (typeof a.findings)[number]) => toDiagnostic(f, src, 'file:///a', 'x/');
    assert.ok(a.findings.length > 6);
    for (const limit of [3, 6, a.findings.length, a.findings.length + 1]) {
      let converted = 0;
      const out = publishedInOrder(a.findings, (f) => toSeverity(f.severity), (f) => { converted++; return conv(f); }, (f) => src.rangeOf(f.span), 'en', limit, 'govreport');
      assert.deepStrictEqual(out, orderForPublish(a.findings.map(conv), 'en', limit, 'govreport'));
      assert.equal(converted, Math.min(a.findings.length, limit - (a.findings.length > limit ? 1 : 0)));
    }
  });
});

describe('code actions', () => {
  it('the same fix offered twice is listed once', () => {
    const src = new SourceText('a 1 b');
    const fix = { title: '将（七）总计·总计改为 1', edits: [{ span: { start: 2, end: 3 }, newText: '1' }], safe: true };
    const a = fixToCodeAction(fix, null, src, 'file:///a', 1, true);
    const b = fixToCodeAction({ ...fix }, null, src, 'file:///a', 1, true);
    const c = fixToCodeAction({ ...fix, edits: [{ span: { start: 0, end: 1 }, newText: '1' }] }, null, src, 'file:///a', 1, true);
    assert.equal(dedupeCodeActions([a, b, c]).length, 2);
  });
});
