// Issue 15 item 7 at the township window: a USB file "from village B" made with village A's setup
// code is refused, and the window says, in the clerk's language, that it is not B's signature;
// B's own file then goes in.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServerAdmin, freePort, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { provisionCounty, type CreatedAccount } from '../../county/provision';
import { Core, type Session } from '../../src-main/core/core';
import { idNumber, registration } from '../../src-main/core/testing/fixtures';
import { launchBrowser, logInIfAsked, openSyncDrawer, setUpStation, shot, startHost, syncUntil, tempDir, textOf, type RunningHost } from './harness';

const TOWNSHIP = '370102001';
const A = '370102001002';
const B = '370102001003'; // 解放路街道's second village
const ADMIN = { user: 'admin', password: 'e2e-transfer-admin' };
const TOWNSHIP_PATH = ['济南市', '历下区', '解放路街道'];
const CLERK = { loginName: 'zhaomin', displayName: '赵敏', password: 'Leye-2025-pass' };
const OFFLINE = 'http://127.0.0.1:9';

/** A village machine in this process, never online: set up at `place`, connected with `code`, two people exported. */
async function exportAt(place: string, code: string, cores: Core[]): Promise<string> {
  const core = await Core.open({ dataDir: tempDir('leye-e2e-transfer-village-') });
  cores.push(core);
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: place, clerk: { loginName: 'clerk', displayName: '王丽', password: 'secret-123' } });
  await core.call(session, 'auth.login', { loginName: 'clerk', password: 'secret-123' });
  await core.call(session, 'sync.connect', { setupCode: code });
  await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', '401'), name: '周五' }));
  const file = await core.call(session, 'transfer.export', {});
  const at = path.join(tempDir('leye-e2e-transfer-files-'), file.fileName);
  fs.writeFileSync(at, Buffer.from(file.content, 'base64'));
  return at;
}

const offline = (code: string, change: Record<string, unknown> = {}) =>
  Buffer.from(JSON.stringify({ ...(JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as object), url: OFFLINE, ...change })).toString('base64url');

describe('a forged USB file at the township window', () => {
  let server: PouchServer;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let accounts: CreatedAccount[] = [];
  const cores: Core[] = [];
  const codeOf = (place: string) => accounts.find((a) => a.place === place)!.setupCode;

  beforeAll(async () => {
    server = await startPouchServer({ dir: tempDir('leye-e2e-transfer-county-'), port: await freePort() });
    await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
    accounts = (await provisionCounty(server.url, ADMIN, { county: '370102', townships: [{ code: TOWNSHIP, villages: [A, B] }] })).created;
    host = await startHost({ dataDir: tempDir('leye-e2e-transfer-township-') });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const core of cores) await core.close();
    await Promise.all([host?.stop(), server?.stop()]);
  });

  it('refuses it naming the village it claims to come from, in both languages, and takes the village’s own', async () => {
    // A's setup code, its place changed to B: the county key and A's signing key.
    const forged = await exportAt(B, offline(codeOf(A), { place: B }), cores);
    const genuine = await exportAt(B, offline(codeOf(B)), cores);

    await page.goto(host.url);
    await setUpStation(page, TOWNSHIP_PATH, CLERK);
    await openSyncDrawer(page);
    await page.getByTestId('sync-connect-code').fill(codeOf(TOWNSHIP));
    await page.getByTestId('sync-connect-submit').click();
    await syncUntil(page);

    for (const [language, expected] of [
      ['zh-CN', '此文件的签名与县级为历山路社区居民委员会 370102001003公布的签名公钥不符'],
      ['en', 'does not match the signing key the county published for 历山路社区居民委员会 370102001003'],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem('leye.language', l), language);
      await page.reload();
      await logInIfAsked(page, CLERK);
      await openSyncDrawer(page);
      await page.getByTestId('transfer-import').setInputFiles(forged);
      const error = page.getByTestId('transfer-error');
      await error.waitFor();
      expect(await textOf(error)).toContain(expected);
      await error.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500); // the drawer has finished sliding in
      await shot(page, `transfer-forged-${language}`);
    }
    await page.getByTestId('transfer-import').setInputFiles(genuine);
    await page.locator('[data-testid=transfer-result][data-kind=batch]').waitFor({ timeout: 20_000 });
    expect(Number(await textOf(page.getByTestId('transfer-imported')))).toBeGreaterThan(0);
  });
});
