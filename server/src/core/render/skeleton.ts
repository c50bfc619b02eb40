/**
 * A whole report skeleton in the official layout of a version: title, statistics period, the six
 * section headings (2021: section 一 with its five sub-topics), the tables of 二/三/四 in the
 * canonical Markdown layout, and placeholders where text is expected.
 */
import { FORMATS, versionForYear } from '../standard/versions';
import type { VersionId } from '../standard/types';
import { renderTableBlock } from './markdownTable';
import { escapeSnippet, TabStops } from './snippet';
import {
  cnParen, FEE_PROMPT, GOVERNMENT_PROMPT, OVERVIEW_TOPICS_2021, periodSentence, PLACEHOLDER, reportTitle, sectionHeading,
} from './wording';

export type BodyKind = 'government' | 'department';

export interface SkeletonOptions {
  /** Format version; default: the one the year requires (2021 for unknown or pre-2019 years). */
  version?: VersionId;
  /** Name of the reporting body, e.g. "某某县人民政府", "某某市生态环境局". */
  body: string;
  year: number | string;
  /** A 人民政府's own report also covers 工作考核、社会评议和责任追究 (条例第五十条). */
  kind: BodyKind;
  eol: '\n' | '\r\n';
  /** Emit a snippet: body $1, year $2 (mirrored), every figure a tab stop, $0 at the end. */
  snippet?: boolean;
  /** Figure cells: default "0" (a complete, balanced report to overwrite). */
  blank?: string;
  /** Snippet mode: raw snippet text for the year's default (e.g. "$CURRENT_YEAR"), instead of `year`. */
  snippetYear?: string;
  /** Pad table columns (default true). */
  fullWidth?: boolean;
}

export function skeletonVersion(opts: Pick<SkeletonOptions, 'version' | 'year'>): VersionId {
  if (opts.version) return opts.version;
  const y = typeof opts.year === 'number' ? opts.year : Number.parseInt(String(opts.year), 10);
  return (Number.isFinite(y) ? versionForYear(y) : null) ?? '2021';
}

export function renderSkeleton(opts: SkeletonOptions): string {
  const version = skeletonVersion(opts);
  const format = FORMATS[version];
  const snippet = opts.snippet === true;
  const lit = (s: string) => (snippet ? escapeSnippet(s) : s);
  const stops = new TabStops(snippet ? 3 : 1);
  const body = snippet ? `\${1:${escapeSnippet(opts.body)}}` : opts.body;
  const year = snippet ? `\${2:${opts.snippetYear ?? escapeSnippet(String(opts.year))}}` : String(opts.year);
  const yearMirror = snippet ? '${2}' : String(opts.year);

  // Paragraphs separated by one blank line.
  const paras: string[] = [];
  paras.push(lit(reportTitle('\u0000B', '\u0000Y')).replace('\u0000B', body).replace('\u0000Y', year));
  paras.push(lit(periodSentence('\u0000Y')).split('\u0000Y').join(yearMirror));
  for (const section of format.sections) {
    paras.push(lit(sectionHeading(section.ordinal, section.title)));
    const tables = format.tables.filter((t) => t.section === section.key);
    if (tables.length > 0) {
      for (const t of tables) {
        paras.push(renderTableBlock(t, new Map(), {
          eol: opts.eol, snippet, tabStops: stops, blank: opts.blank ?? '0', fullWidth: opts.fullWidth,
        }));
      }
      continue;
    }
    if (section.key === 'overview' && version === '2021') {
      OVERVIEW_TOPICS_2021.forEach((topic, i) => paras.push(lit(cnParen(i + 1) + topic), lit(PLACEHOLDER)));
      continue;
    }
    paras.push(lit(PLACEHOLDER));
    if (section.key === 'problems' && opts.kind === 'government') paras.push(lit(GOVERNMENT_PROMPT));
    if (section.key === 'other' && FEE_PROMPT[version]) paras.push(lit(FEE_PROMPT[version]!));
  }
  return paras.join(opts.eol + opts.eol) + opts.eol + (snippet ? '$0' : '');
}
