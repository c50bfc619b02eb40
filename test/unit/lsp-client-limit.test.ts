/**
 * The diagnostics sent to a client that declares how many per file it keeps (VS Code: 1000), against
 * a straightforward copy of what VS Code's extension host does with a longer list
 * (vs/workbench/api/common/extHostDiagnostics.ts): the server must send what VS Code would keep, one
 * fewer, and its note where VS Code's marker would go; and without a declared limit, everything.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { analyze } from '../../server/src/core/analyze';
import { toDiagnostic, toSeverity } from '../../server/src/lsp/convert';
import { orderForPublish, publishedInOrder, readLimit, selectForClient } from '../../server/src/lsp/publish';
import { sample } from './helpers';
import { rng } from '../../scripts/fuzz-lib';

/** extHostDiagnostics: above the limit, in array order all errors, then warnings, information, hints, until `limit`. */
function vscodeKeeps<T>(items: readonly T[], severityOf: (x: T) => number, limit: number): T[] {
  if (items.length <= limit) return items.slice();
  const kept: T[] = [];
  for (const severity of [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]) {
    for (const x of items) {
      if (severityOf(x) !== severity) continue;
      kept.push(x);
      if (kept.length === limit) return kept;
    }
  }
  return kept;
}

interface Item { id: number; severity: DiagnosticSeverity }

describe('diagnostics for a client with a limit per file', () => {
  it('sends what VS Code keeps, one fewer, and places the note where VS Code puts its marker (random lists)', () => {
    const random = rng(13);
    for (let round = 0; round < 2000; round++) {
      const limit = 2 + Math.floor(random() * 12);
      const n = Math.floor(random() * 3 * limit);
      // Skewed severity mixes: sometimes no errors at all, sometimes only hints.
      const weights = [random(), random(), random(), random()].map((w) => (random() < 0.25 ? 0 : w));
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const items: Item[] = Array.from({ length: n }, (_, id) => {
        let r = random() * total;
        let s = 0;
        while (s < 3 && r >= weights[s]!) r -= weights[s++]!;
        return { id, severity: (s + 1) as DiagnosticSeverity };
      });
      const sel = selectForClient(items, (x) => x.severity, limit);
      const kept = vscodeKeeps(items, (x) => x.severity, limit);
      if (n <= limit) {
        // Nothing dropped: the same items, ordered by severity, document order within one.
        assert.equal(sel.noteAt, undefined);
        assert.equal(sel.hidden, 0);
        assert.deepEqual(sel.sent.map((x) => x.id).sort((a, b) => a - b), items.map((x) => x.id));
        assert.deepEqual(sel.sent, items.slice().sort((a, b) => a.severity - b.severity || a.id - b.id));
      } else {
        assert.deepEqual(sel.sent, kept.slice(0, limit - 1), `round ${round}`);
        assert.equal(sel.noteAt, kept[limit - 1]);
        assert.equal(sel.hidden, n - (limit - 1));
        // The client gets exactly `limit` diagnostics with the note: it drops nothing and adds no marker.
        const out = publishedInOrder(items, (x) => x.severity, (x) => ({ range: at(x.id), severity: x.severity, message: String(x.id) }), (x) => at(x.id), 'zh-cn', limit, undefined);
        assert.equal(out.length, limit);
        assert.deepEqual(out.slice(0, -1).map((d) => Number(d.message)), sel.sent.map((x) => x.id));
        assert.deepEqual(out.at(-1)!.range, at(kept[limit - 1]!.id));
        assert.equal(out.at(-1)!.severity, DiagnosticSeverity.Information);
      }
      // Without a declared limit every item is sent.
      assert.equal(selectForClient(items, (x) => x.severity).sent.length, n);
    }
  });

  it('reads only a whole number ≥ 2 as a limit', () => {
    assert.equal(readLimit(1000), 1000);
    for (const v of [undefined, null, 0, 1, -5, 2.5, '1000', NaN, Infinity, {}]) assert.equal(readLimit(v), undefined);
  });

  it('on a real report: the note counts what is not shown and the totals, in both locales', () => {
    const a = analyze(sample('001'));
    const src = a.model.source;
    const all = a.findings.map((f) => toDiagnostic(f, src, 'file:///a', 'x/'));
    const limit = Math.max(2, all.length - 3);
    assert.ok(all.length > limit);
    const errors = all.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const warnings = all.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
    const zh = orderForPublish(all, 'zh-cn', limit);
    const en = orderForPublish(all, 'en', limit);
    const hidden = all.length - (limit - 1);
    assert.equal(zh.at(-1)!.message, `另有 ${hidden} 条检查结果未显示（编辑器每个文件最多显示 ${limit} 条，先列错误）。本文件共 ${errors} 个错误、${warnings} 个警告、${all.length - errors - warnings} 条信息和提示；命令行 govreport check 列出全部`);
    assert.match(String(en.at(-1)!.message), new RegExp(`^${hidden} further findings are not shown \\(the editor shows at most ${limit} per file, errors first\\)\\. This file has ${errors} errors, ${warnings} warnings`));
    // Without a limit: all of them, and the same diagnostics ahead of the note.
    const unlimited = publishedInOrder(a.findings, (f) => toSeverity(f.severity), (f) => toDiagnostic(f, src, 'file:///a', 'x/'), (f) => src.rangeOf(f.span), 'zh-cn', undefined, 'govreport');
    assert.equal(unlimited.length, all.length);
    assert.deepEqual(zh.slice(0, -1), unlimited.slice(0, limit - 1));
  });

  it('a client that completes diagnostics gets them without source and rule link, otherwise the same', () => {
    const a = analyze(sample('001'));
    const src = a.model.source;
    for (const f of a.findings) {
      const full = toDiagnostic(f, src, 'file:///a', 'x/', undefined, 'zh-cn');
      const lean: Diagnostic = toDiagnostic(f, src, 'file:///a', 'x/', undefined, 'zh-cn', true);
      assert.equal(lean.source, undefined);
      assert.equal(lean.codeDescription, undefined);
      assert.deepEqual({ ...lean, source: 'govreport', codeDescription: { href: `x/${String(lean.code)}.md` } }, full);
    }
  });
});

function at(line: number) {
  return { start: { line, character: 0 }, end: { line, character: 1 } };
}
