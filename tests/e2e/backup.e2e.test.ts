// Backups in the browser preview: until the admin sets a backup passphrase the station writes no
// backup and says so (the admin's home too); the passphrase set (its strength said on the field),
// a backup made from the 数据备份 screen is encrypted (no name or ID number in its bytes); the data
// changed, the backup restored from the same screen with its passphrase (a wrong one refused on the
// passphrase field); the station shows the old data after logging in again, and the replaced data
// is kept in the data folder. A damaged file is refused with nothing replaced.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { connectToUrl } from '../../src-main/host/socketClient';
import { BACKUP_CLERK, jobSeeker, launchBrowser, logInIfAsked, setUpStation, shot, startHost, tempDir, textOf, waitForCount, waitForText, setLanguage } from './harness';

const CLERK = BACKUP_CLERK;
const resident = jobSeeker;
const PASSPHRASE = '解放桥 backup 口令 2026';

async function residentNames(page: Page, count: number): Promise<string[]> {
  await page.getByTestId('nav-residents').click();
  await page.getByTestId('resident-list').waitFor();
  // A core just opened on restored data may still be reading its residents in.
  await waitForCount(page.getByTestId('resident-name'), count);
  return (await page.getByTestId('resident-name').allInnerTexts()).map((s) => s.trim()).sort();
}

/** How late a restore's answer reaches the window in the restore test (what a loaded machine takes). */
const RESTORE_ANSWER_MS = 2_000;

/** Holds back the core's answers to `backup.restore` by `ms` on the window's connections from now on. */
async function answerRestoresLate(page: Page, ms: number): Promise<void> {
  await page.routeWebSocket(/\/rpc$/, (ws) => {
    const server = ws.connectToServer();
    const restores = new Set<number>();
    ws.onMessage((message) => {
      const call = typeof message === 'string' ? (JSON.parse(message) as { kind?: string; id?: number; name?: string }) : null;
      if (call?.kind === 'call' && call.name === 'backup.restore' && call.id !== undefined) restores.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = typeof message === 'string' ? (JSON.parse(message) as { kind?: string; id?: number }) : null;
      if (reply?.kind === 'result' && reply.id !== undefined && restores.delete(reply.id)) setTimeout(() => ws.send(message), ms);
      else ws.send(message);
    });
  });
}

/** The restore dialog's confirm button is no longer waiting for an answer. */
async function restoreAnswered(page: Page): Promise<void> {
  await page.locator('[data-testid="backup-restore-confirm"]:not(.ant-btn-loading)').waitFor({ timeout: 90_000 });
}

