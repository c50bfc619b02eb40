import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { findDirectives, directiveText } from '../../server/src/core/suppress/directives';
import { suppressionFixes } from '../../server/src/core/suppress/fixes';
import { applyEdits } from '../../server/src/core/text/edits';
import { SourceText } from '../../server/src/core/text/source';
import { at, sample } from './helpers';

/** Inserts `line` before the first line that contains `marker`. */
function insertBefore(text: string, marker: string, line: string): string {
  const i = text.indexOf(marker);
  assert.ok(i >= 0, marker);
  const ls = text.lastIndexOf('\n', i) + 1;
  return text.slice(0, ls) + line + '\n' + text.slice(ls);
}

const s003 = sample('003');
const base = analyze(s003);

describe('suppression directives', () => {
  it('parses every form, several codes with spaces or commas, none = all', () => {
    const src = new SourceText([
      '<!-- govreport-disable GR107, gr101 -->',
      'text <!-- govreport-disable-line GR006 --> more',
      '【govreport-disable-next-line GR101 GR102】',
      '  [govreport-disable-file]  ',
      '<!--govreport-enable-->',
      '【govreport-disabled GR1】',
    ].join('\r\n'));
    const ds = findDirectives(src);
    assert.deepEqual(ds.map((d) => [d.kind, d.codes, d.line, d.ownLine]), [
      ['disable', ['GR107', 'GR101'], 0, true],
      ['disable-line', ['GR006'], 1, false],
      ['disable-next-line', ['GR101', 'GR102'], 2, true],
      ['disable-file', [], 3, true],
      ['enable', [], 4, true],
    ]);
    assert.equal(src.slice(ds[1]!.span), '<!-- govreport-disable-line GR006 -->');
    assert.equal(directiveText('markdown', 'disable-file', ['GR006']), '<!-- govreport-disable-file GR006 -->');
    assert.equal(directiveText('plain', 'disable-next-line', ['GR101']), '【govreport-disable-next-line GR101】');
  });

  it('the sample has findings to suppress', () => {
    assert.ok(base.findings.length > 3);
    assert.ok(base.findings.some((f) => f.code !== 'GR006'));
  });

  it('disable-file removes one code everywhere, the others stay; the parser is not confused', () => {
    const code = base.findings[0]!.code;
    for (const form of ['markdown', 'plain'] as const) {
      const a = analyze(directiveText(form, 'disable-file', [code]) + '\n' + s003);
      assert.ok(!a.findings.some((f) => f.code === code), form);
      assert.equal(a.findings.filter((f) => f.code !== 'GR009').length, base.findings.filter((f) => f.code !== code).length);
      assert.deepEqual(a.model.sections.map((s) => s.key), base.model.sections.map((s) => s.key));
      assert.equal(a.model.year, base.model.year);
      assert.equal(a.model.title?.body, base.model.title?.body);
    }
  });

  it('disable-next-line hides the finding on the next line only, both forms', () => {
    const first = base.findings.find((f) => f.code !== 'GR009')!;
    const lineText = base.model.source.lineText(base.model.source.lineIndexAt(first.span.start));
    for (const form of ['markdown', 'plain'] as const) {
      const t = insertBefore(s003, lineText, directiveText(form, 'disable-next-line', [first.code]));
      const a = analyze(t);
      const same = base.findings.filter((f) => f.code === first.code).length;
      assert.equal(a.findings.filter((f) => f.code === first.code).length, same - base.findings.filter((f) =>
        f.code === first.code && base.model.source.lineIndexAt(f.span.start) === base.model.source.lineIndexAt(first.span.start)).length, form);
      assert.ok(!a.findings.some((f) => f.code === 'GR009'), form);
      assert.deepEqual(a.model.sections.map((s) => s.key), base.model.sections.map((s) => s.key));
    }
  });

  it('disable … enable covers a range; no code = all rules', () => {
    const t = '<!-- govreport-disable -->\n' + s003 + '\n<!-- govreport-enable -->\n';
    const a = analyze(t);
    assert.deepEqual(a.findings.map((f) => f.code), []);
    const t2 = '<!-- govreport-disable -->\n<!-- govreport-enable -->\n' + s003;
    const a2 = analyze(t2);
    // Nothing between them: everything is reported, and the disable is unused.
    assert.equal(a2.findings.filter((f) => f.code !== 'GR009').length, base.findings.length);
    assert.equal(at(a2, 'GR009').length, 1);
  });

  it('unused and unknown codes are GR009 hints with a remove fix', () => {
    const t = '<!-- govreport-disable-file GR999 GR301 -->\r\n' + s003;
    const a = analyze(t);
    const hints = at(a, 'GR009');
    assert.equal(hints.length, 2);
    assert.ok(hints.every((h) => h.finding.severity === 'hint' && h.finding.tags?.includes('unnecessary')));
    assert.match(hints[0]!.message, /GR999/);
    assert.match(hints[0]!.message, /不存在/);
    assert.match(hints[1]!.message, /GR301/);
    const edit = hints[0]!.finding.fixes![0]!.edits[0]!;
    assert.deepEqual(edit.span, { start: 0, end: t.indexOf('\n') + 1 });
    assert.equal(analyze(t, { severities: { GR009: 'off' } }).findings.length, base.findings.length);
    assert.equal(analyze(t, { suppressions: false }).findings.length, base.findings.length);
  });
});

describe('a directive line between table lines', () => {
  it('does not change how a one-cell-per-line table reads (sample 003): only the suppressed finding goes', () => {
    const text = sample('003');
    const a = analyze(text);
    const byPlace = [...a.findings].sort((x, y) => x.span.start - y.span.start);
    // The first finding of the document, and the first error (the quick fix copies the line's
    // indentation, here " \t", so the directive line itself holds a tab).
    for (const target of [byPlace[0]!, byPlace.find((f) => f.severity === 'error')!]) {
      const line = a.model.source.positionAt(target.span.start).line;
      const fix = suppressionFixes(target, a.model.source, 'plain', 'zh-cn')[0]!;
      const b = analyze(applyEdits(text, fix.edits));
      const keys = (x: typeof a, shift: boolean) => x.findings.map((f) => {
        const l = x.model.source.positionAt(f.span.start).line;
        return `${f.code}@${shift && l > line ? l - 1 : l}`;
      }).sort();
      const before = keys(a, false);
      const after = keys(b, true);
      assert.deepEqual(before.filter((k) => !after.includes(k)), [`${target.code}@${line}`], fix.title);
      assert.deepEqual(after.filter((k) => !before.includes(k)), [], fix.title);
    }
  });
});
