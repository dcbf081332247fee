// The employment figures above the village, in the browser: villages and a township connected to
// a county server (PouchDB Server, provisioned), records entered through the core; the township's
// statistics screen shows each village's figures from its relay copy, and the county station's
// shows them per township (its villages beneath) from the aggregate's views, in both languages.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots (1366×768) of the employment card at each level.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { provisionCounty, type CreatedAccount } from '../../county/provision';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import type { ArgsOf, LeyeBridge } from '../../shared/rpc/handlers';
import { connectToUrl } from '../../src-main/host/socketClient';
import { eventually, launchBrowser, logInIfAsked, setLanguage, startHost, tempDir, textOf, type RunningHost } from './harness';

const COUNTY = '370102';
const TOWNSHIP = '370102001';
const A = '370102001002';
const B = '370102001003';
const ADMIN = { user: 'admin', password: 'e2e-county-admin' };
const CLERK = { loginName: 'admin01', displayName: '王丽', password: 'Leye-2025-pass' };
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

interface Running {
  host: RunningHost;
  leye: LeyeBridge;
  close(): void;
}

type Reg = Partial<ArgsOf<'residents.register'>> & { idNumber: string; name: string };
type Entry = Omit<ArgsOf<'employment.record'>, 'residentId'>;

async function person(leye: LeyeBridge, reg: Reg, entries: Entry[]): Promise<void> {
  const r = await leye.call('residents.register', {
    phone: '13800138000',
    householdType: 'nonAgricultural',
    address: '解放桥社区 1 号',
    education: 'seniorHigh',
    targetGroups: [],
    registration: { kind: 'jobSeeking', date: '2026-01-10' },
    ...reg,
  });
  for (const e of entries) await leye.call('employment.record', { residentId: r.id, ...e });
}

/** The card's tables are Ant Design tables: a cell's test id names place (or month) and measure. */
async function cell(page: Page, id: string): Promise<string> {
  return textOf(page.getByTestId(id));
}

describe('employment figures at the township and the county', () => {
  let server: PouchServer;
  let accounts: CreatedAccount[] = [];
  const stations: Running[] = [];
  let browser: Browser;

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

  async function sync(s: Running): Promise<void> {
    expect((await s.leye.call('sync.now', {})).failure).toBeNull();
  }

  /** Opens the statistics screen and its employment card's "by place" tab; screenshots the card in both languages. */
  async function openCard(s: Running, name: string, check: (page: Page) => Promise<void>): Promise<void> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(s.host.url);
    await logInIfAsked(page, CLERK);
    await page.getByTestId('nav-stats').click();
    const card = page.getByTestId('stats-employment');
    await card.waitFor();
    await card.getByRole('tab').nth(1).click();
    await check(page);
    for (const language of ['中文', 'English'] as const) {
      await setLanguage(page, language);
      await card.scrollIntoViewIfNeeded();
      await page.getByTestId('employment-level-help').waitFor();
      const dir = process.env.LEYE_E2E_SHOTS;
      if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        await card.evaluate('(el) => el.scrollIntoView({ block: "start" })');
        await page.screenshot({ path: path.join(dir, `employment-${name}-${language === '中文' ? 'zh-CN' : 'en'}.png`) });
      }
    }
    await page.close();
  }

  beforeAll(async () => {
    server = await startPouchServer({ dir: tempDir('leye-e2e-county-') });
    await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
    accounts = (await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [{ code: TOWNSHIP, villages: [A, B] }], staff: [{ name: 'county-li', displayName: '李科长' }] })).created;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of stations) s.close();
    await Promise.all(stations.map((s) => s.host.stop()));
    await server?.stop();
  });

  let township: Running;

  it('shows each village’s figures at the township', async () => {
    const a = await station(A, `station-${A}`);
    const b = await station(B, `station-${B}`);
    township = await station(TOWNSHIP, `station-${TOWNSHIP}`);
    // A: 赵一 registered unemployed, employed in March (new urban, re-employed); 钱二, hard to
    // employ (hardship registration), agricultural, on a 公益性岗位 from April (hardship).
    await person(a.leye, { idNumber: withCheck('37010219850310111'), name: '赵一', targetGroups: ['graduate'], registration: { kind: 'unemployment', date: '2026-02-10', unemploymentType: 'lostJob', unemployedSince: '2026-02-01' } }, [
      { status: 'employee', effectiveDate: '2026-03-05', employer: { name: '济南某机械厂', creditCode: '' } },
    ]);
    await person(a.leye, { idNumber: withCheck('37010219800402222'), name: '钱二', householdType: 'agricultural', registration: { kind: 'hardship', date: '2026-01-05', hardshipCategories: ['povertyAlleviated'] } }, [
      { status: 'publicWelfare', effectiveDate: '2026-04-01', endDate: '2026-12-31' },
    ]);
    // B: 孙三, a job seeker, works away from May (new urban).
    await person(b.leye, { idNumber: withCheck('37010219780515333'), name: '孙三', targetGroups: ['migrantWorker'] }, [{ status: 'migrant', area: 'outOfProvince', destination: '江苏省苏州市', effectiveDate: '2026-05-02' }]);
    // The township's own 李四: registered unemployed, self-employed from June (new urban, re-employed).
    await person(township.leye, { idNumber: withCheck('37010219880808444'), name: '李四', registration: { kind: 'unemployment', date: '2026-04-01', unemploymentType: 'lostJob', unemployedSince: '2026-03-20' } }, [
      { status: 'selfEmployed', effectiveDate: '2026-06-15' },
    ]);
    for (const s of [a, b, township]) await sync(s);
    await sync(township);
    await openCard(township, 'township', async (page) => {
      expect(await cell(page, `employment-by-place-${A}-newUrban`)).toBe('1');
      expect(await cell(page, `employment-by-place-${A}-hardship`)).toBe('1');
      expect(await cell(page, `employment-by-place-${B}-newUrban`)).toBe('1');
      expect(await cell(page, `employment-by-place-${TOWNSHIP}-reemployed`)).toBe('1');
      expect(await cell(page, 'employment-by-place-total-newUrban')).toBe('3');
    });
  }, 180_000);

  it('shows the county’s figures per township from the aggregate, its villages beneath', async () => {
    const county = await station(COUNTY, 'county-li');
    await eventually('the aggregate to hold the records', async () => (await county.leye.call('employment.counts', { from: '2026-01', to: '2026-12' })).total.newUrban === 3, 30_000);
    await openCard(county, 'county', async (page) => {
      const row = `employment-by-place-township-${TOWNSHIP}`;
      expect(await cell(page, `${row}-newUrban`)).toBe('3');
      expect(await cell(page, `${row}-reemployed`)).toBe('2');
      expect(await cell(page, `${row}-hardship`)).toBe('1');
      // Open the township: its villages (and its own people) beneath.
      await page.getByTestId('employment-by-place').locator('.ant-table-row-expand-icon').first().click();
      expect(await cell(page, `employment-by-place-${A}-newUrban`)).toBe('1');
      expect(await cell(page, `employment-by-place-${B}-newUrban`)).toBe('1');
    });
  }, 120_000);
});
