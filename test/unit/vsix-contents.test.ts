/**
 * What the .vsix ships besides the bundles: the rule pages as one dist/rule-docs.json (written out
 * by client/src/ruleDocs.ts on first use) and a short marketplace page (docs/marketplace.md, passed
 * to vsce with --readme-path) that names every command and setting the extension contributes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules/registry';
// @ts-expect-error plain ESM build helper without types
import { ruleDocsBundle } from '../../scripts/rule-docs-bundle.mjs';

const ROOT = join(__dirname, '..', '..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

describe('rule pages in the .vsix (dist/rule-docs.json)', () => {
  const bundle = ruleDocsBundle(ROOT) as Record<string, string>;

  it('holds every page of docs/rules/ byte for byte, the index and one page per rule', () => {
    const onDisk = readdirSync(join(ROOT, 'docs', 'rules'), { recursive: true })
      .map(String).filter((f) => f.endsWith('.md')).map((f) => f.split('\\').join('/')).sort();
    assert.deepEqual(Object.keys(bundle).sort(), onDisk);
    for (const rel of onDisk) assert.equal(bundle[rel], read(`docs/rules/${rel}`), rel);
    for (const r of RULES) assert.ok(bundle[`${r.code}.md`]?.startsWith(`# ${r.code} `), r.code);
    assert.ok(bundle['README.md']);
  });

  it('the package ships the bundle, not the forty loose pages, and the marketplace page instead of README.md', () => {
    const allow = read('.vscodeignore').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!'));
    assert.ok(allow.includes('!dist/rule-docs.json'));
    assert.ok(!allow.some((l) => l.startsWith('!docs/')), allow.join(' '));
    assert.ok(!allow.includes('!README.md'), 'vsce --readme-path writes readme.md itself');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    assert.match(pkg.scripts.package ?? '', /--readme-path docs\/marketplace\.md/);
  });
});

describe('marketplace page (docs/marketplace.md)', () => {
  const page = read('docs/marketplace.md');
  const pkg = JSON.parse(read('package.json')) as {
    contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, unknown> } };
  };
  const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
  const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const title = (t: string, nls: Record<string, string>) => (t.startsWith('%') ? nls[t.slice(1, -1)]! : t);

  it('names every command in Chinese and in English', () => {
    for (const c of pkg.contributes.commands) {
      assert.ok(page.includes(title(c.title, zh)), `${c.command}: ${title(c.title, zh)}`);
      // The English titles carry the Chinese one in brackets: "Format Tables (格式化表格)".
      const english = title(c.title, en).replace(/\s*\([^)]*\)$/, '');
      assert.ok(page.includes(english), `${c.command}: ${english}`);
    }
  });

  it('names every user setting', () => {
    for (const key of Object.keys(pkg.contributes.configuration.properties)) {
      if (key === 'govreport.trace.server') continue; // a diagnostic switch for developers
      assert.ok(page.includes(`\`${key}\``), key);
    }
  });

  it('is short: the long README stays in the repository', () => {
    assert.ok(Buffer.byteLength(page) < 8 * 1024, `${Buffer.byteLength(page)} bytes`);
  });
});
