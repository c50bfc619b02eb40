/**
 * The snippet catalogue (snippets/govreport.code-snippets), built from the renderer so it can
 * never drift from the format data: the whole report and every standard table, per version.
 * scripts/gen-snippets.ts writes it; test/unit/snippets.test.ts checks the file is up to date.
 */
import { CN_ORDINALS } from '../standard/sections';
import { FORMATS } from '../standard/versions';
import type { TableSpec, VersionId } from '../standard/types';
import { renderTableBlock } from './markdownTable';
import { renderSkeleton } from './skeleton';

export interface SnippetDef {
  prefix: string[];
  body: string[];
  description: string;
}

/** Newest version first: its snippets get the plain prefixes. */
export const SNIPPET_VERSIONS: readonly VersionId[] = ['2021', '2019'];
/** Version whose snippets carry no version suffix. */
export const CURRENT_VERSION: VersionId = '2021';

export const SKELETON_PREFIXES = ['年报', '年度报告', 'nb', 'ndbg'];
const T3_PREFIXES = ['表三', '依申请', 'b3', 'ysq'];
const T4_PREFIXES = ['表四', '复议诉讼', 'b4', 'fyss'];
/** Placeholder body name of the skeleton snippet (GR006 reminds the author to replace 某某). */
export const SNIPPET_BODY = '某某县人民政府';

/** Default year in the skeleton snippet: the current year for 2021+, 2020 for the 2019 format. */
function snippetYear(version: VersionId): { year: number; raw?: string } {
  return version === '2021' ? { year: FORMATS['2021'].years.from, raw: '$CURRENT_YEAR' } : { year: FORMATS[version].years.to };
}

function itemNumber(item: string): { cn: string; n: number } {
  const cn = item.replace(/[（）()]/g, '');
  return { cn, n: CN_ORDINALS.indexOf(cn as (typeof CN_ORDINALS)[number]) + 1 };
}

export function tablePrefixes(spec: TableSpec): string[] {
  if (spec.key === 'T3') return T3_PREFIXES;
  if (spec.key === 'T4') return T4_PREFIXES;
  const { cn, n } = itemNumber(spec.item ?? '');
  return [`表二${cn}`, `二十条${cn}`, `b2${n}`];
}

function versionLabel(version: VersionId): string {
  return `${version}版`;
}

function tableDescription(spec: TableSpec, version: VersionId): string {
  const rows = spec.rows.filter((r) => !r.groupLabel).length;
  const what = spec.key === 'T4' ? '三类案件各五项结果' : `${rows} 行 × ${spec.columns.length} 列`;
  return `插入${spec.title}（${what}，${versionLabel(version)}格式，${FORMATS[version].notice}），每个数字单元格为一个跳转位置。`;
}

/** The whole catalogue, keyed by snippet name, in a stable order. */
export function buildSnippets(): Record<string, SnippetDef> {
  const out: Record<string, SnippetDef> = {};
  for (const version of SNIPPET_VERSIONS) {
    const format = FORMATS[version];
    const suffix = version === CURRENT_VERSION ? '' : ` (${versionLabel(version)})`;
    const pSuffix = version === CURRENT_VERSION ? '' : version;
    const y = snippetYear(version);
    const skeleton = renderSkeleton({
      version, body: SNIPPET_BODY, year: y.year, snippetYear: y.raw, kind: 'government', eol: '\n', snippet: true,
    });
    out[`政府信息公开工作年度报告${suffix}`] = {
      prefix: SKELETON_PREFIXES.map((p) => p + pSuffix),
      body: skeleton.split('\n'),
      description: `政府信息公开工作年度报告全文模板（${versionLabel(version)}格式，${format.notice}，适用于${format.years.from}${format.years.to < 9999 ? `—${format.years.to}` : '年及以后'}${format.years.to < 9999 ? '年度' : ''}）：标题、六个部分、全部统计表。`,
    };
    for (const spec of format.tables) {
      const body = renderTableBlock(spec, new Map(), { eol: '\n', snippet: true }) + '\n$0';
      out[`${spec.title}${suffix}`] = {
        prefix: tablePrefixes(spec).map((p) => p + pSuffix),
        body: body.split('\n'),
        description: tableDescription(spec, version),
      };
    }
  }
  return out;
}

/** The file text: JSON, two-space indentation, final newline. */
export function snippetsFileText(): string {
  return JSON.stringify(buildSnippets(), null, 2) + '\n';
}
