// Accounts, lockout, the idle lock and the audit log in the browser preview: the demo station's
// admin creates a clerk account (a weak password is refused on its field), the idle timer covers
// the screen until the password unlocks it, five wrong passwords lock the clerk's login with the
// time to retry, the admin lifts it, and the audit log lists what happened. A clerk gets neither
// admin screen, not even by typing its address.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, shot, startHost, tempDir, textOf, waitForCount, waitForText, type RunningHost } from './harness';

let host: RunningHost;
let browser: Browser;
let page: Page;

async function logIn(loginName: string, password: string) {
  await page.getByTestId('login-name').fill(loginName);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function logOut() {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-name').waitFor();
}

describe('access', () => {
  beforeAll(async () => {
    host = await startHost({ dataDir: tempDir() });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // The page's timers run on a clock the test can move: the idle lock without waiting minutes.
    await page.clock.install();
    await page.goto(host.url);
    // The first account made at setup is the station's administrator, and says so.
    await page.getByTestId('setup-submit').waitFor();
    expect(await textOf(page.locator('.leye-centered'))).toContain('管理员账号');
    await page.getByTestId('setup-demo').click();
    const login = page.getByTestId('login-name');
    await login.or(page.getByTestId('current-user')).first().waitFor({ timeout: 60_000 });
    if (await login.isVisible()) await logIn('demo', 'demo1234');
    await page.getByTestId('current-user').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('the admin creates an account; a weak password is refused on its field', async () => {
    await page.getByTestId('nav-users').click();
    await waitForCount(page.getByTestId('user-row'), 1);
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-field-loginName').fill('lisi');
    await page.getByTestId('user-field-displayName').fill('李四');
    await page.getByTestId('user-field-role').click();
    await page.locator('.ant-select-item-option', { hasText: '村级经办人' }).click();
    await page.getByTestId('user-field-password').fill('abcdefgh');
    await page.getByTestId('user-save').click();
    expect(await textOf(page.getByTestId('error-user-password'))).toBe('密码须包含字母、数字、符号中的至少两种');
    await page.getByTestId('user-field-password').fill('lisi-2026');
    await page.getByTestId('user-save').click();
    await waitForCount(page.getByTestId('user-row'), 2);
    await waitForText(page.locator('[data-testid="user-row"][data-login="lisi"]'), '村级经办人');
    await shot(page, 'access-users');
  });

  it('locks the screen after the idle minutes until the password unlocks it', async () => {
    await page.getByTestId('idle-minutes').locator('input').fill('1');
    await page.getByTestId('idle-save').click();
    await page.locator('.ant-message', { hasText: '已保存' }).waitFor();
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    await page.clock.fastForward('01:10');
    await page.getByTestId('lock-screen').waitFor();
    expect(await textOf(page.getByTestId('lock-screen'))).toContain('屏幕已锁定');
    await shot(page, 'access-locked');
    // The core locked the session too: nothing but the unlock is answered.
    await page.getByTestId('lock-password').fill('wrong-pass');
    await page.getByTestId('lock-unlock').click();
    expect(await textOf(page.getByTestId('lock-error'))).toBe('登录名或密码不正确');
    await page.getByTestId('lock-password').fill('demo1234');
    await page.getByTestId('lock-unlock').click();
    await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
    await page.getByTestId('users-screen').waitFor();
    // The unlock starts a fresh idle period: the next checks, with no input yet, do not relock.
    await page.clock.fastForward('00:20');
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    // Back to a longer limit for the rest of the test.
    await page.getByTestId('idle-minutes').locator('input').fill('30');
    await page.getByTestId('idle-save').click();
  });

  it('five wrong passwords lock a login with the time to retry; the admin lifts it', async () => {
    await logOut();
    for (let i = 0; i < 4; i++) {
      await logIn('lisi', 'not-the-password');
      await waitForText(page.getByTestId('login-error'), '登录名或密码不正确');
    }
    await logIn('lisi', 'not-the-password');
    await waitForText(page.getByTestId('login-error'), '账号已锁定');
    expect(await textOf(page.getByTestId('login-error'))).toMatch(/请在 \d{2}:\d{2} 后重试（约 15 分钟）/);
    // Even the right password waits.
    await logIn('lisi', 'lisi-2026');
    await waitForText(page.getByTestId('login-error'), '账号已锁定');
    await shot(page, 'access-lockout');

    await logIn('demo', 'demo1234');
    await page.getByTestId('nav-users').click();
    const row = page.locator('[data-testid="user-row"][data-login="lisi"]');
    await row.getByTestId('user-locked').waitFor();
    await row.getByTestId('user-unlock').click();
    await row.getByTestId('user-locked').waitFor({ state: 'detached' });
  });

  it('the audit log lists the account changes, filtered by action', async () => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-screen').waitFor();
    await waitForText(page.getByTestId('audit-row').first(), '账号变更');
    await page.getByTestId('audit-action').click();
    await page.locator('.ant-select-item-option', { hasText: '账号变更' }).click();
    // Created lisi, changed the idle minutes twice, unlocked lisi.
    await waitForText(page.getByTestId('audit-total'), '共 4 条');
    const rows = await page.getByTestId('audit-row').allInnerTexts();
    // In words, the account by its name: never `user:lisi` or `unlock`.
    expect(rows[0]).toContain('解除 李四 的锁定');
    expect(rows.at(-1)).toContain('新建账号 李四（村级经办人）');
    expect(rows.join('\n')).toContain('自动锁屏时间');
    expect(rows.join('\n')).not.toMatch(/user:|unlock|create|idleLockMinutes/);
    await shot(page, 'access-audit');
  });

  it('a clerk has neither admin screen, not even by its address', async () => {
    await logOut();
    await logIn('lisi', 'lisi-2026');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await page.evaluate('window.location.hash = "#/audit"');
    await page.getByTestId('audit-screen').waitFor();
    await waitForText(page.getByTestId('audit-screen'), '当前账号无权进行此操作');
    expect(await page.getByTestId('audit-row').count()).toBe(0);
  });
});
