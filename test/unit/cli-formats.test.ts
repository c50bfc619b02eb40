/** `check --format text|json|sarif|junit|github`, --min-severity, --quiet, stdin, --rule validation. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules/registry';
import type { JsonOutput } from '../../server/src/cli/run';
import { cli } from './cli-helpers';
import { SAMPLES_DIR } from './helpers';

const ROOT = join(__dirname, '..', '..');
const s000 = join('test', 'fixtures', 'samples', '000_a3bf536ec8a0a8f8.txt');
const s001 = join('test', 'fixtures', 'samples', '001_41ca7fe939626b0f.txt');

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The required properties of SARIF 2.1.0 (sarif-schema-2.1.0.json) for what govreport writes. */
function validateSarif(log: unknown): string[] {
  const errs: string[] = [];
  const need = (o: unknown, key: string, where: string, type: 'string' | 'object' | 'array' | 'number') => {
    if (!isObj(o)) { errs.push(`${where} is not an object`); return undefined; }
    const v = o[key];
    const ok = type === 'array' ? Array.isArray(v) : type === 'object' ? isObj(v) : typeof v === type;
    if (!ok) errs.push(`${where}.${key} missing or not ${type}`);
    return v;
  };
  if (need(log, 'version', 'log', 'string') !== '2.1.0') errs.push('version must be "2.1.0"');
  const runs = need(log, 'runs', 'log', 'array') as unknown[] | undefined;
  for (const [i, run] of (runs ?? []).entries()) {
    const driver = need(need(run, 'tool', `runs[${i}]`, 'object'), 'driver', `runs[${i}].tool`, 'object');
    need(driver, 'name', 'driver', 'string');
    const rules = ((isObj(driver) ? driver.rules : undefined) ?? []) as unknown[];
    const ids = new Set<string>();
    for (const [k, r] of rules.entries()) {
      ids.add(need(r, 'id', `rules[${k}]`, 'string') as string);
      if (isObj(r) && r.shortDescription !== undefined) need(r.shortDescription, 'text', `rules[${k}].shortDescription`, 'string');
      if (isObj(r) && r.helpUri !== undefined && !/^https?:\/\//.test(String(r.helpUri))) errs.push(`rules[${k}].helpUri not a URI`);
      const level = isObj(r) && isObj(r.defaultConfiguration) ? r.defaultConfiguration.level : 'warning';
      if (!['none', 'note', 'warning', 'error'].includes(String(level))) errs.push(`rules[${k}] level ${String(level)}`);
    }
    for (const [k, res] of (((isObj(run) ? run.results : undefined) ?? []) as unknown[]).entries()) {
      need(need(res, 'message', `results[${k}]`, 'object'), 'text', `results[${k}].message`, 'string');
      if (isObj(res) && !['none', 'note', 'warning', 'error'].includes(String(res.level))) errs.push(`results[${k}].level`);
      if (isObj(res) && typeof res.ruleIndex === 'number' && (rules[res.ruleIndex] as Obj | undefined)?.id !== res.ruleId) errs.push(`results[${k}].ruleIndex`);
      if (isObj(res) && !ids.has(String(res.ruleId))) errs.push(`results[${k}].ruleId unknown`);
      for (const loc of (((isObj(res) ? res.locations : undefined) ?? []) as unknown[])) {
        const pl = need(loc, 'physicalLocation', 'location', 'object');
        need(need(pl, 'artifactLocation', 'physicalLocation', 'object'), 'uri', 'artifactLocation', 'string');
        const region = need(pl, 'region', 'physicalLocation', 'object') as Obj | undefined;
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
          const v = region?.[key];
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errs.push(`region.${key} must be an integer ≥ 1`);
        }
      }
    }
    for (const inv of (((isObj(run) ? run.invocations : undefined) ?? []) as unknown[])) {
      if (!isObj(inv) || typeof inv.executionSuccessful !== 'boolean') errs.push('invocation.executionSuccessful');
    }
  }
  return errs;
}

