// Layout at 1366×768 (issue 14 item 16), in both languages: the attendance grid's row-fill
// buttons, long names in the residents list, the printed training summary's headers, the
// "saved" message over a drawer, the forms a registration offers to print, and a county
// station's header and menu. Set LEYE_LAYOUT_SHOTS=/some/dir to keep a screenshot of each screen.
// The page's DOM is read with string expressions (this file is type-checked without the DOM lib).

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { connectToUrl } from '../../src-main/host/socketClient';
import { launchBrowser, localToday, logInIfAsked, startHost, tempDir } from './harness';
import { LONG_NAMES, PRINT_CLERK, previousMonth, seedAttendance, seedResidents, seedTraining, setUpPrintStation, type SeededPost, type SeededResidents, type SeededSession } from './printSeed';

const SHOTS = process.env.LEYE_LAYOUT_SHOTS;
const LANGUAGES = ['zh-CN', 'en'] as const;
const WIDTH = 1366;
const HEIGHT = 768;

async function snap(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function useLanguage(page: Page, language: string, account: { loginName: string; password: string }): Promise<void> {
  // A printed form has no header to log in from: reload on the residents list.
  await page.evaluate(`localStorage.setItem('leye.language', ${JSON.stringify(language)}); window.location.hash = '#/residents'`);
  await page.reload();
  await logInIfAsked(page, account);
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await page.waitForTimeout(300);
}

/** The words (whitespace-separated; a Chinese heading is one word) of these cells' own text that break across lines. */
const BROKEN_WORDS = (selector: string) => `[...document.querySelectorAll(${JSON.stringify(selector)})].flatMap((cell) => {
  const text = cell.firstChild;
  if (!text || text.nodeType !== 3 || !text.textContent) return [];
  return [...text.textContent.matchAll(/\\S+/g)].filter((m) => {
    const range = document.createRange();
    range.setStart(text, m.index);
    range.setEnd(text, m.index + m[0].length);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
  }).map((m) => m[0]);
})`;

describe('layout at 1366×768', () => {
  const dataDir = tempDir('leye-e2e-layout-');
  const today = localToday();
  const month = previousMonth();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let core: { client: LeyeBridge; close(): void };
  let post: SeededPost;
  let residents: SeededResidents;
  let training: SeededSession;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    core = await connectToUrl(host.url);
    await setUpPrintStation(core.client);
    post = await seedAttendance(core.client, month, 6, today);
    residents = await seedResidents(core.client, today);
    training = await seedTraining(core.client, today, 6);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
    await page.goto(host.url);
    await logInIfAsked(page, PRINT_CLERK);
  }, 120_000);

  afterAll(async () => {
    core?.close();
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const language of LANGUAGES) {
    it(`shows every row-fill button of the attendance grid whole (${language})`, async () => {
      await useLanguage(page, language, PRINT_CLERK);
      await go(page, `#/posts/${encodeURIComponent(post.postId)}/attendance/${month}`);
      const fills = page.locator('[data-testid^="row-fill-"]');
      await fills.first().waitFor();
      await page.waitForTimeout(500);
      await snap(page, `attendance-${language}`);
      expect(await fills.count()).toBe(6);
      // Each button lies inside the grid's visible (scrolled) area and the window.
      const hidden = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid^="row-fill-"]')].filter((b) => {
        const box = b.getBoundingClientRect();
        let right = window.innerWidth;
        for (let p = b.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') right = Math.min(right, p.getBoundingClientRect().right);
        return box.right > right + 0.5;
      }).map((b) => b.dataset.testid)`);
      expect(hidden).toEqual([]);
    });

    it(`gives a long name in the residents list the whole name as a tooltip, and no timing next to the count (${language})`, async () => {
      await useLanguage(page, language, PRINT_CLERK);
      await go(page, '#/residents');
      const cell = page.getByTestId('resident-name').filter({ hasText: LONG_NAMES[0]!.slice(0, 4) }).first();
      await cell.waitFor();
      await snap(page, `residents-${language}`);
      expect(await cell.getAttribute('title')).toBe(LONG_NAMES[0]);
      expect(await cell.evaluate((el) => (el as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth > (el as unknown as { clientWidth: number }).clientWidth)).toBe(true);
      const toolbar = await page.getByTestId('resident-total').locator('..').innerText();
      expect(toolbar).not.toMatch(/毫秒|\bms\b/);
      // The toolbar is one row: no item lies below the search box.
      const below = await page.evaluate<string[]>(`(() => {
        const items = [...document.querySelectorAll('[data-testid="resident-toolbar"] > .ant-space-item')];
        const first = items[0].getBoundingClientRect();
        return items.filter((el) => el.getBoundingClientRect().top >= first.bottom).map((el) => el.textContent);
      })()`);
      expect(below).toEqual([]);
    });

    it(`keeps every header of the session's attendance rates on one line (${language})`, async () => {
      await useLanguage(page, language, PRINT_CLERK);
      await go(page, `#/training/${encodeURIComponent(training.sessionId)}`);
      const panel = page.getByTestId('attendance-panel');
      await panel.waitFor();
      await panel.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await snap(page, `session-${language}`);
      expect(await page.evaluate<string[]>(BROKEN_WORDS('[data-testid="attendance-panel"] thead th'))).toEqual([]);
    });

    it(`keeps the post's holders table on one line per holder: names, headers and periods whole (${language})`, async () => {
      await useLanguage(page, language, PRINT_CLERK);
      await go(page, `#/posts/${encodeURIComponent(post.postId)}`);
      await page.getByTestId('holder-row').first().waitFor();
      await snap(page, `post-holders-${language}`);
      const broken = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="holder-row"] td, [data-testid="holder-row"] ~ tr td')]
        .concat([...document.querySelectorAll('[data-testid="holder-row"]')].map((r) => r.closest('table')).flatMap((t) => t ? [...t.querySelectorAll('thead th')] : []))
        .filter((cell) => cell.textContent.trim() && cell.getClientRects()[0] && cell.scrollHeight > 0 && [...cell.querySelectorAll('*')].concat([cell]).some((el) => {
          const lh = parseFloat(getComputedStyle(el).lineHeight) || 22;
          return el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() && (() => { const r = document.createRange(); r.selectNodeContents(n); return r.getClientRects().length > 1 || r.getBoundingClientRect().height > lh * 1.5; })());
        }))
        .map((cell) => cell.textContent.trim())`);
      expect(broken).toEqual([]);
    });

    it(`breaks no header word of the printed training summary across lines (${language})`, async () => {
      await useLanguage(page, language, PRINT_CLERK);
      await go(page, `#/print/trainingSummary/${encodeURIComponent(training.sessionId)}`);
      await page.locator('[data-print-ready="true"]').waitFor({ timeout: 30_000 });
      await snap(page, `summary-print-${language}`);
      expect(await page.evaluate<string[]>(BROKEN_WORDS('.pf-summary thead th'))).toEqual([]);
    });

    it(`shows "saved" below a drawer's title, never over it (${language})`, async () => {
      await useLanguage(page, language, PRINT_CLERK);
      await go(page, `#/training/${encodeURIComponent(training.sessionId)}`);
      await page.getByTestId('session-edit').click();
      const header = page.locator('.ant-drawer-header').last();
      await header.waitFor();
      await page.getByTestId('session-save').click();
      const notice = page.locator('.ant-message-notice').first();
      await notice.waitFor();
      await page.waitForTimeout(400); // slid into place
      await snap(page, `saved-message-${language}`);
      const toast = (await notice.boundingBox())!;
      // The drawer's header line (title, close) and the app's header end above the message.
      expect(toast.y).toBeGreaterThanOrEqual(72);
      // The drawer closes once saved: its header is measured once, if it is still there.
      const box = await header.boundingBox({ timeout: 1_000 }).catch(() => null);
      if (box) expect(toast.y).toBeGreaterThanOrEqual(box.y + box.height);
    });

    it(`offers a 就业困难 application only the forms that fit it (${language})`, async () => {
      await useLanguage(page, language, PRINT_CLERK);
      await go(page, `#/residents/${encodeURIComponent(residents.hardship.id)}`);
      await page.getByTestId('print-hardship').waitFor();
      await snap(page, `hardship-${language}`);
      expect(await page.getByTestId('print-registration').count()).toBe(0);
      await go(page, `#/residents/${encodeURIComponent(residents.unemployed.id)}`);
      await page.getByTestId('print-registration').waitFor();
      expect(await page.getByTestId('print-hardship').count()).toBe(0);
    });
  }
});

