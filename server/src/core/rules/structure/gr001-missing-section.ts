import type { Rule } from '../types';
import { headingStyle, lineStartOf, standardHeading } from './conventions';
import { orphanedContentStart } from './missingSectionPlacement';
import { sectionTablesFor } from './templates';

/** GR001: a required section is missing. The fix inserts its heading where it belongs. */
export const gr001: Rule = {
  code: 'GR001', name: 'missing-section', severity: 'error', category: 'structure', fixable: true,
  description: { 'zh-cn': '缺少规定的部分（一至六）', en: 'A required section (一…六) is missing' },
  check(ctx) {
    const { model, format } = ctx;
    // A document with neither a title nor a section is not (yet) a report: nothing to miss.
    if (model.legacyStructure || (model.sections.length === 0 && !model.title)) return;
    const present = new Set(model.sections.map((s) => s.key));
    const style = headingStyle(model);
    const eol = model.source.eol;
    for (const spec of format.sections) {
      if (present.has(spec.key)) continue;
      // Where it belongs: directly before an orphaned table of this section (sample 003), else
      // before the next section present in the standard order, else at the end.
      const orphan = model.tables.find((t) => t.key !== null && spec.tables.includes(t.key));
      const next = model.sections.find((s) => s.key !== null && (format.sections.find((x) => x.key === s.key)?.ordinal ?? 0) > spec.ordinal);
      // Else where the orphaned content starts: after the previous section's own content (missingSectionPlacement.ts).
      const anchor = orphan && (!next || orphan.span.start < next.span.start)
        ? orphan.span.start
        : (!orphan ? orphanedContentStart(model, format.sections, spec, next?.heading.span.start) : null) ?? next?.heading.span.start;
      const heading = standardHeading(spec, style);
      // The diagnostic covers the anchor line's text (indentation excluded).
      const anchorLine = anchor !== undefined ? model.source.line(model.source.lineIndexAt(anchor)) : null;
      const lineStart = anchorLine ? Math.max(anchor!, anchorLine.start + (anchorLine.text.length - anchorLine.text.trimStart().length)) : 0;
      // A blank anchor line (or an anchor past its text) gives an empty range there, never end < start.
      const span = anchorLine
        ? { start: lineStart, end: Math.max(lineStart, anchorLine.start + anchorLine.text.trimEnd().length) }
        : { start: model.source.text.length, end: model.source.text.length };
      const insertAt = anchor !== undefined ? lineStartOf(model, anchor) : model.source.text.length;
      const atEnd = anchor === undefined;
      const needsLeadingEol = atEnd && insertAt > 0 && !/[\r\n]$/.test(model.source.text);
      const newText = `${needsLeadingEol ? eol : ''}${style.prefix}${heading}${atEnd ? '' : eol}`;
      const at = { start: insertAt, end: insertAt };
      // For 二/三/四 with no table of theirs anywhere, the heading with its table template is the
      // preferred fix (the heading alone would leave a GR010).
      const withTable = spec.tables.length > 0 && !orphan;
      const fixes = [{ title: ctx.t('GR001.fix', { heading }), edits: [{ span: at, newText }], safe: false, preferred: !withTable }];
      if (withTable) {
        const tables = sectionTablesFor(model, format.version, spec.key);
        const body = `${style.prefix}${heading}${eol}${eol}${tables}${eol}`;
        fixes.push({
          title: ctx.t('GR001.fixWithTable', { heading, version: format.version }),
          edits: [{ span: at, newText: atEnd ? `${needsLeadingEol ? eol : ''}${eol}${body}` : `${body}${eol}` }],
          safe: false, preferred: true,
        });
      }
      ctx.report({ span, args: { ordinal: heading.slice(0, 1), heading }, fixes });
    }
  },
};
