// Drafts belong to one account at one station, in the browser preview: clerk lisi half-fills the
// registration form (name, full ID number, phone) and logs out; clerk zhaoliu, logging in on the
// same PC, finds the form empty; lisi, back again, gets the draft back; once the admin disables
// lisi, nothing of lisi's drafts is left in this browser's storage.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, shot, startHost, tempDir, waitForCount, waitForText, type RunningHost } from './harness';

let host: RunningHost;
let browser: Browser;
let page: Page;

const ID_NUMBER = '370102199003071234';

async function logIn(loginName: string, password: string) {
  await page.getByTestId('login-name').fill(loginName);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

async function logOut() {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-name').waitFor();
}

async function createClerk(loginName: string, displayName: string, password: string, rows: number) {
  await page.getByTestId('user-create').click();
  await page.getByTestId('user-field-loginName').fill(loginName);
  await page.getByTestId('user-field-displayName').fill(displayName);
  await page.getByTestId('user-field-role').click();
  await page.locator('.ant-select-item-option', { hasText: '村级经办人' }).click();
  await page.getByTestId('user-field-password').fill(password);
  await page.getByTestId('user-save').click();
  await waitForCount(page.getByTestId('user-row'), rows);
}

/** Everything of one login in the drafts' IndexedDB and the localStorage stash, as text. */
async function storedOf(loginName: string): Promise<string> {
  // Runs in the page (a string: the tests compile without the DOM's types).
  const script = `(async (login) => {
    const found = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.startsWith('leye.draft-stash:') && key.includes(JSON.stringify(login))) found.push(localStorage.getItem(key) ?? '');
    }
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('leye-drafts');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (db.objectStoreNames.contains('ownedDrafts')) {
      const all = await new Promise((resolve, reject) => {
        const request = db.transaction('ownedDrafts').objectStore('ownedDrafts').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const record of all) if (record.loginName === login) found.push(JSON.stringify(record));
    }
    db.close();
    return found.join('\\n');
  })(${JSON.stringify(loginName)})`;
  return (await page.evaluate(script)) as string;
}

describe('drafts', () => {
  beforeAll(async () => {
    host = await startHost({ dataDir: tempDir() });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(host.url);
    await page.getByTestId('setup-demo').click();
    const login = page.getByTestId('login-name');
    await login.or(page.getByTestId('current-user')).first().waitFor({ timeout: 60_000 });
    if (await login.isVisible()) await logIn('demo', 'demo1234');
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('nav-users').click();
    await waitForCount(page.getByTestId('user-row'), 1);
    await createClerk('lisi', '李四', 'lisi-2026', 2);
    await createClerk('zhaoliu', '赵六', 'zhaoliu-2026', 3);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it("a clerk's half-filled form does not open pre-filled for the next clerk on this PC", async () => {
    await logOut();
    await logIn('lisi', 'lisi-2026');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('field-name').fill('张三');
    await page.getByTestId('field-idNumber').fill(ID_NUMBER);
    await page.getByTestId('field-phone').fill('13800138000');
    // Saved as typed (debounced, 250 ms), and again as the form closes.
    await page.waitForTimeout(800);
    await logOut();

    await logIn('zhaoliu', 'zhaoliu-2026');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('field-name').waitFor();
    // Give a (wrong) restore the time it would take.
    await page.waitForTimeout(500);
    expect(await page.getByTestId('field-name').inputValue()).toBe('');
    expect(await page.getByTestId('field-idNumber').inputValue()).toBe('');
    expect(await page.getByTestId('field-phone').inputValue()).toBe('');
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    await shot(page, 'drafts-next-clerk');
    await logOut();
  });

  it('the clerk gets its own draft back', async () => {
    await logIn('lisi', 'lisi-2026');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('field-name').inputValue()).toBe('张三');
    expect(await page.getByTestId('field-idNumber').inputValue()).toBe(ID_NUMBER);
    await logOut();
  });

  it("disabling the account clears its drafts on this PC", async () => {
    await logIn('demo', 'demo1234');
    await page.getByTestId('nav-users').click();
    expect(await storedOf('lisi')).toContain(ID_NUMBER);
    const row = page.locator('[data-testid="user-row"][data-login="lisi"]');
    await row.getByTestId('user-toggle').click();
    await waitForText(row, '已停用');
    for (let i = 0; i < 100 && (await storedOf('lisi')) !== ''; i++) await page.waitForTimeout(50);
    expect(await storedOf('lisi')).toBe('');
  });
});
