/**
 * Where GR001 inserts a missing section's heading when no table of the section is left to anchor
 * it: a deleted "五、…" heading leaves 五's text under 四, after 四's own content. The content signals
 * of the previous section (its expected tables: the 第二十条 captions of 二, T3 of 三, T4 of 四) end
 * where that section's own content ends; the first non-blank line after the last signal, before
 * the next heading, is where the orphaned content starts. Null when nothing tells.
 */
import type { ReportModel, Section } from '../../model/types';
import type { SectionSpec } from '../../standard/types';

export function orphanedContentStart(model: ReportModel, sections: readonly SectionSpec[], missing: SectionSpec, nextStart: number | undefined): number | null {
  const ordinal = (s: Section) => sections.find((x) => x.key === s.key)?.ordinal ?? 0;
  let prev: Section | undefined;
  for (const s of model.sections) if (s.key !== null && ordinal(s) < missing.ordinal) prev = s;
  if (!prev) return null;
  const prevSpec = sections.find((x) => x.key === prev!.key);
  const signals = prev.tables.filter((t) => t.key !== null && prevSpec?.tables.includes(t.key));
  if (!signals.length) return null;
  const lastEnd = Math.max(...signals.map((t) => t.span.end));
  const src = model.source;
  const limit = nextStart ?? src.text.length;
  for (let i = src.lineIndexAt(lastEnd); i < src.lineCount; i++) {
    const line = src.line(i);
    if (line.start >= limit) break;
    if (line.end <= lastEnd || !line.text.trim()) continue;
    if (line.start < lastEnd) continue; // the rest of the table's last line
    // Page furniture ("-5-") is not content.
    if (/^[\s\u3000]*[-－—–]?\s*\d+\s*[-－—–]?[\s\u3000]*$/.test(line.text)) continue;
    return line.start + (line.text.length - line.text.trimStart().length);
  }
  return null;
}