describe('a county station at 1366×768', () => {
  const dataDir = tempDir('leye-e2e-layout-county-');
  const ADMIN = { loginName: 'county-admin', displayName: '县级管理员', password: 'County-layout-1' };
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    const core = await connectToUrl(host.url);
    await core.client.call('station.setup', { placeCode: '370102', clerk: ADMIN });
    core.close();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
    await page.goto(host.url);
    await logInIfAsked(page, ADMIN);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const language of LANGUAGES) {
    it(`fits its header and its whole menu, 审计日志 included, and names its own status (${language})`, async () => {
      await useLanguage(page, language, ADMIN);
      await page.getByTestId('side-menu').waitFor();
      await page.waitForTimeout(300);
      await snap(page, `county-${language}`);
      const overflow = await page.evaluate<{ header: boolean; menu: boolean }>(`(() => {
        const header = document.querySelector('.leye-header');
        const menu = document.querySelector('[data-testid="side-menu"]');
        return { header: header.scrollWidth > header.clientWidth + 1, menu: menu.scrollHeight > menu.clientHeight + 1 };
      })()`);
      expect(overflow).toEqual({ header: false, menu: false });
      const audit = (await page.getByTestId('nav-audit').boundingBox())!;
      expect(audit.y + audit.height).toBeLessThanOrEqual(HEIGHT);
      const sync = await page.getByTestId('sync-indicator').innerText();
      expect(sync).not.toMatch(/未连接县级$|Not connected to county/);
      expect(await page.getByTestId('sync-waiting').count()).toBe(0);
    });
  }
});
