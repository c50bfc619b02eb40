/**
 * The extension's settings as the server sees them (section "govreport"), pulled per document with
 * workspace/configuration and turned into core AnalyzeOptions. Anything malformed falls back to the
 * default rather than failing: settings are user input.
 */
import type { AnalyzeOptions, RuleOptions, Severity } from '../core/index';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  rules: Record<string, SeveritySetting>;
  inlayHints: { enabled: boolean };
  hover: { enabled: boolean };
  deadlines: { department?: [number, number]; government?: [number, number] };
  bodyKind: 'auto' | 'department' | 'government';
  /** onSave: edits do not re-check, saves do (opening always does). */
  run: 'onType' | 'onSave';
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  inlayHints: { enabled: true },
  hover: { enabled: true },
  deadlines: {},
  bodyKind: 'auto',
  run: 'onType',
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { info: 'information', warn: 'warning', none: 'off', ignore: 'off' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "1-31", "01-31", "1月31日", [1, 31] or {month, day} → [month, day]; anything else → undefined. */
export function parseMonthDay(v: unknown): [number, number] | undefined {
  let m: number | undefined;
  let d: number | undefined;
  if (Array.isArray(v) && v.length === 2) [m, d] = v.map(Number) as [number, number];
  else if (isObject(v)) { m = Number(v.month); d = Number(v.day); }
  else if (typeof v === 'string') {
    const r = /^\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\s*$/.exec(v);
    if (r) { m = Number(r[1]); d = Number(r[2]); }
  }
  if (m === undefined || d === undefined || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  const daysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (m < 1 || m > 12 || d < 1 || d > daysIn[m - 1]!) return undefined;
  return [m, d];
}

/** Reads the raw "govreport" configuration object (as returned by workspace/configuration). */
export function readSettings(raw: unknown): Settings {
  if (!isObject(raw)) return { ...DEFAULT_SETTINGS };
  const rules: Record<string, SeveritySetting> = {};
  if (isObject(raw.rules)) {
    for (const [code, value] of Object.entries(raw.rules)) {
      if (typeof value !== 'string') continue;
      const v = value.trim().toLowerCase();
      const sev = SEVERITIES.has(v) ? (v as SeveritySetting) : SEVERITY_ALIASES[v];
      if (sev) rules[code.trim().toUpperCase()] = sev;
    }
  }
  const bool = (o: unknown, def: boolean) => (isObject(o) && typeof o.enabled === 'boolean' ? o.enabled : def);
  const deadlines: Settings['deadlines'] = {};
  if (isObject(raw.deadlines)) {
    const dep = parseMonthDay(raw.deadlines.department);
    const gov = parseMonthDay(raw.deadlines.government);
    if (dep) deadlines.department = dep;
    if (gov) deadlines.government = gov;
  }
  const bodyKind = raw.bodyKind === 'department' || raw.bodyKind === 'government' ? raw.bodyKind : 'auto';
  return {
    rules,
    inlayHints: { enabled: bool(raw.inlayHints, true) },
    hover: { enabled: bool(raw.hover, true) },
    deadlines,
    bodyKind,
    run: raw.run === 'onSave' ? 'onSave' : 'onType',
  };
}

export function analyzeOptionsOf(settings: Settings, locale: AnalyzeOptions['locale']): AnalyzeOptions {
  const ruleOptions: RuleOptions = {};
  if (settings.deadlines.department || settings.deadlines.government) ruleOptions.deadlines = { ...settings.deadlines };
  if (settings.bodyKind !== 'auto') ruleOptions.bodyKind = settings.bodyKind;
  return { locale, severities: { ...settings.rules }, ruleOptions };
}
