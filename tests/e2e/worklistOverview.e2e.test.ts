// 待办 above the village: a county server with one township and two villages. The villages
// registered unemployed people 45 days ago and synced today; the township (which pulls their relay
// copies) sees each village's due and overdue counts and opens a village's list read-only; the
// county sees the counts per station, summed per township, in its station overview. Both
// languages at 1366×768.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep the screenshots.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { provisionCounty, type ProvisionResult } from '../../county/provision';
import { placeChildren, placeName } from '../../shared/places/index';
import { Core, type Session } from '../../src-main/core/core';
import { accountOf, QUIET } from '../../src-main/core/testing/countyStations';
import { launchBrowser, logInIfAsked, setLanguage, shot, startHost, tempDir, textOf, waitForCount, waitForText, type RunningHost } from './harness';
import { DAY, localDay, registerUnemployed } from './worklistSeed';

const COUNTY = '370102';
const [T1] = placeChildren(COUNTY).map((c) => c.code) as [string];
const [A, B] = placeChildren(T1).map((c) => c.code) as [string, string];
const ADMIN = { user: 'admin', password: 'worklist-e2e-secret' };
const CLERK = { loginName: 'clerk', displayName: '王丽', password: 'secret-123' };
const STAFF = { loginName: 'county-li', displayName: '李科长', password: 'secret-123' };

let server: PouchServer;
let provisioned: ProvisionResult;
let browser: Browser;
const hosts: RunningHost[] = [];

/** A station set up and connected on a clock the caller moves; `work` runs before its one sync. */
async function station(place: string, account: string, user: { loginName: string; displayName: string; password: string }, work?: (core: Core, session: Session, at: (ms: number) => void) => Promise<void>): Promise<string> {
  const dataDir = tempDir('leye-e2e-worklist-station-');
  let now = Date.now();
  const core = await Core.open({ dataDir, clock: () => new Date(now), syncTiming: QUIET });
  try {
    const session: Session = { user: null };
    if (work) now -= 45 * DAY;
    await core.call(session, 'station.setup', { placeCode: place, clerk: user });
    await core.call(session, 'auth.login', { loginName: user.loginName, password: user.password });
    await core.call(session, 'sync.connect', { setupCode: accountOf(provisioned, account).setupCode });
    if (work) await work(core, session, (ms) => (now = ms));
    expect((await core.call(session, 'sync.now', {})).failure).toBeNull();
  } finally {
    await core.close();
  }
  return dataDir;
}

/** Registers unemployed people on the station's (set back) day; then brings its clock to today. */
const unemployed = (names: string[], seq: number) => async (core: Core, session: Session, at: (ms: number) => void) => {
  await registerUnemployed(core, session, names, seq, localDay(new Date(Date.now() - 45 * DAY)));
  at(Date.now());
};

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-e2e-worklist-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [{ code: T1, villages: [A, B] }], staff: [{ name: STAFF.loginName, displayName: STAFF.displayName }] });
  await station(A, `station-${A}`, CLERK, unemployed(['王大山', '李小红'], 201));
  await station(B, `station-${B}`, CLERK, unemployed(['赵六'], 211));
  const township = await station(T1, `station-${T1}`, CLERK);
  const county = await station(COUNTY, STAFF.loginName, STAFF);
  hosts.push(await startHost({ dataDir: township }), await startHost({ dataDir: county }));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
  await server?.stop();
});

async function openAs(url: string, account: { loginName: string; password: string }, language: 'zh-CN' | 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await page.evaluate((l) => localStorage.setItem('leye.language', l), language);
  await page.reload();
  await logInIfAsked(page, account);
  return page;
}

describe('待办 at the township and the county', () => {
  it("shows the township each village's counts and opens a village's list read-only", async () => {
    const page = await openAs(hosts[0]!.url, CLERK, 'zh-CN');
    await page.getByTestId('worklist-screen').waitFor();
    const villages = page.getByTestId('worklist-village-row');
    const village = (code: string) => page.locator(`[data-testid=worklist-village-row][data-place-code="${code}"]`);
    await village(A).waitFor({ timeout: 30_000 });
    expect(await textOf(village(A))).toContain(placeName(A)!);
    expect(await textOf(village(A).getByTestId('worklist-village-overdue'))).toBe('2');
    expect(await textOf(village(B).getByTestId('worklist-village-overdue'))).toBe('1');
    expect(await villages.count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'worklist-township-villages-zh');

    await village(A).getByTestId('worklist-village-open').click();
    await page.getByTestId('worklist-read-only').waitFor();
    await waitForCount(page.getByTestId('worklist-row'), 2);
    expect(await page.getByTestId('worklist-snooze').count()).toBe(0);
    expect(await page.getByTestId('worklist-not-applicable').count()).toBe(0);
    expect(await textOf(page.getByTestId('worklist-row').first())).toContain(placeName(A)!);
    await shot(page, 'worklist-township-village-zh');
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('worklist-read-only'), 'read-only');
    expect(await textOf(page.getByTestId('worklist-screen'))).not.toMatch(/unemployedNotContacted|resident:|clerk\b/);
    await shot(page, 'worklist-township-village-en');
    await page.getByTestId('worklist-back').click();
    await page.getByTestId('worklist-villages').waitFor();
    await shot(page, 'worklist-township-villages-en');
    await page.close();
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`shows the county the counts per station and per township (${language})`, async () => {
      const page = await openAs(hosts[1]!.url, STAFF, language);
      // The county's first screen stays its own; 待办 is not in its menu.
      expect(await page.getByTestId('nav-worklist').count()).toBe(0);
      await page.getByTestId('nav-county').click();
      await page.getByRole('tab', { name: language === 'en' ? 'Stations' : '站点同步情况' }).click();
      const row = (code: string) => page.locator(`[data-testid=county-station-row][data-place-code="${code}"]`);
      await row(A).waitFor({ timeout: 30_000 });
      const township = page.getByTestId('county-township-worklist');
      await township.waitFor();
      expect(await textOf(township)).toContain(placeName(T1)!);
      // Each station's counts as of its heartbeat (due / overdue), and the township's sum.
      const counts = async (code: string) => textOf(row(code).getByTestId('county-station-worklist'));
      expect([await counts(A), await counts(B), await counts(T1)]).toEqual(['0 / 2', '0 / 1', '0 / 0']);
      expect(await textOf(township.getByTestId('county-township-counts'))).toBe('0 / 3');
      expect(await textOf(page.locator('[data-testid=county-stations] thead'))).toContain(language === 'en' ? 'Due / overdue' : '待办 / 逾期');
      await shot(page, `worklist-county-stations-${language}`);
      await page.close();
    });
  }
});
