/**
 * The message catalogue, keyed by rule code (or code.variant) and UI keys. zh-CN is the source;
 * the English catalogue must have exactly the same keys (the type system and a test enforce it).
 * Templates use {name} placeholders.
 */
import { EN } from './en/index';
import { ZH_CN } from './zh-cn/index';

export type MessageKey = keyof typeof ZH_CN;
export type Catalogue = Record<MessageKey, string>;

export const CATALOGUES: Record<'zh-cn' | 'en', Catalogue> = { 'zh-cn': ZH_CN, en: EN };

/** Templates split once into literal parts and placeholder names (messages are built per keystroke). */
const compiled = new Map<string, string[]>();

export function format(template: string, args?: Record<string, string | number>): string {
  if (!args) return template;
  let parts = compiled.get(template);
  if (!parts) {
    // Odd indices are placeholder names: "a{x}b" → ["a", "x", "b"].
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in args ? String(args[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

export function translate(locale: 'zh-cn' | 'en', key: MessageKey, args?: Record<string, string | number>): string {
  return format(CATALOGUES[locale][key] ?? CATALOGUES['zh-cn'][key] ?? key, args);
}

/** Maps a VS Code / OS locale ("zh-CN", "zh-cn", "zh-tw", "en-US") to a catalogue. */
export function pickLocale(locale: string | undefined): 'zh-cn' | 'en' {
  if (!locale) return 'zh-cn';
  return locale.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
