#!/usr/bin/env node
// The packaged extension in the real VS Code UI: installs THE .vsix (npm run package) into code-server
// (the in-repo offline route, test/e2e-route), opens sample reports of test/integration/workspace as a
// person would (Quick Open), and asserts on what the workbench shows:
//   - the Problems panel lists GR diagnostics at the right line/column (UTF-16, 1-based as shown),
//   - squiggles are drawn in the editor,
//   - a quick-fix title appears in the Ctrl+. menu,
// then takes extra screenshots (Outline view, the quick-fix menu open) with the same code-server, and
// restarts it with the display language zh-cn (test/integration/zh-cn-locale) to check what a Chinese
// VS Code shows: the command palette titles, the Problems panel and the quick-fix menu in Chinese
// (screenshots *-zh.png, the ones the README shows).
//
// usage: node test/integration/vsix-ui.mjs [gov-report.vsix]
// env:   GOVREPORT_E2E_OUT (default test-results/vsix-ui), E2E_HOME (test/e2e-route/install.sh)
// Exit 0 when every check passed; prints one line per check.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, launchChromium, sleep, startCodeServer } from '../e2e-route/code-server.mjs';
import { codeActionsAtFirstSquiggle, hoverFirstSquiggle, readProblems, squiggles, workbench } from '../e2e-route/workbench.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = resolve(ROOT, process.env.GOVREPORT_E2E_OUT || 'test-results/vsix-ui');
const WS = join(ROOT, 'test', 'integration', 'workspace');
const VSIX = resolve(ROOT, process.argv[2] || 'gov-report.vsix');

const ZIYANG = '紫阳县2019年度政府信息公开工作年度报告.txt';
const FILES = [ZIYANG, 'sample-003.txt', 'sample-004.txt', 'sample-001.txt'];

const t0 = Date.now();
const fail = (m) => { console.error(`vsix-ui: ${m}`); process.exit(1); };
if (!existsSync(VSIX)) fail(`${VSIX} not found: run \`npm run package\` first`);

// ---- run the UI ----------------------------------------------------------------------------------
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'govreport-vsix-ui-'));
const profile = { userDataDir: join(scratch, 'ud'), extensionsDir: join(scratch, 'ext') };
let server;
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const result = { files: [], problems: [], errors: [] };
try {
  console.log(`[vsix-ui] ${basename(VSIX)} -> code-server, opening ${FILES.join(', ')}`);
  installExtension(profile, VSIX);
  server = await startCodeServer(profile);
  await inWorkbench(server.url, async ({ page, command, open }) => {
    for (const [i, file] of FILES.entries()) {
      const entry = { file, opened: false };
      try {
        await open(file);
        entry.opened = true;
        await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
        await sleep(4000); // the extension activates and the server publishes
        entry.squiggles = await squiggles(page);
        if (entry.squiggles.error + entry.squiggles.warning + entry.squiggles.info > 0) {
          entry.hover = await hoverFirstSquiggle(page);
          entry.codeActions = await codeActionsAtFirstSquiggle(page);
        }
        await page.screenshot({ path: join(OUT, `${String(i + 1).padStart(2, '0')}-${file.replace(/[^\w.-]/g, '_')}.png`) });
      } catch (e) {
        result.errors.push(`${file}: ${String(e.message || e).split('\n')[0]}`);
      }
      result.files.push(entry);
    }
    await command('Focus on Problems View');
    await page.waitForSelector('.markers-panel', { timeout: 15000 });
    await sleep(800);
    result.problems = await readProblems(page);
    await page.screenshot({ path: join(OUT, 'problems.png') });
  });
} catch (e) {
  await server?.stop();
  fail(`the UI run failed: ${e && e.stack ? e.stack : e}`);
}
writeFileSync(join(OUT, 'result.json'), JSON.stringify(result, null, 2));

