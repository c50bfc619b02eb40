/**
 * Writes docs/rules/README.md, the rule index, from the registry (codes, severities, descriptions,
 * fixes), so the documentation cannot drift from the code. `--check` exits 1 when it is stale.
 *   node --import tsx scripts/gen-rule-index.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/core/rules/registry';

const SEVERITY: Record<string, string> = { error: '错误 error', warning: '警告 warning', information: '信息 information', hint: '提示 hint' };

export function ruleIndex(): string {
  const rows = RULES.map((r) =>
    `| [${r.code}](${r.code}.md) | ${SEVERITY[r.severity]} | ${r.description['zh-cn']} | ${r.description.en} | ${r.fixable ? '✓' : ''} |`);
  return [
    '# 规则一览 / Rules',
    '',
    '由 `scripts/gen-rule-index.ts` 根据规则注册表生成，请勿手改。每条规则的级别可在设置 `govreport.rules` 中修改或关闭。',
    '',
    '*Generated from the rule registry; do not edit. Each rule\'s severity can be changed or switched off in `govreport.rules`.*',
    '',
    '| 代码 code | 默认级别 severity | 检查内容 | what | 可修复 fix |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const out = join(__dirname, '..', 'docs', 'rules', 'README.md');
if (require.main === module) {
  const text = ruleIndex();
  if (process.argv.includes('--check')) {
    const now = (() => { try { return readFileSync(out, 'utf8'); } catch { return ''; } })();
    if (now !== text) { console.error('docs/rules/README.md is stale: run node --import tsx scripts/gen-rule-index.ts'); process.exit(1); }
  } else writeFileSync(out, text);
}
