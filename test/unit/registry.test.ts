import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOGUES } from '../../server/src/core/messages/index';
import { RULES } from '../../server/src/core/rules/registry';

describe('rule registry', () => {
  it('codes are unique and well-formed, with both locales described', () => {
    const seen = new Set<string>();
    for (const r of RULES) {
      assert.match(r.code, /^GR\d{3}$/);
      assert.ok(!seen.has(r.code), `duplicate ${r.code}`);
      seen.add(r.code);
      assert.ok(r.description['zh-cn'] && r.description.en, r.code);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(r.severity), r.code);
    }
  });

  it('every rule has a message in both catalogues and a documentation page', () => {
    for (const r of RULES) {
      for (const loc of ['zh-cn', 'en'] as const) {
        const cat = CATALOGUES[loc] as Record<string, string>;
        assert.ok(cat[r.code], `${loc} message for ${r.code}`);
      }
      assert.ok(existsSync(join(__dirname, '..', '..', 'docs', 'rules', `${r.code}.md`)), `docs/rules/${r.code}.md`);
    }
  });
});

describe('rule index', () => {
  it('docs/rules/README.md is generated from the registry and up to date', async () => {
    const { readFileSync } = await import('node:fs');
    const { ruleIndex } = await import('../../scripts/gen-rule-index');
    const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'README.md'), 'utf8');
    assert.equal(onDisk, ruleIndex(), 'run: node --import tsx scripts/gen-rule-index.ts');
  });
});

describe('docs pages and settings schema follow the registry (node --import tsx scripts/gen-rule-docs.ts)', () => {
  it('every rule has docs/rules/GRxxx.md whose first heading is its code and zh-cn description', async () => {
    const { readFileSync } = await import('node:fs');
    const { rulePage, ruleHeading } = await import('../../scripts/gen-rule-docs');
    for (const r of RULES) {
      assert.ok(existsSync(rulePage(r.code)), `docs/rules/${r.code}.md`);
      assert.equal(readFileSync(rulePage(r.code), 'utf8').split('\n')[0], ruleHeading(r));
    }
  });

  it('package.json lists every rule code under govreport.rules, with levels and descriptions', async () => {
    const { readFileSync } = await import('node:fs');
    const { packageJsonText, nlsText, nlsFile, LEVELS } = await import('../../scripts/gen-rule-docs');
    const onDisk = readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8');
    assert.equal(onDisk, packageJsonText(), 'run: node --import tsx scripts/gen-rule-docs.ts');
    for (const locale of ['en', 'zh-cn'] as const) assert.equal(readFileSync(nlsFile(locale), 'utf8'), nlsText(locale), nlsFile(locale));
    const props = JSON.parse(onDisk).contributes.configuration.properties['govreport.rules'].properties;
    const zh = JSON.parse(readFileSync(nlsFile('zh-cn'), 'utf8'));
    const en = JSON.parse(readFileSync(nlsFile('en'), 'utf8'));
    assert.deepEqual(Object.keys(props), RULES.map((r) => r.code));
    for (const r of RULES) {
      assert.deepEqual(props[r.code].enum, LEVELS);
      const key = /^%(.+)%$/.exec(props[r.code].description)![1]!;
      assert.equal(zh[key], `${r.code} ${r.description['zh-cn']}`);
      assert.equal(en[key], `${r.code} ${r.description.en}`);
    }
  });
});
