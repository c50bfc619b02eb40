// The extension loads in a real VS Code, activates, exports its API, registers what it contributes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { activate, extension, openFile } from './helpers';

interface Contributes {
  commands?: { command: string; title?: string }[];
  languages?: { id: string; filenamePatterns?: string[]; extensions?: string[] }[];
}

suite('activation', () => {
  test('the extension is present and activates, exporting its API', async () => {
    const ext = extension();
    const api = await activate();
    assert.ok(ext.isActive, 'extension did not activate');
    assert.ok(api && typeof api === 'object', `activate() should export an API object, got ${typeof api}`);
    const ready = (api as { ready?: Promise<void> }).ready;
    assert.ok(ready && typeof ready.then === 'function', 'the API should export `ready` (server initialised)');
    await ready;
  });

  test('every contributed command is registered', async () => {
    await activate();
    const contributed = ((extension().packageJSON.contributes ?? {}) as Contributes).commands ?? [];
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !all.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('the report language is registered and applies by file name', async () => {
    const langs = ((extension().packageJSON.contributes ?? {}) as Contributes).languages ?? [];
    assert.ok(langs.length > 0, 'package.json contributes no language');
    const known = new Set(await vscode.languages.getLanguages());
    for (const l of langs) assert.ok(known.has(l.id), `language ${l.id} not registered`);
    const editor = await openFile('紫阳县2019年度政府信息公开工作年度报告.txt');
    assert.ok(langs.some((l) => l.id === editor.document.languageId),
      `a *年度报告.txt file should open as ${langs.map((l) => l.id).join('/')}, got ${editor.document.languageId}`);
  });

  test('report documents do not flag full-width punctuation and wrap long paragraphs', async () => {
    const editor = await openFile('紫阳县2019年度政府信息公开工作年度报告.txt');
    const config = vscode.workspace.getConfiguration('editor', editor.document);
    // ，（）： are the right characters in a Chinese report, not "ambiguous" look-alikes of , ( ) :.
    assert.equal(config.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(config.get('wordWrap'), 'on');
  });
});
