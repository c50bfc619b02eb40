import { tableSpec } from '../../standard/versions';
import type { Rule } from '../types';
import { standardHeading } from './conventions';
import { sectionTablesFor } from './templates';

/** GR010: section 二/三/四 holds no table at all (text only, or a bare heading). */
export const gr010: Rule = {
  code: 'GR010', name: 'missing-table', severity: 'error', category: 'structure', fixable: true,
  description: { 'zh-cn': '第二、三、四部分缺少统计表', en: 'Section 二/三/四 has no table' },
  check(ctx) {
    const { model, format } = ctx;
    if (model.legacyStructure) return;
    /** Templates per section key: the same for every repeat of a section (a pasted document may hold thousands). */
    const templates = new Map<string, string>();
    for (const s of model.sections) {
      const spec = format.sections.find((x) => x.key === s.key);
      if (!spec || spec.tables.length === 0 || s.tables.length > 0) continue;
      const names = spec.tables.map((k) => tableSpec(format.version, k)?.title ?? k);
      // Insert the blank templates on the line after the heading, set off by blank lines.
      const src = model.source;
      const line = src.line(src.lineIndexAt(s.heading.span.start));
      const eol = src.eol;
      let tables = templates.get(spec.key);
      if (tables === undefined) { tables = sectionTablesFor(model, format.version, spec.key); templates.set(spec.key, tables); }
      const atEnd = line.next === line.end;
      const newText = atEnd ? `${eol}${eol}${tables}${eol}` : `${eol}${tables}${eol}${eol}`;
      const at = atEnd ? line.end : line.next;
      ctx.report({
        span: s.heading.span,
        args: { heading: standardHeading(spec), tables: names.join('、') },
        fixes: [{ title: ctx.t('GR010.fix', { version: format.version }), edits: [{ span: { start: at, end: at }, newText }], safe: false, preferred: true }],
      });
    }
  },
};
