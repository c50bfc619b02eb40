import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { configSchema } from '../../server/src/core/config/schema';
import { parseConfig } from '../../server/src/core/config/validate';
import { RULES } from '../../server/src/core/rules/registry';
import { createIgnoreFilter } from '../../server/src/node/config/ignore';
import { WorkspaceReports } from '../../server/src/lsp/workspace';
import { pathToFileURL } from 'node:url';
import { clearConfigCache, findConfigFile, loadConfigFor } from '../../server/src/node/config/load';
import { sample } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'govreport-config-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('.govreport.jsonc validation', () => {
  it('reads every key; comments and trailing commas allowed', () => {
    const { config, errors } = parseConfig(`{
      // 本单位是部门
      "rules": { "GR101": "warning", "gr006": "off", },
      "deadlines": { "department": "01-31", "government": "5-15" },
      "bodyKind": "department", "year": 2023, "version": "2021",
      "ignore": ["drafts/", "*.bak.txt"],
    }`);
    assert.deepEqual(errors, []);
    assert.deepEqual(config, {
      rules: { GR101: 'warning', GR006: 'off' },
      deadlines: { department: [1, 31], government: [5, 15] },
      bodyKind: 'department', year: 2023, version: '2021', ignore: ['drafts/', '*.bak.txt'],
    });
  });

  it('unknown codes, bad severities, bad dates and keys are errors at their position; the rest is kept', () => {
    const text = '{"rules": {"GR999": "error", "GR101": "fatal", "GR102": "hint"}, "deadlines": {"department": "02-30"}, "colour": 1}';
    const { config, errors } = parseConfig(text);
    assert.deepEqual(errors.map((e) => text.slice(e.span.start, e.span.end)), ['"GR999"', '"fatal"', '"02-30"', '"colour"']);
    assert.match(errors[0]!.message, /GR999.*不存在/);
    assert.match(parseConfig(text, 'en').errors[1]!.message, /Invalid severity "fatal"/);
    assert.deepEqual(config.rules, { GR102: 'hint' });
  });

  it('syntax errors are reported, never thrown', () => {
    const { errors } = parseConfig('{"rules": {"GR101": }');
    assert.ok(errors.length > 0);
    assert.match(errors[0]!.message, /语法错误/);
    assert.equal(parseConfig('[1]').errors.length, 1);
    assert.deepEqual(parseConfig('').config, {});
  });
});

describe('finding and applying the config', () => {
  const outer = join(tmp, 'a');
  const inner = join(outer, 'b', 'c');
  mkdirSync(inner, { recursive: true });
  const report = join(inner, 'r.txt');
  writeFileSync(report, sample('003'));

  it('nearest file upward wins; a stop folder ends the search', () => {
    assert.equal(findConfigFile(inner, tmp), undefined);
    writeFileSync(join(outer, '.govreport.jsonc'), '{"rules": {"GR006": "off"}}');
    assert.equal(findConfigFile(inner), join(outer, '.govreport.jsonc'));
    assert.equal(findConfigFile(inner, join(outer, 'b')), undefined);
    writeFileSync(join(outer, 'b', '.govreport.jsonc'), '{"rules": {"GR006": "error"}}');
    assert.equal(loadConfigFor(report).options.severities?.GR006, 'error');
  });

  it('the file wins over editor settings; a change is seen (mtime cache)', () => {
    const cfg = join(outer, 'b', '.govreport.jsonc');
    const r = loadConfigFor(report, { severities: { GR006: 'hint', GR101: 'warning' }, ruleOptions: { bodyKind: 'government' } });
    assert.deepEqual(r.options.severities, { GR006: 'error', GR101: 'warning' });
    writeFileSync(cfg, '{"rules": {"GR006": "off", "GR1": "x", "GR101": "loud"}, "bodyKind": "department", "version": "2019"}\n');
    clearConfigCache(cfg);
    const r2 = loadConfigFor(report, { ruleOptions: { bodyKind: 'government' } });
    assert.equal(r2.options.severities?.GR006, 'off');
    assert.equal(r2.options.ruleOptions?.bodyKind, 'department');
    assert.equal(r2.options.version, '2019');
    assert.equal(r2.errors.length, 2);
    assert.equal(r2.path, cfg);
  });

  it('severity off and version override change the findings', () => {
    const text = readFileSync(report, 'utf8');
    const base = analyze(text);
    const code = base.findings[0]!.code;
    const cfg = join(outer, 'b', '.govreport.jsonc');
    writeFileSync(cfg, JSON.stringify({ rules: { [code]: 'off' }, version: '2019' }));
    clearConfigCache(cfg);
    const a = analyze(text, loadConfigFor(report, { severities: {} }).options);
    assert.ok(!a.findings.some((f) => f.code === code));
    assert.equal(a.findings.length, base.findings.filter((f) => f.code !== code).length);
    assert.equal(a.model.expectedVersion, '2019');
    const y = analyze(text, { year: 2023 });
    assert.equal(y.model.year, 2023);
    assert.equal(y.model.expectedVersion, '2021');
  });
});

describe('.govreportignore and config ignore globs', () => {
  it('gitignore syntax, relative to the root; paths outside never ignored', () => {
    const root = join(tmp, 'ws');
    mkdirSync(join(root, 'drafts'), { recursive: true });
    writeFileSync(join(root, '.govreportignore'), '# 草稿\ndrafts/\n*.old.txt\n!keep.old.txt\n');
    writeFileSync(join(root, '.govreport.jsonc'), '{"ignore": ["scans/**"]}');
    const ignored = createIgnoreFilter(root);
    assert.equal(ignored(join(root, 'drafts', 'a.txt')), true);
    assert.equal(ignored('b.old.txt'), true);
    assert.equal(ignored('keep.old.txt'), false);
    assert.equal(ignored(join(root, 'scans', 'x', 'y.txt')), true);
    assert.equal(ignored(join(root, 'report.txt')), false);
    assert.equal(ignored(join(tmp, 'elsewhere.old.txt')), false);
    assert.equal(createIgnoreFilter(join(tmp, 'a'))(join(tmp, 'a', 'x.txt')), false);
  });
});

describe('workspace index honours .govreportignore', () => {
  it('an ignored report is not indexed', async () => {
    const root = join(tmp, 'idx');
    mkdirSync(join(root, 'drafts'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), sample('000'));
    writeFileSync(join(root, 'drafts', 'b.txt'), sample('000'));
    const before = await new WorkspaceReports().scan([pathToFileURL(root).href], () => undefined);
    assert.equal(before.length, 2);
    writeFileSync(join(root, '.govreportignore'), 'drafts/\n');
    const after = await new WorkspaceReports().scan([pathToFileURL(root).href], () => undefined);
    assert.deepEqual(after, [pathToFileURL(join(root, 'a.txt')).href]);
  });
});

describe('config schema', () => {
  it('lists every rule code and matches the committed schemas/govreport.schema.json', () => {
    const schema = configSchema() as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((r) => r.code));
    const committed = readFileSync(join(__dirname, '..', '..', 'schemas', 'govreport.schema.json'), 'utf8');
    assert.equal(committed, JSON.stringify(configSchema(), null, 2) + '\n', 'run: node --import tsx scripts/gen-config-schema.ts');
  });
});
