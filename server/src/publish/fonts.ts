/**
 * Fonts and sizes of the exported document, as government documents use them (GB/T 9704):
 * title 方正小标宋简体 二号 (22pt), 一、 headings 黑体 三号, （一） headings 楷体 三号, body 仿宋_GB2312
 * 三号 (16pt), tables 五号 (10.5pt). Word substitutes a missing East Asian font; `fallback` is
 * written as the Latin font of the same run (宋体 / 仿宋 are on every Chinese Windows).
 * Configurable through the setting govreport.export.fonts / `--fonts <json>`.
 */
export interface FontChoice { font: string; fallback: string; sizePt: number }

export interface ExportFonts {
  title: FontChoice;
  heading1: FontChoice;
  heading2: FontChoice;
  body: FontChoice;
  table: FontChoice;
}

export const DEFAULT_FONTS: ExportFonts = {
  title: { font: '方正小标宋简体', fallback: '宋体', sizePt: 22 },
  heading1: { font: '黑体', fallback: 'SimHei', sizePt: 16 },
  heading2: { font: '楷体_GB2312', fallback: '楷体', sizePt: 16 },
  body: { font: '仿宋_GB2312', fallback: '仿宋', sizePt: 16 },
  table: { font: '仿宋_GB2312', fallback: '仿宋', sizePt: 10.5 },
};

/** Merges a partial (user) setting over the defaults; ignores anything malformed. */
export function resolveFonts(partial: unknown): ExportFonts {
  const out: ExportFonts = structuredClone(DEFAULT_FONTS);
  if (!partial || typeof partial !== 'object') return out;
  for (const key of Object.keys(out) as (keyof ExportFonts)[]) {
    const v = (partial as Record<string, unknown>)[key];
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    if (typeof o.font === 'string' && o.font.trim()) out[key].font = o.font.trim();
    if (typeof o.fallback === 'string' && o.fallback.trim()) out[key].fallback = o.fallback.trim();
    if (typeof o.sizePt === 'number' && o.sizePt >= 5 && o.sizePt <= 72) out[key].sizePt = o.sizePt;
  }
  return out;
}
