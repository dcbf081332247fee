// The county's conflict list, as county staff see it: a resident that two villages' databases hold
// under one id (here station A forging B's record with a high revision) is listed with both
// stations and marked as a suspected forgery, in both languages, with the warning in the opened
// comparison.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { parseSetupCode, provisionCounty, stationDb, type ProvisionResult } from '../../county/provision';
import { docId } from '../../shared/documents/registry';
import { placeChildren } from '../../shared/places/index';
import { Core, type Session } from '../../src-main/core/core';
import { QUIET } from '../../src-main/core/testing/countyStations';
import { launchBrowser, logInIfAsked, shot, startHost, tempDir, textOf, type RunningHost } from './harness';

const COUNTY = '370102';
const [T1] = placeChildren(COUNTY).map((c) => c.code) as [string];
const [A, B] = placeChildren(T1).map((c) => c.code) as [string, string];
const ADMIN = { user: 'admin', password: 'conflicts-e2e-secret' };
const STAFF = { loginName: 'county-li', displayName: '李科长', password: 'secret-123' };
const AT = '2026-12-06T02:00:00.000Z';

let server: PouchServer;
let provisioned: ProvisionResult;
let host: RunningHost;
let browser: Browser;
let page: Page;

const basic = (user: string, password: string) => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
const asStation = (place: string) => {
  const code = parseSetupCode(provisioned.created.find((a) => a.name === `station-${place}`)!.setupCode);
  return basic(code.user, code.password);
};

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-e2e-conflicts-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [{ code: T1, villages: [A, B] }], staff: [{ name: STAFF.loginName, displayName: STAFF.displayName }] });
  const resident = (place: string, by: string, name: string, phone: string) => ({
    _id: docId.resident('forgedforgedforgedforgedfo'), type: 'resident', schemaVersion: 1, placeCode: place, createdBy: by, createdAt: AT, updatedBy: by, updatedAt: AT,
    name, idNumber: '370102199001011234', sex: 'male', birthDate: '1990-01-01', phone, targetGroups: [], registration: { kind: 'jobSeeking', date: '2026-11-20' },
  });
  const write = (place: string, docs: object[]) =>
    fetch(`${server.url}/${stationDb(place)}/_bulk_docs`, { method: 'POST', headers: { authorization: asStation(place), 'content-type': 'application/json' }, body: JSON.stringify({ docs, new_edits: false }) });
  await write(B, [{ ...resident(B, `station-${B}`, '张三', '13800000001'), _rev: '1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }]);
  await write(A, [{ ...resident(A, 'mallory', '张三', '13900000009'), _rev: '999-ffffffffffffffffffffffffffffffff' }]);

  // The county station, set up and connected before its window opens.
  const dataDir = tempDir('leye-e2e-conflicts-county-');
  const core = await Core.open({ dataDir, clock: () => new Date(AT), syncTiming: QUIET });
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: COUNTY, clerk: STAFF });
  await core.call(session, 'auth.login', { loginName: STAFF.loginName, password: STAFF.password });
  await core.call(session, 'sync.connect', { setupCode: provisioned.created.find((a) => a.name === STAFF.loginName)!.setupCode });
  await core.close();
  host = await startHost({ dataDir });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

describe("the county's conflict list", () => {
  it('marks a record that two stations wrote as a suspected forgery, in both languages', async () => {
    for (const [lang, tag] of [
      ['zh-CN', '疑似冒写'],
      ['en', 'Suspected forgery'],
    ] as const) {
      await page.goto(host.url);
      await page.evaluate((l) => localStorage.setItem('leye.language', l), lang);
      await page.reload();
      await logInIfAsked(page, STAFF);
      await page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/county/conflicts'));
      const row = page.getByTestId('conflict-row').first();
      await row.waitFor({ timeout: 30_000 });
      expect(await textOf(row.getByTestId('conflict-forgery'))).toBe(tag);
      await row.click();
      await page.getByTestId('conflict-forgery-hint').waitFor();
      await shot(page, `county-conflict-forgery-${lang}`);
    }
  });
});