// ---- checks --------------------------------------------------------------------------------------
let passed = 0; let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name}${detail ? `\n       ${detail}` : ''}`); }
};
const lines = (f) => readFileSync(join(WS, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
/** 1-based line and column (as the Problems panel shows them) of the first line starting with prefix. */
const headingAt = (f, prefix) => {
  const ls = lines(f);
  const i = ls.findIndex((l) => l.replace(/^[\s\u3000]+/, '').startsWith(prefix));
  return i < 0 ? null : { line: i + 1, column: ls[i].length - ls[i].replace(/^[\s\u3000]+/, '').length + 1 };
};
const rowsOf = (f) => result.problems.filter((p) => p.file && (p.file === f || p.file.endsWith(`/${f}`) || p.file.startsWith(`${f} `) || p.file.includes(f)));
const fmt = (rows) => rows.map((r) => `${r.code}@${r.line}:${r.column}[${r.severity}]`).join(' ') || '(none)';
const codeIs = (r, c) => (r.code || '').replace(/[()\s]/g, '') === c;
const has = (f, code, at, severity) => rowsOf(f).some((r) => codeIs(r, code) && r.line === at.line && r.column === at.column && (!severity || r.severity === severity));

check('UI run opened every file without error', result.errors.length === 0 && result.files.every((f) => f.opened), JSON.stringify(result.errors));
for (const h of ['二、', '三、', '四、']) {
  const at = headingAt(ZIYANG, h);
  check(`Problems: ${ZIYANG} GR010 error at ${at.line}:${at.column} (heading ${h})`, has(ZIYANG, 'GR010', at, 'error'), fmt(rowsOf(ZIYANG)));
}
// 003 lost the headings 三 and 四: each GR001 sits on the first line of its orphaned table.
const t3At = headingAt('sample-003.txt', '（本列数据的勾稽关系');
const t4At = headingAt('sample-003.txt', '行政复议');
check(`Problems: sample-003.txt GR001 at ${t3At.line}:${t3At.column} and ${t4At.line}:${t4At.column} (missing 三 and 四, on their tables)`,
  has('sample-003.txt', 'GR001', t3At) && has('sample-003.txt', 'GR001', t4At), fmt(rowsOf('sample-003.txt')));
const five = t3At;
check('Problems: sample-004.txt GR005 on the title (1:1)', has('sample-004.txt', 'GR005', { line: 1, column: 1 }), fmt(rowsOf('sample-004.txt')));
check('Problems: sample-001.txt has GR diagnostics', rowsOf('sample-001.txt').some((r) => /^GR\d{3}$/.test((r.code || '').replace(/[()\s]/g, ''))), fmt(rowsOf('sample-001.txt')));
check('Problems: every row has a message and the govreport source',
  result.problems.length > 0 && result.problems.every((r) => r.message && r.message.trim() && r.source === 'govreport'),
  JSON.stringify(result.problems.find((r) => !r.message || r.source !== 'govreport')));

const byFile = Object.fromEntries(result.files.map((f) => [f.file, f]));
check(`Editor: squiggles drawn in ${ZIYANG}`, (byFile[ZIYANG]?.squiggles?.error ?? 0) > 0, JSON.stringify(byFile[ZIYANG]?.squiggles));

// Quick-fix titles: the fix templates of both catalogues ("Insert heading \"{heading}\"" -> /^Insert heading ".*"$/).
const templates = [];
for (const loc of ['en', 'zh-cn']) {
  const dir = join(ROOT, 'server', 'src', 'core', 'messages', loc);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(GR\d{3}\.fix\w*)'\s*:\s*(['"`])((?:\\.|(?!\2).)*)\2/g)) {
      const t = m[3].replace(/\\(.)/g, '$1');
      templates.push(new RegExp(`^${t.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`));
    }
  }
}
const titles = result.files.flatMap((f) => (f.codeActions || []).map((t) => ({ file: f.file, t })));
const fixTitle = titles.find(({ t }) => templates.some((re) => re.test(t)));
check('Quick fix: a fix title from the catalogue appears in the Ctrl+. menu', !!fixTitle,
  `titles seen: ${JSON.stringify(titles)}; ${templates.length} templates`);
if (fixTitle) console.log(`       (${fixTitle.file}: "${fixTitle.t}")`);
const hovers = result.files.filter((f) => f.hover).map((f) => f.hover);
check('Hover: the diagnostic hover shows a GR code', hovers.some((h) => /GR\d{3}/.test(h)), JSON.stringify(hovers).slice(0, 300));

// ---- extra screenshots on the same server: the Outline view, the quick-fix menu open -------------
try {
  const shots = await extraScreenshots(server.url);
  check('Screenshots: outline and quick-fix menu', shots.length === 2, shots.join(', '));
} catch (e) {
  check('Screenshots: outline and quick-fix menu', false, String(e && e.message || e).split('\n')[0]);
}
try {
  const shot = await previewScreenshot(server.url);
  check('Preview: 预览年度报告 opens the official layout beside the report (preview.png)', shot.ok, shot.detail);
} catch (e) {
  check('Preview: 预览年度报告 opens the official layout beside the report (preview.png)', false, String(e && e.message || e).split('\n')[0]);
}
try {
  const rule = await ruleLinkPreview(server.url);
  check('Rule link: clicking a GR code in the Problems panel opens docs/rules/GRxxx.md as a rendered preview (rule-preview.png)', rule.ok, rule.detail);
} catch (e) {
  check('Rule link: clicking a GR code in the Problems panel opens docs/rules/GRxxx.md as a rendered preview (rule-preview.png)', false, String(e && e.message || e).split('\n')[0]);
}
try {
  await restartInChinese();
  const zh = await chineseUi(server.url);
  check('zh-cn UI: the command palette lists 新建政府信息公开年度报告 under 政府信息公开年报', zh.palette, zh.paletteText);
  check('zh-cn UI: the Problems panel shows Chinese messages (GR010 “…”缺少统计表)', zh.problems, zh.problemsText);
  check('zh-cn UI: the Ctrl+. menu offers 插入标题“三、…”', zh.quickfix, zh.quickfixText);
  const shot = await previewScreenshot(server.url, 'preview-zh.png', '导出为 Word');
  check('zh-cn UI: the preview toolbar (图例, 导出为 Word) comes from the catalogue in Chinese (preview-zh.png)', shot.ok, shot.detail);
} catch (e) {
  check('zh-cn UI: code-server restarted with --locale zh-cn', false, String(e && e.message || e).split('\n')[0]);
}
await server.stop();

