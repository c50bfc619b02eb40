/**
 * Writing new headings the way the document already writes them: its indentation, Markdown
 * heading marks and numbering punctuation, taken from an existing section heading.
 */
import type { ReportModel, Section } from '../../model/types';
import { CN_ORDINALS } from '../../standard/sections';
import type { SectionSpec } from '../../standard/types';

export interface HeadingStyle { prefix: string; separator: string }

export function headingStyle(model: ReportModel): HeadingStyle {
  const sample = model.sections.find((s) => s.key !== null) ?? model.sections[0];
  if (!sample) return { prefix: '', separator: '、' };
  const src = model.source;
  const line = src.line(src.lineIndexAt(sample.heading.span.start));
  const prefix = src.text.slice(line.start, sample.heading.markerSpan.start);
  const marker = src.slice(sample.heading.markerSpan);
  const separator = /[.．]\s*$/.test(marker) ? marker.trim().slice(-1) : '、';
  return { prefix, separator };
}

export function standardHeading(spec: SectionSpec, style: HeadingStyle = { prefix: '', separator: '、' }): string {
  return `${CN_ORDINALS[spec.ordinal - 1]}${style.separator}${spec.title}`;
}

/** Start offset of the line holding `offset`. */
export function lineStartOf(model: ReportModel, offset: number): number {
  return model.source.lineStart(model.source.lineIndexAt(offset));
}

/** 1-based line number of a section heading, for messages. */
export function lineNumber(model: ReportModel, section: Section): number {
  return model.source.lineIndexAt(section.heading.span.start) + 1;
}
