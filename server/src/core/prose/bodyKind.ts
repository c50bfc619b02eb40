/**
 * The reporting body: its name as shown and as a comparison key, and the ONE classifier of its
 * kind (a 部门 or a 人民政府's own report), which sets the publication deadline (GR202) and
 * whether GR023 applies.
 */
import type { ReportModel } from '../model/types';
import { labelKey } from '../text/normalize';
import type { RuleOptions } from '../types';

export type BodyKind = 'department' | 'government';
export interface BodyKindInference { kind: BodyKind | null; from: 'frontMatter' | 'option' | 'title' | null }

/** Key for comparing body names across reports: half width, no spaces or punctuation. */
export function bodyKey(body: string | null | undefined): string | null {
  const b = cleanBody(body);
  if (!b) return null;
  const k = labelKey(b).replace(/[,.:;"()《》<>·•\-—_]/g, '');
  return k || null;
}

/** The body name as shown: without Markdown heading marks or emphasis ("# 某县" → "某县"). */
export function cleanBody(body: string | null | undefined): string | null {
  if (!body) return null;
  // Also a web page's field label before the title ("标题: 平潭…").
  const b = body.replace(/^\s*(?:#{1,6}\s*|\*\*|__)/, '').replace(/(?:\*\*|__)\s*$/, '').replace(/^\s*(?:标\s*题|题\s*目|文件标题)\s*[:：]\s*/, '').trim();
  return b || null;
}

const FRONT_MATTER_RE = /^\s*(?:报告类型|机关类型|主体类型|报告主体|机关性质)\s*[:：]\s*(部门|人民政府|政府|本级政府)/;

/**
 * 部门 or 人民政府: a front-matter line ("报告类型：部门") wins, then `options.bodyKind`, then the
 * title: "…人民政府" (also 乡/镇) and a bare place name ("紫阳县") are a government's own report;
 * "…人民政府办公室", "…局", "…委员会", "…中心" are departments. Null when nothing tells.
 */
export function inferBodyKind(model: ReportModel, options: RuleOptions = {}): BodyKindInference {
  const src = model.source;
  let nonBlank = 0;
  for (let i = 0; i < src.lineCount && nonBlank < 20; i++) {
    const t = src.lineText(i);
    if (!t.trim()) continue;
    nonBlank++;
    const m = FRONT_MATTER_RE.exec(t);
    if (m) return { kind: m[1] === '部门' ? 'department' : 'government', from: 'frontMatter' };
  }
  if (options.bodyKind) return { kind: options.bodyKind, from: 'option' };
  const kind = bodyKindOfName(model.title?.body ?? null);
  return { kind, from: kind ? 'title' : null };
}

export function bodyKindOfName(body: string | null): BodyKind | null {
  const b = bodyKey(body);
  if (!b) return null;
  if (/人民政府办公(?:室|厅)$/.test(b)) return 'department';
  if (/人民政府$/.test(b)) return 'government';
  if (/(?:办公室|办公厅|局|委员会|委|厅|中心|署|院|所|站|处|办|会|馆|队|社|部|公司|集团|银行|学校|大学)$/.test(b)) return 'department';
  if (/(?:省|市|县|区|州|旗|盟|乡|镇|街道)$/.test(b)) return 'government';
  return null;
}
