/**
 * Keeps what the rule registry says in one place: the first heading of each docs/rules/GRxxx.md
 * ("# GR001 <zh-cn description>") and the `govreport.rules` settings schema in package.json (one
 * property per rule code: its levels, default and zh-cn / en description). test/unit/registry.test.ts
 * fails when either is stale. (docs/rules/README.md: scripts/gen-rule-index.ts.)
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
    description: `${r.code} ${r.description['zh-cn']} / ${r.description.en}`,
  }]));
}

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
}
