// Employment status in the browser preview: a clerk closes a 失业登记 as employed (the dialog asks
// the status) and sees it on the resident's page, records a status by hand (外出务工 asks where;
// a missing answer is refused on its field), and reads it all in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { launchBrowser, pickDate, setUpStation, startHost, tempDir, textOf, waitForText, setLanguage } from './harness';

const CLERK = { loginName: 'clerk01', displayName: '王丽', password: 'Leye-2025-pass' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const ID = ((first17: string) => first17 + idNumberCheckChar(first17))('37010219850307003');
const SHOTS = process.env.LEYE_E2E_SHOTS ?? tempDir('leye-employment-shots-');

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/** Closes the open select, then the status form. */
async function closeForm(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('employment-cancel').click();
  await page.getByTestId('employment-form').waitFor({ state: 'detached' });
}

describe('employment status, end to end', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await setUpStation(page, VILLAGE_PATH, CLERK);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('closes a 失业登记 as employed and shows the status on the resident’s page', async () => {
    await page.getByTestId('nav-register').click();
    await page.getByTestId('field-name').fill('张三');
    await page.getByTestId('field-idNumber').fill(ID);
    await page.getByTestId('field-phone').fill('13800138000');
    await page.getByTestId('field-householdType').getByText('非农业', { exact: true }).click();
    await page.getByTestId('field-education').click();
    await page.locator('.ant-select-item-option', { hasText: '高中' }).click();
    await page.getByTestId('field-address').fill('解放桥社区 3 号楼');
    await page.getByTestId('field-targetGroups').getByText('农村务工人员').click();
    await page.getByTestId('field-kind').getByText('失业登记').click();
    await choose(page, 'field-unemploymentType', '失去工作岗位人员');
    // Typed into the date picker: its Enter submits the form.
    await pickDate(page, 'field-unemployedSince', '2026-01-05');
    await waitForText(page.getByTestId('detail-name'), '张三');
    await page.getByTestId('employment-none').waitFor();
    expect(await textOf(page.getByTestId('resident-detail'))).toContain('失业登记');

    await page.getByTestId('detail-close').click();
    await choose(page, 'close-reason', '已就业');
    await page.getByTestId('closure-employment').waitFor();
    await choose(page, 'closure-employment-status', '灵活就业');
    await page.getByTestId('closure-employment-employer').fill('济南某快递站');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'employment-closure-zh.png') });
    await page.getByTestId('close-confirm').click();
    const current = page.getByTestId('employment-current');
    await waitForText(current, '灵活就业');
    expect(await current.getAttribute('data-status')).toBe('flexible');
    expect(await textOf(page.getByTestId('employment-history'))).toContain('注销登记（已就业）时记录');
  });

  it('records a status by hand: 外出务工 asks where, and a missing answer is refused on its field', async () => {
    await page.getByTestId('employment-record').click();
    await page.getByTestId('employment-form').waitFor();
    await choose(page, 'employment-status', '外出务工');
    await page.getByTestId('employment-save').click();
    await waitForText(page.getByTestId('error-employment-area'), '务工地');
    await choose(page, 'employment-area', '省外');
    await page.getByTestId('employment-destination').fill('江苏省苏州市');
    await page.getByTestId('employment-save').click();
    await page.getByTestId('employment-form').waitFor({ state: 'detached' });
    // Same day as the closure's entry: the later written is current.
    await waitForText(page.getByTestId('employment-current'), '外出务工');
    expect(await textOf(page.getByTestId('employment-current'))).toContain('省外 江苏省苏州市');
    expect(await page.getByTestId('employment-entry').count()).toBe(2);
  });

  it('reads the same in both languages (screenshots at 1366×768)', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const card = page.getByTestId('employment-card');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'employment-card-zh.png') });
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('employment-current'), 'Working away from home');
    expect(await textOf(page.getByTestId('employment-current'))).toContain('Outside Shandong');
    expect(await textOf(card)).toContain('Recorded when the registration was closed as employed');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'employment-card-en.png') });
    await page.getByTestId('employment-record').click();
    await choose(page, 'employment-status', 'Working away from home');
    await page.screenshot({ path: path.join(SHOTS, 'employment-form-en.png') });
    await closeForm(page);
    await setLanguage(page, '中文');
    await page.getByTestId('employment-record').click();
    await choose(page, 'employment-status', '外出务工');
    await page.screenshot({ path: path.join(SHOTS, 'employment-form-zh.png') });
    await closeForm(page);
  });

  it('shows the counts with their definitions on the statistics screen', async () => {
    await page.getByTestId('resident-detail').locator('.ant-drawer-close').click();
    await page.getByTestId('nav-stats').click();
    const section = page.getByTestId('stats-employment');
    await section.waitFor();
    await waitForText(page.getByTestId('employment-by-month-total-newUrban'), '1');
    expect(await textOf(page.getByTestId('employment-by-month-total-reemployed'))).toBe('1');
    expect(await textOf(page.getByTestId('employment-definitions'))).toContain('城镇新增就业：');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'employment-stats-zh.png') });
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('employment-definitions'), 'New urban employment:');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'employment-stats-en.png') });
  });
});