describe('backups, end to end', () => {
  const dataDir = tempDir('leye-e2e-backup-');
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let second: { leye: LeyeBridge; close(): void };

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    second?.close();
    await browser?.close();
    await host?.stop();
  });

  it('makes a backup from the screen', async () => {
    await page.goto(host.url);
    await setUpStation(page, ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'], CLERK);
    const { client, close } = await connectToUrl(host.url);
    second = { leye: client, close };
    await client.call('auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    await client.call('residents.register', resident('张三', '011'));
    // A village station opens on 待办; the residents are one click away.
    await page.getByTestId('worklist-screen').waitFor();
    await page.getByTestId('nav-residents').click();
    await waitForCount(page.getByTestId('resident-row'), 1);
    // No passphrase yet: the admin's home says no backup is written, and leads to where it is set.
    await waitForText(page.getByTestId('backup-passphrase-banner'), '还没有设置备份口令');
    await shot(page, 'backup-home-no-passphrase-zh');
    await page.getByTestId('backup-passphrase-go').click();

    await waitForText(page.getByTestId('backup-last'), '还没有备份');
    await waitForText(page.getByTestId('backup-no-passphrase'), '不会写入任何备份文件');
    expect(await page.getByTestId('backup-now').isDisabled()).toBe(true);
    expect(await page.getByTestId('backup-passphrase-banner').count()).toBe(0);
    await shot(page, 'backup-no-passphrase-zh');
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('backup-no-passphrase'), 'writes no backup file');
    await shot(page, 'backup-no-passphrase-en');
    await setLanguage(page, '中文');

    // Too short, then the two differ: said on the fields; then set.
    await page.getByTestId('backup-passphrase-passphrase').fill('短口令123');
    await page.getByTestId('backup-passphrase-repeat').fill('短口令123');
    await page.getByTestId('backup-passphrase-save').click();
    await waitForText(page.getByTestId('error-backup-passphrase-passphrase'), '至少要 10 个字符');
    await page.getByTestId('backup-passphrase-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-passphrase-save').click();
    await waitForText(page.getByTestId('error-backup-passphrase-repeat'), '不一样');
    await page.getByTestId('backup-passphrase-repeat').fill(PASSPHRASE);
    await page.getByTestId('backup-passphrase-save').click();
    await waitForText(page.getByTestId('backup-encryption'), '已设置备份口令');
    expect(await page.getByTestId('backup-no-passphrase').count()).toBe(0);
    // Changing it asks for the current one.
    await page.getByTestId('backup-passphrase-open').click();
    await page.getByTestId('backup-passphrase-current').waitFor();
    await page.getByTestId('backup-passphrase-current').fill('不是现在的口令 at all');
    await page.getByTestId('backup-passphrase-passphrase').fill('另一个新的备份口令 2027');
    await page.getByTestId('backup-passphrase-repeat').fill('另一个新的备份口令 2027');
    await page.getByTestId('backup-passphrase-save').click();
    await waitForText(page.getByTestId('error-backup-passphrase-current'), '现在的备份口令不对');
    await page.getByTestId('backup-passphrase-current').locator('xpath=ancestor::form').getByRole('button').last().click();
    await page.getByTestId('backup-passphrase-open').waitFor();

    await page.getByTestId('backup-now').click();
    await waitForText(page.getByTestId('backup-last'), '乐业驿站备份-370102001002-');
    await waitForCount(page.getByTestId('backup-files').locator('tbody tr[data-row-key]'), 1);
    const files = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^乐业驿站备份-370102001002-\d{8}-\d{6}-手动\.leyebak$/);
    // Encrypted: neither the name nor the ID number is in the file's bytes.
    const bytes = fs.readFileSync(path.join(dataDir, 'backups', files[0]!));
    expect(bytes.includes(Buffer.from('张三'))).toBe(false);
    expect(bytes.includes(Buffer.from(resident('张三', '011').idNumber))).toBe(false);
    await waitForText(page.getByTestId('backup-encrypted'), '已加密');
    await page.getByTestId('backup-files').scrollIntoViewIfNeeded();
    await shot(page, 'backup-screen-zh');
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('backup-encrypted'), 'Encrypted');
    await shot(page, 'backup-screen-en');
    await setLanguage(page, '中文');
  });

  it('refuses a damaged backup file and replaces nothing', async () => {
    const folder = path.join(dataDir, 'backups');
    const [good] = fs.readdirSync(folder);
    const body = fs.readFileSync(path.join(folder, good!));
    fs.writeFileSync(path.join(folder, '乐业驿站备份-370102001002-20200101-000000.leyebak'), body.subarray(0, body.length - 30));
    await page.reload();
    await logInIfAsked(page, CLERK);
    await page.getByTestId('backup-files').waitFor();
    await waitForCount(page.getByTestId('backup-files').locator('tbody tr[data-row-key]'), 2);
    // Newest first: the damaged one is the older, second row.
    await page.getByTestId('backup-restore').nth(1).click();
    await page.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-restore-confirm').click();
    await waitForText(page.getByTestId('backup-restore-error'), '备份文件不完整');
    await page.locator('.ant-modal-footer button').first().click();
    await page.getByTestId('backup-restore-dialog').waitFor({ state: 'detached' });
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('replaced-'))).toEqual([]);
    fs.rmSync(path.join(folder, '乐业驿站备份-370102001002-20200101-000000.leyebak'));
  });

  it('restores it after the data changed: the old data is back and the replaced data kept aside', async () => {
    await second.leye.call('residents.register', resident('王五', '022'));
    expect(await residentNames(page, 2)).toEqual(['张三', '王五']);

    await page.getByTestId('nav-backup').click();
    // As on a busy machine: the passphrase's key derivation and the file's check answer late.
    await answerRestoresLate(page, RESTORE_ANSWER_MS);
    await page.reload();
    await logInIfAsked(page, CLERK);
    await waitForCount(page.getByTestId('backup-files').locator('tbody tr[data-row-key]'), 1);
    await page.getByTestId('backup-restore').first().click();
    await page.getByTestId('backup-restore-dialog').waitFor();
    // Without its passphrase, then with a wrong one: said on the passphrase field, nothing replaced.
    await page.getByTestId('backup-restore-confirm').click();
    await waitForText(page.getByTestId('error-backup-restore-passphrase'), '请输入备份口令');
    await page.getByTestId('backup-restore-passphrase').fill('不是这个口令 at all');
    await page.getByTestId('backup-restore-confirm').click();
    await waitForText(page.getByTestId('error-backup-restore-passphrase'), '备份口令不对');
    // The button takes the next click only once the check is over (a click while it loads does nothing).
    await restoreAnswered(page);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('replaced-'))).toEqual([]);
    await shot(page, 'backup-restore-dialog-zh');
    await setLanguage(page, 'English');
    // The shown error follows the language at once: retyped, it goes, and only the new check's answer brings it back.
    await page.getByTestId('backup-restore-passphrase').fill('still not the passphrase');
    await page.getByTestId('error-backup-restore-passphrase').waitFor({ state: 'detached' });
    await page.getByTestId('backup-restore-confirm').click();
    await waitForText(page.getByTestId('error-backup-restore-passphrase'), 'Wrong backup passphrase');
    await restoreAnswered(page);
    await shot(page, 'backup-restore-dialog-en');
    await setLanguage(page, '中文');
    await page.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backup-restore-confirm').click();
    // The key's derivation (scrypt, 128 MiB) and the whole file's check come first: slow on a busy machine.
    await waitForText(page.getByTestId('backup-restored'), 'replaced-', 90_000);
    const text = await textOf(page.getByTestId('backup-restored'));
    const replaced = /replaced-\d{8}-\d{6}/.exec(text)?.[0];
    expect(replaced).toBeTruthy();
    await shot(page, 'backup-restored');
    // Everyone logs in again.
    await page.getByTestId('login-name').waitFor();
    await page.locator('.ant-modal-confirm-btns button').last().click();
    await logInIfAsked(page, CLERK);
    expect(await residentNames(page, 1)).toEqual(['张三']);
    // The other window was logged out too.
    await expect(second.leye.call('residents.search', {})).rejects.toMatchObject({ rpc: { code: 'UNAUTHENTICATED' } });
    // The replaced data is kept in the data folder.
    expect(fs.existsSync(path.join(dataDir, replaced!, 'station', 'CURRENT'))).toBe(true);
  });
});
