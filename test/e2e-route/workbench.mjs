// What a person does in the VS Code workbench, for playwright: run a command from the palette, open a
// file with Quick Open, look at squiggles, hover, the Ctrl+. menu and the Problems panel. Used by
// test/integration/vsix-ui.mjs; the selectors are VS Code 1.100's.
import { sleep } from './code-server.mjs';

export function workbench(page) {
  /** F1, type the command's label, click the matching row. */
  const command = async (label) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  };
  /** Ctrl+P, the file's path, Enter once it is the first pick; done when the window title names it. */
  const open = async (rel) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(rel);
    await page.waitForFunction((n) => {
      const row = document.querySelector('.quick-input-list .monaco-list-row');
      return row && (row.getAttribute('aria-label') || row.textContent || '').includes(n);
    }, rel);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.title.startsWith(n), rel);
  };
  /** Toasts (extension recommendations, the parent folder's git repository) would cover the panels. */
  const closeToasts = async () => {
    for (const b of await page.$$('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close')) {
      await b.click({ timeout: 1000 }).catch(() => {});
    }
  };
  return { command, open, closeToasts };
}

const countSquiggles = (page) => page.evaluate(() => {
  const ed = document.querySelector('.editor-instance .monaco-editor');
  const c = (cls) => (ed ? ed.querySelectorAll(`.view-overlays .${cls}`).length : 0);
  return { error: c('squiggly-error'), warning: c('squiggly-warning'), info: c('squiggly-info'), hint: c('squiggly-hint') };
});

/** Squiggles of the active editor once the server has published: non-zero and stable, or what is there after `ms`. */
export async function squiggles(page, ms = 4000) {
  let last = await countSquiggles(page);
  for (const end = Date.now() + ms; Date.now() < end;) {
    await sleep(300);
    const now = await countSquiggles(page);
    if (now.error + now.warning + now.info + now.hint > 0 && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

const firstSquiggle = (page) => page.locator('.editor-instance .monaco-editor .view-overlays [class*="squiggly-"]').first().boundingBox();

/** The hover text over the first squiggle, or null. */
export async function hoverFirstSquiggle(page) {
  const box = await firstSquiggle(page);
  if (!box) return null;
  await page.mouse.move(box.x + Math.min(4, box.width / 2), box.y + box.height / 2);
  try {
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    await hover.waitFor({ state: 'visible', timeout: 5000 });
    return (await hover.innerText()).trim();
  } catch { return null; } finally { await page.mouse.move(5, 500); }
}

/** The action titles of the Ctrl+. menu at the first squiggle. */
export async function codeActionsAtFirstSquiggle(page) {
  const box = await firstSquiggle(page);
  if (!box) return [];
  await page.mouse.click(box.x + Math.min(2, box.width / 2), box.y + box.height / 2);
  await page.keyboard.press('Control+.');
  try {
    await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 5000 });
    return await page.$$eval('.action-widget .monaco-list-row', (rows) => rows
      .filter((r) => !r.classList.contains('group-header') && !r.classList.contains('separator'))
      .map((r) => (r.querySelector('.title')?.textContent || r.getAttribute('aria-label') || r.textContent || '').trim())
      .filter(Boolean));
  } catch { return []; } finally { await page.keyboard.press('Escape'); }
}

/**
 * Every row of the (focused) Problems panel: { file, severity, message, source, code, line, column },
 * line/column 1-based as the panel shows them. The panel is a virtual list: scroll and collect.
 */
export async function readProblems(page) {
  const seen = new Map();
  const list = page.locator('.markers-panel .monaco-list').first();
  for (let round = 0; round < 200; round++) {
    const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((r) => {
      const icon = r.querySelector('.marker-icon');
      const txt = (sel) => r.querySelector(sel)?.textContent?.trim() || null;
      return {
        index: Number(r.getAttribute('data-index')),
        resource: r.querySelector('.resource-label-container .monaco-icon-label')?.getAttribute('aria-label') || r.getAttribute('aria-label'),
        severity: icon ? (['error', 'warning', 'info'].find((c) => icon.classList.contains(c)) || 'hint') : null,
        message: [...r.querySelectorAll('.marker-message-line .marker-message')].map((m) => m.textContent).join('\n') || null,
        source: txt('.marker-source'), code: txt('.marker-code'), position: txt('.marker-line'),
      };
    }));
    const before = seen.size;
    for (const r of rows) seen.set(r.index, r);
    if (round > 0 && seen.size === before) break;
    await list.hover().catch(() => {});
    await page.mouse.wheel(0, 600);
    await sleep(150);
  }
  const out = [];
  let file = null;
  for (const r of [...seen.values()].sort((a, b) => a.index - b.index)) {
    if (!r.severity) { file = r.resource; continue; } // a file row heads its markers
    const m = /Ln (\d+), Col (\d+)/.exec(r.position || '');
    out.push({ file, severity: r.severity, message: r.message, source: r.source, code: r.code,
      line: m ? Number(m[1]) : null, column: m ? Number(m[2]) : null });
  }
  return out;
}
