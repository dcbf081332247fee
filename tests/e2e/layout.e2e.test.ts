// Layout at 1366×768 (issue 14 item 16), in both languages: the attendance grid's row-fill
// buttons, long names in the residents list, the training summary's headers, the drawer's title
// under the "saved" message, and the forms a registration offers to print.
// Set LEYE_LAYOUT_SHOTS=/some/dir to keep a screenshot of each screen.

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

async function snap(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function useLanguage(page: Page, language: string): Promise<void> {
  await page.evaluate((l) => {
    localStorage.setItem('leye.language', l);
    // A printed form has no header to log in from.
    window.location.hash = '#/residents';
  }, language);
  await page.reload();
  await logInIfAsked(page, PRINT_CLERK);
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.waitForTimeout(300);
}

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
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
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
      await useLanguage(page, language);
      await go(page, `#/posts/${encodeURIComponent(post.postId)}/attendance/${month}`);
      await page.locator('[data-testid^="row-fill-"]').first().waitFor();
      await page.waitForTimeout(500);
      await snap(page, `attendance-${language}`);
      const fills = page.locator('[data-testid^="row-fill-"]');
      expect(await fills.count()).toBeGreaterThan(0);
      for (const button of await fills.all()) {
        const box = (await button.boundingBox())!;
        const clip = await button.evaluate((el) => {
          // The nearest scrolling or clipping ancestor's visible right edge.
          for (let p = el.parentElement; p; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (style.overflowX !== 'visible') return p.getBoundingClientRect().right;
          }
          return window.innerWidth;
        });
        expect(box.x + box.width).toBeLessThanOrEqual(Math.min(1366, clip) + 0.5);
      }
    });

    it(`gives a long name in the residents list an ellipsis and the whole name as a tooltip (${language})`, async () => {
      await useLanguage(page, language);
      await go(page, '#/residents');
      const cell = page.getByTestId('resident-name').filter({ hasText: LONG_NAMES[0]!.slice(0, 4) }).first();
      await cell.waitFor();
      await snap(page, `residents-${language}`);
      expect(await cell.getAttribute('title')).toBe(LONG_NAMES[0]);
      expect(await cell.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    });

    it(`keeps every header of the training summary on one line (${language})`, async () => {
      await useLanguage(page, language);
      await go(page, `#/training/${encodeURIComponent(training.sessionId)}`);
      const panel = page.getByTestId('attendance-panel');
      await panel.waitFor();
      await panel.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await snap(page, `session-${language}`);
      const wrapped = await panel.locator('thead th').evaluateAll((cells) =>
        cells.filter((c) => c.textContent && c.scrollHeight > parseFloat(getComputedStyle(c).lineHeight) * 1.6 + 16).map((c) => c.textContent),
      );
      expect(wrapped).toEqual([]);
    });

    it(`breaks no header word of the printed training summary across lines (${language})`, async () => {
      await useLanguage(page, language);
      await go(page, `#/print/trainingSummary/${encodeURIComponent(training.sessionId)}`);
      await page.locator('[data-print-ready="true"]').waitFor({ timeout: 30_000 });
      await snap(page, `summary-print-${language}`);
      const broken = await page.locator('.pf-summary thead th').evaluateAll((cells) =>
        cells.flatMap((cell) => {
          const text = cell.firstChild;
          if (!text || text.nodeType !== Node.TEXT_NODE || !text.textContent) return [];
          const out: string[] = [];
          // Each whitespace-separated word (a Chinese heading is one word) sits on one line.
          for (const match of text.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push(match[0]);
          }
          return out;
        }),
      );
      expect(broken).toEqual([]);
    });

    it(`offers a 就业困难 application only the forms that fit it (${language})`, async () => {
      await useLanguage(page, language);
      await go(page, `#/residents/${encodeURIComponent(residents.hardship.id)}`);
      await page.getByTestId('print-hardship').or(page.getByTestId('print-registration')).first().waitFor();
      await snap(page, `hardship-${language}`);
      expect(await page.getByTestId('print-registration').count()).toBe(0);
    });
  }
});
