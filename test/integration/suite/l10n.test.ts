// zh-CN manifest strings: package.nls.zh-cn.json mirrors package.nls.json, and every user-visible
// contribution string is a %key% that exists; then what the user sees in each display language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { activate, codeOf, extension, waitForDiagnostics, wsUri } from './helpers';

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

// What a user of a Chinese VS Code sees. run.js runs this suite twice: with the default display
// language (en), and with --locale=zh-cn and the test-only language pack of
// test/integration/zh-cn-locale (GOVREPORT_IT_LOCALE=zh-cn).
const LOCALE = process.env.GOVREPORT_IT_LOCALE ?? 'en';

suite(`display language (${LOCALE})`, () => {
  const nlsFile = LOCALE === 'zh-cn' ? 'package.nls.zh-cn.json' : 'package.nls.json';

  test(`vscode.env.language is ${LOCALE}`, () => {
    assert.equal(vscode.env.language.toLowerCase(), LOCALE);
  });

  test(`command titles and categories come from ${nlsFile}`, async () => {
    const nls = await readJson(nlsFile);
    const en = await readJson('package.nls.json');
    const raw = (await readJson('package.json')).contributes as { commands: Record<string, string>[] };
    // VS Code hands localised titles over as { value, original } (original: the default nls file).
    type Shown = string | { value: string; original: string };
    const shown = (extension().packageJSON as { contributes: { commands: Record<string, Shown>[] } }).contributes.commands;
    const valueOf = (x: Shown | undefined) => (typeof x === 'object' ? x.value : x);
    assert.equal(shown.length, raw.commands.length);
    for (const [i, c] of raw.commands.entries()) {
      for (const field of ['title', 'category'] as const) {
        const key = c[field]!.slice(1, -1);
        const s = shown[i]![field];
        assert.equal(valueOf(s), nls[key], `${c.command} ${field}`);
        if (typeof s === 'object') assert.equal(s.original, en[key], `${c.command} ${field} (original)`);
      }
    }
    const newReport = valueOf(shown.find((c) => c.command === 'govreport.newReport')!.title)!;
    if (LOCALE === 'zh-cn') assert.equal(newReport, '新建政府信息公开年度报告');
    else assert.match(newReport, /^New Government Information Disclosure Annual Report/);
  });

  test('diagnostics and quick-fix titles follow the display language', async () => {
    await activate();
    const doc = await vscode.workspace.openTextDocument(wsUri('紫阳县2019年度政府信息公开工作年度报告.txt'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => codeOf(x) === 'GR010').length >= 3, 30_000, 'three GR010');
    const gr010 = ds.filter((x) => codeOf(x) === 'GR010');
    const zh = LOCALE === 'zh-cn';
    for (const d of gr010) assert.match(d.message, zh ? /^“[^”]+”缺少统计表（应有：/ : /^"[^"]+" has no statistics table \(expected: /);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, gr010[0]!.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(zh ? '插入2019版统计表' : 'Insert the 2019 table template'), titles.join(' | '));
  });
});
