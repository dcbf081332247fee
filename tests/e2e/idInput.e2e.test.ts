// An ID number pasted from a document (spaces, dashes) or typed with a Chinese input method in
// full-width mode: the resident form's field keeps the whole number (no 18-character cut),
// shows it in its stored form and derives the birth date from it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { launchBrowser, logInIfAsked, startHost, tempDir, textOf, waitForText } from './harness';

const CLERK = { loginName: 'clerk01', displayName: '王丽', password: 'Leye-2025-pass' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const ID = '37010219900307003' + idNumberCheckChar('37010219900307003');

describe('ID number input, end to end', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('sets up the station and logs in', async () => {
    await page.goto(host.url);
    await page.getByTestId('place-cascader').click();
    for (const name of VILLAGE_PATH) await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    await page.getByTestId('setup-loginName').fill(CLERK.loginName);
    await page.getByTestId('setup-displayName').fill(CLERK.displayName);
    await page.getByTestId('setup-password').fill(CLERK.password);
    await page.getByTestId('setup-confirm').fill(CLERK.password);
    await page.getByTestId('setup-submit').click();
    await logInIfAsked(page, CLERK);
    // A clerk lands on 待办; the residents are one click away.
    await page.getByTestId('worklist-screen').waitFor();
    await page.getByTestId('nav-residents').click();
    await waitForText(page.getByTestId('resident-total'), '共 0 人');
  });

  it('keeps a pasted spaced number whole and a full-width one, both in their stored form', async () => {
    await page.getByTestId('nav-register').click();
    const field = page.getByTestId('field-idNumber');
    await field.click();
    await page.keyboard.insertText(`${ID.slice(0, 6)} ${ID.slice(6, 10)} ${ID.slice(10, 14)} ${ID.slice(14)}`);
    expect(await field.inputValue()).toBe(ID);
    await page.getByTestId('derived-info').waitFor();
    expect(await textOf(page.getByTestId('derived-info'))).toContain('1990-03-07');

    await field.fill('');
    await field.click();
    await page.keyboard.insertText(ID.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    expect(await field.inputValue()).toBe(ID);
    await page.getByTestId('derived-info').waitFor();

    await field.fill('');
    await field.click();
    await page.keyboard.insertText('370102 1990 0307 00');
    await page.getByTestId('field-name').click();
    await waitForText(page.getByTestId('error-idNumber'), '身份证号应为 18 位，这里是 16 位');
  });
});
