// The layers of server/src, checked on the import graph: the core is pure (no vscode, LSP, node
// I/O, nothing outside it); inside the core nothing imports upward (the domain layers parse,
// prose, tables, text, model, standard never import rules or features; rules never import
// features); outside the core, everything goes through core/index.ts. And every rule lives in a
// file named grNNN-<name>.ts that matches its registry entry.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules/registry';
import type { Rule } from '../../server/src/core/rules/types';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'server', 'src');
const CORE = join(SRC, 'core');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier of a file: static imports and re-exports, and import('…') types/calls. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

interface Edge { from: string; spec: string; to: string | null }

const FILES = walk(SRC);
const EDGES: Edge[] = FILES.flatMap((f) => specifiers(readFileSync(f, 'utf8')).map((spec) => ({
  from: relative(SRC, f), spec, to: spec.startsWith('.') ? relative(SRC, resolve(dirname(f), spec)) : null,
})));

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isVsCode = (spec: string) => spec === 'vscode' || spec.startsWith('vscode-languageserver') || spec.startsWith('vscode-languageclient');
const inDir = (path: string | null, dir: string) => path !== null && (path === dir || path.startsWith(`${dir}/`));
const DOMAIN = ['core/parse', 'core/prose', 'core/tables', 'core/text', 'core/model', 'core/standard'];

/** The forbidden edges, by what they break. */
const FORBIDDEN = {
  impureCore: (e: Edge) => inDir(e.from, 'core') && (isVsCode(e.spec) || NODE.has(e.spec) || (e.to !== null && !inDir(e.to, 'core'))),
  domainUpward: (e: Edge) => DOMAIN.some((d) => inDir(e.from, d))
    && (inDir(e.to, 'core/rules') || inDir(e.to, 'core/features') || e.to === 'core/analyze' || e.to === 'core/index'),
  rulesToFeatures: (e: Edge) => inDir(e.from, 'core/rules') && inDir(e.to, 'core/features'),
  coreToOwnEntry: (e: Edge) => inDir(e.from, 'core') && e.to === 'core/index',
  bypassesEntry: (e: Edge) => !inDir(e.from, 'core') && inDir(e.to, 'core') && e.to !== 'core/index',
};

function violations(test: (e: Edge) => boolean): string[] {
  return EDGES.filter(test).map((e) => `${e.from} → ${e.spec}`);
}

describe('architecture: imports', () => {
  it('reads the import graph', () => {
    assert.ok(FILES.length > 150, `only ${FILES.length} files`);
    assert.ok(EDGES.length > 500, `only ${EDGES.length} imports`);
  });

  it('the core imports no vscode, LSP, node module and nothing outside core', () => {
    assert.deepEqual(violations(FORBIDDEN.impureCore), []);
  });

  it('the domain layers (parse, prose, tables, text, model, standard) import no rules, features or analysis', () => {
    assert.deepEqual(violations(FORBIDDEN.domainUpward), []);
  });

  it('rules import no features', () => {
    assert.deepEqual(violations(FORBIDDEN.rulesToFeatures), []);
  });

  it('the core never imports its own entry (core/index.ts is for the outside)', () => {
    assert.deepEqual(violations(FORBIDDEN.coreToOwnEntry), []);
  });

  it('lsp, cli, node and publish reach the core only through core/index.ts', () => {
    assert.deepEqual(violations(FORBIDDEN.bypassesEntry), []);
  });

  it('the checker catches a forbidden import (self-test on made-up edges)', () => {
    const edge = (from: string, spec: string, to: string | null): Edge => ({ from, spec, to });
    assert.deepEqual(specifiers("import { a } from './x';\nexport type { B } from '../y';\nconst t: import('./z').T = 1;\n"), ['./x', '../y', './z']);
    assert.ok(FORBIDDEN.domainUpward(edge('core/prose/facts.ts', '../rules/types', 'core/rules/types')));
    assert.ok(FORBIDDEN.domainUpward(edge('core/tables/names.ts', '../features/hover', 'core/features/hover')));
    assert.ok(FORBIDDEN.impureCore(edge('core/text/source.ts', 'node:fs', null)));
    assert.ok(FORBIDDEN.impureCore(edge('core/analyze.ts', 'vscode-languageserver', null)));
    assert.ok(FORBIDDEN.impureCore(edge('core/analyze.ts', '../lsp/server', 'lsp/server')));
    assert.ok(FORBIDDEN.rulesToFeatures(edge('core/rules/text/gr201-year-mismatch.ts', '../../features/hover', 'core/features/hover')));
    assert.ok(FORBIDDEN.bypassesEntry(edge('lsp/server.ts', '../core/analyze', 'core/analyze')));
    assert.ok(!FORBIDDEN.bypassesEntry(edge('lsp/server.ts', '../core/index', 'core/index')));
    assert.ok(!FORBIDDEN.domainUpward(edge('core/prose/dates.ts', '../types', 'core/types')));
  });
});

describe('architecture: rule files', () => {
  const RULE_FILE = /^gr(\d{3})-([a-z0-9-]+)\.ts$/;
  const ruleDir = join(CORE, 'rules');
  const ruleFiles = walk(ruleDir).filter((f) => RULE_FILE.test(f.slice(f.lastIndexOf('/') + 1)));

  it('every grNNN-<name>.ts file defines exactly the registry rule GRNNN named <name>', async () => {
    const defined = new Set<Rule>();
    for (const f of ruleFiles) {
      const [, code, name] = RULE_FILE.exec(f.slice(f.lastIndexOf('/') + 1))!;
      const mod = (await import(f)) as Record<string, unknown>;
      const rules = Object.values(mod).filter((v): v is Rule => !!v && typeof v === 'object' && 'check' in v && 'code' in v);
      assert.equal(rules.length, 1, `${relative(SRC, f)} defines ${rules.length} rules`);
      const rule = rules[0]!;
      assert.equal(rule.code, `GR${code}`, relative(SRC, f));
      assert.equal(rule.name, name, relative(SRC, f));
      assert.ok(RULES.includes(rule), `${rule.code} is not in the registry`);
      defined.add(rule);
    }
    const homeless = RULES.filter((r) => !defined.has(r)).map((r) => r.code);
    assert.deepEqual(homeless, [], 'rules not defined in a grNNN-<name>.ts file');
  });

  it('other files under rules/ are helpers, not rules', async () => {
    for (const f of walk(ruleDir)) {
      if (RULE_FILE.test(f.slice(f.lastIndexOf('/') + 1))) continue;
      const mod = (await import(f)) as Record<string, unknown>;
      const rules = Object.values(mod).filter((v) => !!v && typeof v === 'object' && !Array.isArray(v) && 'check' in v && 'code' in v);
      assert.deepEqual(rules.map((r) => (r as Rule).code), [], `${relative(SRC, f)} defines a rule outside a grNNN-<name>.ts file`);
    }
  });
});
