// Localisation completeness: the manifest's nls files (en default + zh-cn) and the server's message
// catalogues (zh-cn source + en) carry the same keys, with non-empty strings, and every %key% the
// manifest uses exists.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOGUES } from '../../server/src/core/messages/index';

const ROOT = join(__dirname, '..', '..');
const readJson = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Record<string, unknown>;

/** Every "%key%" string anywhere in the manifest, with where it was found. */
function nlsRefs(node: unknown, path: string, out: { path: string; key: string }[]): void {
  if (typeof node === 'string') {
    const m = /^%([^%\s]+)%$/.exec(node);
    if (m) out.push({ path, key: m[1]! });
  } else if (Array.isArray(node)) node.forEach((v, i) => nlsRefs(v, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) nlsRefs(v, path ? `${path}.${k}` : k, out);
}

/** User-visible strings under contributes that should be localised (title, description, ...). */
function visibleStrings(node: unknown, path: string, out: { path: string; value: string }[]): void {
  if (Array.isArray(node)) node.forEach((v, i) => visibleStrings(v, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && /^(title|shortTitle|description|markdownDescription|enumItemLabel)$/.test(k)) out.push({ path: `${path}.${k}`, value: v });
      else if (/^(enumDescriptions|markdownEnumDescriptions)$/.test(k) && Array.isArray(v)) {
        v.forEach((s, i) => { if (typeof s === 'string') out.push({ path: `${path}.${k}[${i}]`, value: s }); });
      } else visibleStrings(v, `${path}.${k}`, out);
    }
  }
}

describe('l10n: package.nls', () => {
  const manifest = readJson('package.json');
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');

  it('package.nls.json and package.nls.zh-cn.json have the same keys', () => {
    const a = Object.keys(en).sort();
    const b = Object.keys(zh).sort();
    assert.deepEqual(b.filter((k) => !a.includes(k)), [], 'keys only in package.nls.zh-cn.json');
    assert.deepEqual(a.filter((k) => !b.includes(k)), [], 'keys only in package.nls.json');
  });

  it('every value is a non-empty string, and zh-cn is actually Chinese where en is text', () => {
    for (const [file, cat] of [['package.nls.json', en], ['package.nls.zh-cn.json', zh]] as const) {
      for (const [k, v] of Object.entries(cat)) assert.ok(typeof v === 'string' && v.trim() !== '', `${file}: ${k} is empty`);
    }
    const untranslated = Object.keys(en).filter((k) => /[A-Za-z]{4}/.test(String(en[k])) && zh[k] === en[k] && !/[\u4e00-\u9fff]/.test(String(zh[k])));
    assert.deepEqual(untranslated, [], 'zh-cn strings identical to English');
  });

  it('every %key% used in package.json exists in both nls files', () => {
    const refs: { path: string; key: string }[] = [];
    nlsRefs(manifest, '', refs);
    assert.ok(refs.length > 0, 'package.json uses no %key%');
    const missing = refs.filter((r) => !(r.key in en) || !(r.key in zh)).map((r) => `${r.path}: %${r.key}%`);
    assert.deepEqual(missing, []);
  });

  it('every contributed title/description is a %key% (no hard-coded UI text)', () => {
    const strings: { path: string; value: string }[] = [];
    visibleStrings(manifest.contributes, 'contributes', strings);
    const literal = strings.filter((s) => !/^%[^%\s]+%$/.test(s.value)).map((s) => `${s.path}: ${s.value}`);
    assert.deepEqual(literal, []);
  });

  it('no nls key is unused', () => {
    const refs: { path: string; key: string }[] = [];
    nlsRefs(manifest, '', refs);
    const used = new Set(refs.map((r) => r.key));
    assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'keys in package.nls.json that package.json never uses');
  });
});

describe('l10n: server message catalogues', () => {
  const zh = CATALOGUES['zh-cn'] as Record<string, string>;
  const en = CATALOGUES.en as Record<string, string>;

  it('zh-cn and en have identical key sets', () => {
    const a = Object.keys(zh).sort();
    const b = Object.keys(en).sort();
    assert.deepEqual(a.filter((k) => !b.includes(k)), [], 'keys missing from en');
    assert.deepEqual(b.filter((k) => !a.includes(k)), [], 'keys missing from zh-cn');
    assert.ok(a.length > 0);
  });

  it('every message is a non-empty string', () => {
    for (const [loc, cat] of [['zh-cn', zh], ['en', en]] as const) {
      for (const [k, v] of Object.entries(cat)) assert.ok(typeof v === 'string' && v.trim() !== '', `${loc}: ${k} is empty`);
    }
  });

  it('both languages use the same {placeholders} in each message', () => {
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const diff = Object.keys(zh).filter((k) => en[k] !== undefined && JSON.stringify(names(zh[k]!)) !== JSON.stringify(names(en[k]!)));
    assert.deepEqual(diff.map((k) => `${k}: zh {${names(zh[k]!).join(',')}} en {${names(en[k]!).join(',')}}`), []);
  });

  it('zh-cn messages are Chinese', () => {
    const notChinese = Object.entries(zh).filter(([, v]) => !/[\u3400-\u9fff]/.test(v)).map(([k]) => k);
    assert.deepEqual(notChinese, []);
  });
});
