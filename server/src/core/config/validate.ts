/**
 * Validates the text of a `.govreport.jsonc` against the rule registry. Pure (jsonc-parser is
 * plain JavaScript): text in, config and errors with spans in the config text out. Invalid
 * entries are dropped, the rest is kept, so a typo in one rule does not turn the file off.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { translate, type MessageKey } from '../messages/index';
import { RULES_BY_CODE } from '../rules/registry';
import type { Locale, Severity } from '../types';
import { CONFIG_KEYS, SEVERITY_WORDS, type ConfigError, type GovReportConfig } from './types';

const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "05-15" → [5, 15]; strict MM-DD (M-D accepted), real calendar day. */
export function parseMonthDay(v: string): [number, number] | undefined {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(v.trim());
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN[month - 1]!) return undefined;
  return [month, day];
}

export function parseConfig(text: string, locale: Locale = 'zh-cn'): { config: GovReportConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const err = (node: { offset: number; length: number }, key: MessageKey, args?: Record<string, string | number>) =>
    errors.push({ message: translate(locale, key, args), span: { start: node.offset, end: node.offset + node.length } });
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) err(e, 'config.syntax', { error: printParseErrorCode(e.error) });
  const config: GovReportConfig = {};
  if (!root) return { config, errors };
  if (root.type !== 'object') { err(root, 'config.notObject'); return { config, errors }; }
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    const str = value.type === 'string' ? String(value.value) : undefined;
    switch (key) {
      case '$schema': break;
      case 'rules': config.rules = readRules(value, err); break;
      case 'deadlines': {
        if (value.type !== 'object') { err(value, 'config.badType', { key, type: '{…}' }); break; }
        const d: NonNullable<GovReportConfig['deadlines']> = {};
        for (const p of value.children ?? []) {
          const [k, v] = p.children ?? [];
          if (!k || !v) continue;
          const name = String(k.value);
          if (name !== 'department' && name !== 'government') { err(k, 'config.unknownKey', { key: name, keys: 'department, government' }); continue; }
          const md = v.type === 'string' ? parseMonthDay(String(v.value)) : undefined;
          if (!md) { err(v, 'config.badDate', { value: String(v.value ?? '') }); continue; }
          d[name] = md;
        }
        config.deadlines = d;
        break;
      }
      case 'bodyKind':
        if (str === 'auto' || str === 'department' || str === 'government') config.bodyKind = str;
        else err(value, 'config.badBodyKind');
        break;
      case 'year':
        if (value.type === 'number' && Number.isInteger(value.value) && value.value >= 2008 && value.value <= 2100) config.year = value.value;
        else err(value, 'config.badYear');
        break;
      case 'version':
        if (str === '2019' || str === '2021') config.version = str;
        else if (value.type === 'number' && (value.value === 2019 || value.value === 2021)) config.version = String(value.value) as '2019' | '2021';
        else err(value, 'config.badVersion');
        break;
      case 'ignore':
        if (value.type === 'array' && (value.children ?? []).every((c) => c.type === 'string')) config.ignore = (value.children ?? []).map((c) => String(c.value));
        else err(value, 'config.badIgnore');
        break;
      default: err(keyNode, 'config.unknownKey', { key, keys: CONFIG_KEYS.filter((k) => k !== '$schema').join(', ') });
    }
  }
  return { config, errors };
}

function readRules(value: Node, err: (n: Node, key: MessageKey, args?: Record<string, string | number>) => void) {
  const rules: Record<string, Severity | 'off'> = {};
  if (value.type !== 'object') { err(value, 'config.badType', { key: 'rules', type: '{ "GR101": "warning" }' }); return rules; }
  for (const p of value.children ?? []) {
    const [k, v] = p.children ?? [];
    if (!k || !v) continue;
    const code = String(k.value).trim().toUpperCase();
    if (!RULES_BY_CODE.has(code)) { err(k, 'config.unknownRule', { code: String(k.value) }); continue; }
    const sev = v.type === 'string' ? String(v.value).trim().toLowerCase() : '';
    if (!(SEVERITY_WORDS as readonly string[]).includes(sev)) { err(v, 'config.badSeverity', { value: String(v.value ?? '') }); continue; }
    rules[code] = sev as Severity | 'off';
  }
  return rules;
}
