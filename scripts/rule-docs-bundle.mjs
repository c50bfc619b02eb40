/**
 * docs/rules/**.md → dist/rule-docs.json ({ "GR101.md": "…", "en/GR101.md": "…" }), the rule pages
 * as the .vsix ships them: one file compresses to less than half of forty small CJK pages, each
 * zipped alone with its own headers. The client writes them out on first use (client/src/ruleDocs.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function ruleDocsBundle(root) {
  const dir = join(root, 'docs', 'rules');
  const pages = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const rel = join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1).split('\\').join('/');
    pages[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function writeRuleDocsBundle(root) {
  writeFileSync(join(root, 'dist', 'rule-docs.json'), JSON.stringify(ruleDocsBundle(root)));
}
