// The townships' payrolls at the county, in the browser: a county server (PouchDB Server,
// provisioned) with two townships; in the first, village A closed its month and village B did not;
// in the second, village C closed. The county station's 补贴发放表 screen shows each township's
// status for the month (complete, or the village missing) with the holders and pay due of the
// closed villages and the county's total; its plan card takes the year's plan figure and shows the
// places created against it, per township; in both languages, at 1366×768.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { provisionCounty, type CreatedAccount } from '../../county/provision';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { placeName } from '../../shared/places';
import { MONTH, seedPost } from '../../src-main/core/payroll/testVillages';
import { connectToUrl } from '../../src-main/host/socketClient';
import { eventually, launchBrowser, logInIfAsked, shot, startHost, tempDir, textOf, waitForText, type RunningHost } from './harness';

const COUNTY = '370102';
const T1 = '370102001';
const T2 = '370102002';
const A = '370102001002';
const B = '370102001003';
const C = '370102002002';
const ADMIN = { user: 'admin', password: 'e2e-county-admin' };
const CLERK = { loginName: 'admin01', displayName: '王丽', password: 'Leye-2025-pass' };

interface Running {
  host: RunningHost;
  leye: LeyeBridge;
  close(): void;
}

/** The core-side seeding helper, driven through the station's bridge. */
const asStation = (leye: LeyeBridge) => ({ core: { call: (_session: unknown, name: string, args: unknown) => leye.call(name as never, args as never) }, session: null }) as unknown as Parameters<typeof seedPost>[0];

describe('the townships’ payrolls and the post plan at the county', () => {
  let server: PouchServer;
  let accounts: CreatedAccount[] = [];
  const stations: Running[] = [];
  let browser: Browser;
  let county: Running;

  async function station(place: string, account: string): Promise<Running> {
    const host = await startHost({ dataDir: tempDir() });
    const { client: leye, close } = await connectToUrl(host.url);
    const running = { host, leye, close };
    stations.push(running);
    await leye.call('station.setup', { placeCode: place, clerk: CLERK });
    await leye.call('auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    await leye.call('sync.connect', { setupCode: accounts.find((a) => a.name === account)!.setupCode });
    return running;
  }

  beforeAll(async () => {
    server = await startPouchServer({ dir: tempDir('leye-e2e-county-payroll-') });
    await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
    accounts = (
      await provisionCounty(server.url, ADMIN, {
        county: COUNTY,
        townships: [
          { code: T1, villages: [A, B] },
          { code: T2, villages: [C] },
        ],
        staff: [{ name: 'county-li', displayName: '李科长' }],
      })
    ).created;
    const [a, b, c] = await Promise.all([station(A, `station-${A}`), station(B, `station-${B}`), station(C, `station-${C}`)]);
    await seedPost(asStation(a.leye), A, 'A-1', ['张一', '张二'], [10, 5], true);
    await seedPost(asStation(b.leye), B, 'B-1', ['李一'], [8], false, 200);
    await seedPost(asStation(c.leye), C, 'C-1', ['赵一'], [10], true, 300);
    for (const s of [a, b, c]) expect((await s.leye.call('sync.now', {})).failure).toBeNull();
    county = await station(COUNTY, 'county-li');
    await eventually('the aggregate to hold both townships', async () => (await county.leye.call('payroll.county', { month: MONTH })).townships.length === 2 && (await county.leye.call('payroll.plan', { year: 2026 })).created === 4, 60_000);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of stations) s.close();
    await Promise.all(stations.map((s) => s.host.stop()));
    await server?.stop();
  });

  async function openMonth(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
    // The host's address carries the page's key to the core: opened once, then the hash moves.
    if (!page.url().startsWith('http')) await page.goto(county.host.url);
    await page.evaluate((l) => localStorage.setItem('leye.language', l), language);
    await page.evaluate(`window.location.hash = '#/payroll'`);
    await page.reload();
    await logInIfAsked(page, CLERK);
    await page.getByTestId('payroll-county').waitFor();
    await page.getByTestId('payroll-county-month').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(MONTH);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.getByTestId(`payroll-county-${T2}`).waitFor();
  }

  it('shows each township’s status for the month with the totals, and the plan against the places created, in both languages', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openMonth(page, 'zh-CN');
    // The plan figure, entered here: 4 places created of the 120 planned.
    const plan = page.getByTestId('post-plan');
    await plan.getByTestId('post-plan-places').fill('120');
    await plan.locator('input[placeholder]').fill('鲁人社规〔2024〕1号');
    await page.getByTestId('post-plan-save').click();
    await waitForText(plan, '3.3%');

    for (const [language, words] of [
      ['zh-CN', { complete: '已齐全', missing: '有村未结账', open: `${placeName(B)}（1 个岗位）`, total: '合计（3 人）', planned: '计划岗位数' }],
      ['en', { complete: 'Complete', missing: 'Villages missing', open: `${placeName(B)} (posts not closed: 1)`, total: 'Total (3)', planned: 'Planned places' }],
    ] as const) {
      await openMonth(page, language);
      const first = await textOf(page.getByTestId(`payroll-county-${T1}`));
      const second = await textOf(page.getByTestId(`payroll-county-${T2}`));
      // Township 1: village B has not closed; A's two holders (1,000 + 500) are counted.
      expect(first).toContain(placeName(T1)!);
      expect(first).toContain(words.missing);
      expect(first).toContain(words.open);
      expect(first).toContain('1500.00');
      // Township 2: complete, C's one holder.
      expect(second).toContain(placeName(T2)!);
      expect(second).toContain(words.complete);
      expect(second).toContain('1000.00');
      const total = await textOf(page.getByTestId('payroll-county-total'));
      expect(total).toContain(words.total);
      expect(total).toContain('2500.00');
      // The plan: saved, with the places created per township.
      await waitForText(plan, words.planned);
      expect(await plan.getByTestId('post-plan-places').inputValue()).toBe('120');
      expect(await plan.locator('input[placeholder]').inputValue()).toBe('鲁人社规〔2024〕1号');
      expect(await textOf(plan)).toContain('3.3%');
      expect(await textOf(page.getByTestId(`post-plan-township-${T1}`))).toContain('3');
      expect(await textOf(page.getByTestId(`post-plan-township-${T2}`))).toContain('1');
      // Nothing a county office cannot read: no place codes, no login names.
      const screen = await textOf(page.getByTestId('payroll-county'));
      expect(screen).not.toMatch(/\d{9,12}/);
      expect(screen).not.toContain('county-li');
      expect(screen).not.toMatch(/payroll\.|statuses\./);
      await shot(page, `county-payroll-${language}`);
    }
    await page.close();
  }, 120_000);
});
