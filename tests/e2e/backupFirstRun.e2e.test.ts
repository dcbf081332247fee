// A station's PC dies and is reinstalled: the app opens on the first-run screen, 从备份恢复 finds
// the backup files in a folder (a USB stick), checks one with its backup passphrase (none typed
// or a damaged file is refused), restores it, and the login screen takes the backed-up account,
// which sees the residents again.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectToUrl } from '../../src-main/host/socketClient';
import { BACKUP_CLERK, jobSeeker, launchBrowser, setUpStation, shot, startHost, tempDir, textOf, waitForCount, waitForText } from './harness';

const CLERK = BACKUP_CLERK;
const resident = jobSeeker;
const PASSPHRASE = '解放桥 backup 口令 2026';

describe('restoring a backup from the first-run screen, end to end', () => {
  const oldPc = tempDir('leye-e2e-oldpc-');
  const newPc = tempDir('leye-e2e-newpc-');
  const usb = tempDir('leye-e2e-usb-');
  let browser: Browser;
  let page: Page;
  let host: Awaited<ReturnType<typeof startHost>> | null = null;
  let backupFile = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('the old PC: a station with residents and a backup copied to a USB stick', async () => {
    host = await startHost({ dataDir: oldPc });
    await page.goto(host.url);
    await setUpStation(page, ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'], CLERK);
    const { client, close } = await connectToUrl(host.url);
    try {
      await client.call('auth.login', { loginName: CLERK.loginName, password: CLERK.password });
      await client.call('residents.register', resident('张三', '011'));
      await client.call('residents.register', resident('李四', '022'));
      await client.call('backup.passphrase', { passphrase: PASSPHRASE });
      backupFile = (await client.call('backup.now', {})).file;
    } finally {
      close();
    }
    fs.copyFileSync(path.join(oldPc, 'backups', backupFile), path.join(usb, backupFile));
    // An older file on the stick, cut short when it was copied.
    const body = fs.readFileSync(path.join(usb, backupFile));
    fs.writeFileSync(path.join(usb, '乐业驿站备份-370102001002-20200101-000000.leyebak'), body.subarray(0, body.length - 30));
    await host.stop();
    host = null;
  });

  it('the reinstalled PC: restores from the first-run screen, then the backed-up account logs in and sees the residents', async () => {
    host = await startHost({ dataDir: newPc });
    await page.goto(host.url);
    await page.getByTestId('setup-restore').click();
    await page.getByTestId('first-run-restore').waitFor();

    // A folder must be a full path.
    await page.getByTestId('first-run-folder').fill('usb');
    await page.getByTestId('first-run-find').click();
    await waitForText(page.getByTestId('error-first-run-folder'), '完整路径');

    await page.getByTestId('first-run-folder').fill(usb);
    await page.getByTestId('first-run-find').click();
    const rows = page.getByTestId('first-run-files').locator('tbody tr[data-row-key]');
    await waitForCount(rows, 2);
    // Encrypted: checked without its passphrase, it asks for it on the passphrase field.
    await page.getByTestId('first-run-check').first().click();
    await waitForText(page.getByTestId('error-first-run-passphrase'), '这份备份已加密');
    // The help text fades in.
    await page.waitForTimeout(400);
    await shot(page, 'first-run-passphrase-zh');
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await waitForText(page.getByTestId('error-first-run-passphrase'), 'This backup is encrypted');
    await shot(page, 'first-run-passphrase-en');
    await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
    await page.getByTestId('first-run-passphrase').fill(PASSPHRASE);
    // Newest first: the damaged one is the older, second row; checking it changes nothing.
    await page.getByTestId('first-run-check').nth(1).click();
    await waitForText(page.getByTestId('first-run-error'), '备份文件不完整');
    expect(await page.getByTestId('first-run-contents').count()).toBe(0);

    await page.getByTestId('first-run-check').first().click();
    await waitForText(page.getByTestId('first-run-station'), '370102001002');
    expect(await textOf(page.getByTestId('first-run-residents'))).toBe('2');
    await waitForText(page.getByTestId('first-run-encrypted'), '已加密');
    await shot(page, 'first-run-checked');
    await page.getByTestId('first-run-restore-button').click();
    await page.getByTestId('first-run-restore-confirm').click();

    // The login screen, with the accounts of the backup.
    await page.getByTestId('login-name').waitFor({ timeout: 30_000 });
    await waitForText(page.getByTestId('first-run-restored'), backupFile);
    await page.getByTestId('login-name').fill(CLERK.loginName);
    await page.getByTestId('login-password').fill(CLERK.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('nav-residents').click();
    await waitForCount(page.getByTestId('resident-name'), 2);
    expect((await page.getByTestId('resident-name').allInnerTexts()).map((s) => s.trim()).sort()).toEqual(['张三', '李四']);
    await shot(page, 'first-run-restored');
    // The new PC holds the station now; the stick's files are as they were.
    expect(fs.existsSync(path.join(newPc, 'station', 'CURRENT'))).toBe(true);
    expect(fs.readdirSync(usb).sort()).toHaveLength(2);

    // Set up now: the core refuses another first-run restore, whoever asks.
    const { client, close } = await connectToUrl(host.url);
    try {
      await expect(client.call('backup.firstRunRestore', { folder: usb, file: backupFile, passphrase: PASSPHRASE })).rejects.toMatchObject({ rpc: { code: 'STATION_ALREADY_SET_UP' } });
    } finally {
      close();
    }
  });
});