console.log(`[vsix-ui] ${passed} passed, ${failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots and result.json in ${OUT}`);
process.exit(failed ? 1 : 0);

async function extraScreenshots(url) {
  const out = [];
  await inWorkbench(url, async ({ page, command, open }) => {
    // 1. Outline: sample-001 (sections with sub-headings and tables), expanded, with room to show it:
    //    the folder tree collapsed, toasts (the parent folder's git repository) cleared.
    await open('sample-001.txt');
    await command('Explorer: Focus on Outline View');
    await page.locator('.explorer-folders-view').waitFor();
    const folderHeader = page.locator('.pane-header', { has: page.locator('h3', { hasText: /workspace/i }) }).first();
    if (await folderHeader.getAttribute('aria-expanded') === 'true') await folderHeader.click();
    await command('Notifications: Clear All Notifications').catch(() => {});
    await command('Explorer: Focus on Outline View');
    await page.waitForSelector('.outline-pane .monaco-list-row');
    await page.waitForFunction(() => document.querySelectorAll('.outline-pane .monaco-list-row').length >= 6);
    // Expand the nodes as a person would: Right expands the focused row, Down moves on.
    await page.locator('.outline-pane .monaco-list-row').first().click();
    for (let i = 0; i < 30; i++) { await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowDown'); }
    await page.keyboard.press('Home');
    await page.waitForTimeout(500); // the tree's expand animation, for the picture only
    await page.screenshot({ path: join(OUT, 'outline.png') });
    out.push(join(OUT, 'outline.png'));
    // 2. A diagnostic with its quick-fix menu open: sample-003, on the GR001 at 表三's note.
    await open('sample-003.txt');
    await command('Notifications: Clear All Notifications').catch(() => {});
    await command('Go to Line/Column...');
    await page.keyboard.type(`${five.line}:${five.column + 1}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-instance .view-overlays [class*="squiggly-error"]');
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget .monaco-list-row');
    await page.screenshot({ path: join(OUT, 'quickfix.png') });
    out.push(join(OUT, 'quickfix.png'));
    await page.keyboard.press('Escape');
  });
  return out;
}

/** 预览年度报告 on huaian-2024 with 表三 in view (scroll sync): preview.png, the README's picture. */
/** `file`: the screenshot's name; `button`: the toolbar's export button as the display language writes it (catalogue). */
async function previewScreenshot(url, file = 'preview.png', button = 'Export to Word') {
  let result = { ok: false, detail: 'not run' };
  let stage = 'open';
  await inWorkbench(url, async ({ page, command, open }) => {
    await open('huaian-2024.txt');
    stage = 'palette';
    await command('预览年度报告'); // matches the English title "Preview Annual Report (预览年度报告)" and the Chinese one
    stage = 'webview';
    await command('Notifications: Clear All Notifications').catch(() => {});
    await page.waitForSelector('iframe.webview', { timeout: 30_000 });
    await page.waitForTimeout(4000); // the server's first preview loads dist/publish.js
    await command('Go to Line/Column...');
    await page.keyboard.type('111');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    // The webview's document sits in nested iframes; read its text to check the merged header.
    let text = '';
    for (const f of page.frames()) text += await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    await page.screenshot({ path: join(OUT, file) });
    const ok = text.includes('申请人情况') && text.includes('法人或其他组织') && text.includes(button);
    result = { ok, detail: ok ? join(OUT, file) : `toolbar "${button}" or merged headers not seen: ${text.slice(0, 300)}` };
  }).catch((e) => { throw new Error(`${stage}: ${String(e && e.message || e)}`); });
  return result;
}

/**
 * The rule page from the packaged extension: a click on the first code link of the Problems panel
 * (command:govreport.showRule) opens the bundled docs/rules/GRxxx.md in the Markdown preview.
 */
async function ruleLinkPreview(url) {
  let result = { ok: false, detail: 'not run' };
  await inWorkbench(url, async ({ page, command, open }) => {
    await open(ZIYANG);
    await sleep(4000); // the extension activates and the server publishes
    await command('Notifications: Clear All Notifications').catch(() => {});
    await command('Problems: Focus on Problems View');
    const link = page.locator('.markers-panel a.monaco-link', { has: page.locator('.marker-code') }).first();
    await link.waitFor({ state: 'visible', timeout: 30000 });
    const href = (await link.getAttribute('href')) || (await link.getAttribute('title')) || '';
    const code = /GR\d{3}/.exec(href)?.[0] || '';
    await link.click();
    const tab = page.locator('.tabs-container .tab', { hasText: new RegExp(`${code}\\.md`) }).first();
    await tab.waitFor({ state: 'visible', timeout: 30000 });
    await page.waitForSelector('iframe.webview', { timeout: 30000 });
    // The preview's text sits in nested iframes: the rendered heading, not the '#' source.
    let text = '';
    for (let i = 0; i < 20 && !text.includes('默认级别'); i++) {
      text = '';
      for (const f of page.frames()) text += await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (!text.includes('默认级别')) await sleep(500);
    }
    const tabText = (await tab.textContent()) || '';
    await page.screenshot({ path: join(OUT, 'rule-preview.png') });
    result = {
      ok: href.startsWith('command:govreport.showRule') && !!code && text.includes('默认级别') && !new RegExp(`# ${code}`).test(text),
      detail: `href ${href}; tab "${tabText}"; preview text ${JSON.stringify(text.slice(0, 120))}`,
    };
  });
  return result;
}

/** Stops code-server and starts it again, same profile and port, display language zh-cn. */
async function restartInChinese() {
  await server.stop();
  const { installZhCnPack } = createRequire(import.meta.url)('./zh-cn-locale/profile.js');
  const locale = installZhCnPack(profile.userDataDir, profile.extensionsDir);
  server = await startCodeServer(profile, { locale, port: server.port });
}

/** The Chinese UI: command palette, Problems panel, quick-fix menu; a screenshot of each. */
async function chineseUi(url) {
  const r = { palette: false, paletteText: '', problems: false, problemsText: '', quickfix: false, quickfixText: '' };
  // VS Code's own strings stay English (the test pack translates nothing): commands by English label.
  await inWorkbench(url, async ({ page, command, open }) => {
    // 1. The command palette, filtered on 政府信息公开: our commands with their Chinese titles.
    await open(ZIYANG);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>政府信息公开');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    await page.waitForTimeout(300); // the list settles, for the picture only
    r.paletteText = (await rows.allTextContents()).join(' | ');
    r.palette = r.paletteText.includes('政府信息公开年报: 新建政府信息公开年度报告');
    await page.screenshot({ path: join(OUT, 'palette-zh.png') });
    await page.keyboard.press('Escape');
    // 2. The Problems panel with 紫阳县's three GR010 in Chinese.
    await command('Notifications: Clear All Notifications').catch(() => {});
    await command('Problems: Focus on Problems View');
    await page.waitForFunction(() => /缺少统计表/.test(document.querySelector('.markers-panel')?.textContent || ''), undefined, { timeout: 30000 }).catch(() => {});
    r.problemsText = ((await page.locator('.markers-panel').textContent().catch(() => '')) || '').slice(0, 400);
    r.problems = /GR010/.test(r.problemsText) && /“二、[^”]*”缺少统计表/.test(r.problemsText);
    await page.screenshot({ path: join(OUT, 'problems-zh.png') });
    // 3. sample-003's GR001 (heading 三 missing above its table) with the quick-fix menu open.
    await open('sample-003.txt');
    await command('Go to Line/Column...');
    await page.keyboard.type(`${t3At.line}:${t3At.column + 1}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-instance .view-overlays [class*="squiggly-error"]');
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget .monaco-list-row');
    r.quickfixText = (await page.locator('.action-widget').textContent()) || '';
    r.quickfix = /插入标题“三、收到和处理政府信息公开申请情况”/.test(r.quickfixText);
    await page.screenshot({ path: join(OUT, 'quickfix-zh.png') });
    await page.keyboard.press('Escape');
  });
  return r;
}

/**
 * Opens the workspace in a fresh headless Chromium on the running code-server, clears the toasts,
 * and hands `use` the page with what a person does there (test/e2e-route/workbench.mjs).
 */
async function inWorkbench(url, use) {
  const profileDir = join(OUT, '.chromium');
  const ctx = await launchChromium(profileDir, { viewport: { width: 1400, height: 860 } });
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    page.setDefaultTimeout(30000);
    await page.goto(`${url}/?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    const wb = workbench(page);
    await wb.closeToasts();
    await use({ page, ...wb });
  } finally {
    await ctx.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
