// zh-CN manifest strings: package.nls.zh-cn.json mirrors package.nls.json, and every user-visible
// contribution string is a %key% that exists (the display language itself cannot be switched here).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { extension } from './helpers';

async function readJson(name: string): Promise<Record<string, unknown>> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, name));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Every title/description/markdownDescription string under contributes. */
function visibleStrings(node: unknown, path: string, out: [string, string][]): void {
  if (Array.isArray(node)) node.forEach((v, i) => visibleStrings(v, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && /^(title|description|markdownDescription|shortTitle|enumItemLabel)$/.test(k)) out.push([`${path}.${k}`, v]);
      else if (k === 'enumDescriptions' && Array.isArray(v)) v.forEach((s, i) => typeof s === 'string' && out.push([`${path}.${k}[${i}]`, s]));
      else visibleStrings(v, `${path}.${k}`, out);
    }
  }
}

suite('l10n (zh-cn)', () => {
  test('package.nls.json and package.nls.zh-cn.json have the same keys, all non-empty', async () => {
    const en = await readJson('package.nls.json');
    const zh = await readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) assert.ok(typeof v === 'string' && v.trim(), `empty string for ${k}`);
  });

  test('every contributes title/description is a %key% present in both nls files', async () => {
    const en = await readJson('package.nls.json');
    const zh = await readJson('package.nls.zh-cn.json');
    // The raw manifest: extension().packageJSON has the %key% references already replaced.
    const manifest = await readJson('package.json');
    const strings: [string, string][] = [];
    visibleStrings(manifest.contributes, 'contributes', strings);
    for (const k of ['description'] as const) if (typeof manifest[k] === 'string') strings.push([k, manifest[k] as string]);
    assert.ok(strings.length > 0, 'no user-visible contribution strings found');
    const literal = strings.filter(([, v]) => !/^%[^%]+%$/.test(v));
    assert.deepEqual(literal, [], 'user-visible strings must be %key% references');
    for (const [p, v] of strings) {
      const key = v.slice(1, -1);
      assert.ok(key in en, `${p}: ${v} missing from package.nls.json`);
      assert.ok(key in zh, `${p}: ${v} missing from package.nls.zh-cn.json`);
    }
  });
});
