/**
 * Keeps what the rule registry says in one place: the first heading of each docs/rules/GRxxx.md
 * ("# GR001 <zh-cn description>") and the `govreport.rules` settings schema in package.json (one
 * property per rule code: its levels, default and description, the description as %config.rules.GRxxx%
 * with its text in package.nls.json (en) and package.nls.zh-cn.json). test/unit/registry.test.ts
 * fails when any is stale. (docs/rules/README.md: scripts/gen-rule-index.ts.)
 *   node --import tsx scripts/gen-rule-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/core/rules/registry';

const ROOT = join(__dirname, '..');
export const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

export const rulePage = (code: string) => join(ROOT, 'docs', 'rules', `${code}.md`);
export const ruleHeading = (r: (typeof RULES)[number]) => `# ${r.code} ${r.description['zh-cn']}`;

/** The `properties` of the `govreport.rules` setting: one per registered rule, in registry order. */
export function rulesSettingProperties(): Record<string, unknown> {
  return Object.fromEntries(RULES.map((r) => [r.code, {
    type: 'string', enum: LEVELS, default: r.severity,
    description: `%config.rules.${r.code}%`,
  }]));
}

/** package.nls.json (en) or package.nls.zh-cn.json with the rule descriptions, as the text to write. */
export function nlsText(locale: 'en' | 'zh-cn'): string {
  const file = join(ROOT, locale === 'en' ? 'package.nls.json' : 'package.nls.zh-cn.json');
  const nls = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (const r of RULES) nls[`config.rules.${r.code}`] = `${r.code} ${r.description[locale]}`;
  return `${JSON.stringify(nls, null, 2)}\n`;
}
export const nlsFile = (locale: 'en' | 'zh-cn') => join(ROOT, locale === 'en' ? 'package.nls.json' : 'package.nls.zh-cn.json');

/** package.json with the generated `govreport.rules` properties, as the text to write. */
export function packageJsonText(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const rules = pkg.contributes.configuration.properties['govreport.rules'];
  // `properties` right after `patternProperties`, so the rest of the setting keeps its place.
  const { properties: _old, ...rest } = rules;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    out[k] = v;
    if (k === 'patternProperties') out.properties = rulesSettingProperties();
  }
  if (!('properties' in out)) out.properties = rulesSettingProperties();
  pkg.contributes.configuration.properties['govreport.rules'] = out;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

if (require.main === module) {
  for (const r of RULES) {
    const lines = readFileSync(rulePage(r.code), 'utf8').split('\n');
    lines[0] = ruleHeading(r);
    writeFileSync(rulePage(r.code), lines.join('\n'));
  }
  writeFileSync(join(ROOT, 'package.json'), packageJsonText());
  for (const locale of ['en', 'zh-cn'] as const) writeFileSync(nlsFile(locale), nlsText(locale));
}