describe('govreport check output formats', () => {
  it('SARIF 2.1.0: required fields, rule metadata from the registry, 1-based regions matching the text output', () => {
    const r = cli(['check', '--format', 'sarif', s000, 'missing.txt'], ROOT);
    assert.equal(r.code, 3);
    const log = JSON.parse(r.stdout) as Obj;
    assert.deepEqual(validateSarif(log), []);
    const run = (log.runs as Obj[])[0]!;
    const rules = ((run.tool as Obj).driver as Obj).rules as Obj[];
    assert.equal(rules.length, RULES.length);
    const gr010 = rules.find((x) => x.id === 'GR010')!;
    assert.equal(gr010.name, RULES.find((x) => x.code === 'GR010')!.name);
    assert.match(String(gr010.helpUri), /docs\/rules\/GR010\.md$/);
    assert.ok(existsSync(join(ROOT, 'docs', 'rules', 'GR010.md')));
    assert.match(String((gr010.shortDescription as Obj).text), /[\u4e00-\u9fff]/);
    const res = (run.results as Obj[]).find((x) => x.ruleId === 'GR010')!;
    const region = (((res.locations as Obj[])[0]!.physicalLocation as Obj).region as Obj);
    assert.deepEqual([region.startLine, region.startColumn], [9, 1]);
    assert.equal(((res.locations as Obj[])[0]!.physicalLocation as Obj).artifactLocation && (((res.locations as Obj[])[0]!.physicalLocation as Obj).artifactLocation as Obj).uri, 'test/fixtures/samples/000_a3bf536ec8a0a8f8.txt');
    const inv = (run.invocations as Obj[])[0]!;
    assert.equal(inv.executionSuccessful, false);
    assert.equal((inv.toolExecutionNotifications as unknown[]).length, 1);
    // English descriptions with --locale en.
    const en = JSON.parse(cli(['check', '--format', 'sarif', '--locale', 'en', s000], ROOT).stdout) as Obj;
    assert.deepEqual(validateSarif(en), []);
    const enRule = ((((en.runs as Obj[])[0]!.tool as Obj).driver as Obj).rules as Obj[])[0]!;
    assert.equal((enRule.shortDescription as Obj).text, RULES[0]!.description.en);
  });

  it('the structural validator catches what the schema requires', () => {
    assert.notDeepEqual(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] }), []);
    assert.notDeepEqual(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'A' }] } }, results: [{ ruleId: 'A', level: 'error', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0, startColumn: 1, endLine: 1, endColumn: 1 } } }] }] }] }), []);
  });

  it('GitHub annotations: ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=GRxxx::message', () => {
    const r = cli(['check', '--format', 'github', s000], ROOT);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=GR\d{3}::[^\n]+$/);
    assert.ok(lines.some((l) => l.startsWith('::error file=test/fixtures/samples/000_a3bf536ec8a0a8f8.txt,line=9,col=1,') && l.includes('title=GR010::')));
  });

  it('JUnit: one testsuite per file, a failing testcase per finding, XML-escaped', () => {
    const r = cli(['check', '--format', 'junit', s000, s001], ROOT);
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="govreport">\n/);
    assert.match(r.stdout, /<\/testsuites>\n$/);
    assert.equal((r.stdout.match(/<testsuite /g) ?? []).length, 2);
    const json = JSON.parse(cli(['check', '--json', s000, s001], ROOT).stdout) as JsonOutput;
    const n = json.reports.reduce((k, x) => k + x.diagnostics.length, 0);
    assert.equal((r.stdout.match(/<failure /g) ?? []).length, n);
    assert.doesNotMatch(r.stdout.replace(/<[^>]*>/g, ''), /[<>]/);
  });

  it('--min-severity and --quiet filter the output; severity words in Chinese for zh-cn, English for en', () => {
    const all = cli(['check', s001], ROOT).stdout.trim().split('\n');
    assert.ok(all.some((l) => / 提示 GR/.test(l)) || all.some((l) => / 警告 GR/.test(l)));
    const warn = cli(['check', '--min-severity', 'warning', s001], ROOT).stdout.trim().split('\n');
    assert.ok(warn.every((l) => / (错误|警告) GR/.test(l)));
    assert.equal(warn.length, all.filter((l) => / (错误|警告) GR/.test(l)).length);
    const q = cli(['check', '--quiet', s001], ROOT);
    assert.ok(q.stdout.trim().split('\n').every((l) => / 错误 GR/.test(l)));
    assert.equal(q.stderr, '');
    assert.match(cli(['check', s001], ROOT).stderr, /检查了 1 个文件/);
    assert.match(cli(['check', '--locale', 'en', s000], ROOT).stdout, /:9:1 error GR010 /);
    assert.equal(cli(['check', '--min-severity', 'fatal', s001], ROOT).code, 2);
  });

  it('stdin with -, named by --stdin-filename', () => {
    const bytes = readFileSync(join(SAMPLES_DIR, '000_a3bf536ec8a0a8f8.txt'));
    const r = cli(['check', '--stdin-filename', 'mine.txt', '-'], ROOT, { readStdin: () => bytes });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^mine\.txt:9:1 错误 GR010 /m);
    assert.match(cli(['check', '-'], ROOT, { readStdin: () => bytes }).stdout, /^<stdin>:9:1 /m);
  });

  it('an unknown rule code in --rule is a usage error naming the closest code', () => {
    const r = cli(['check', '--rule', 'GR0100=off', s000], ROOT);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /未知的规则代码 GR0100，最接近的是 GR\d{3}/);
    assert.match(cli(['check', '--rule', 'GR999=off', s000], ROOT).stderr, /closest is GR\d{3}/);
  });
});
