// The residents journey in the browser preview, on one data folder: first-run setup with a
// real village, login, registering a resident, a bad ID number refused on its field, search by
// pinyin initials, the data surviving a host restart, and a draft surviving a reload.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ageOn, idNumberCheckChar } from '../../shared/id/idNumber';
import { launchBrowser, localToday, logInIfAsked, startHost, tempDir, textOf, waitForText } from './harness';

const CLERK = { loginName: 'clerk01', displayName: '王丽', password: 'Leye-2025-pass' };
/** A real place chain as `places.children` lists it (统计用区划代码 370102001002). */
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
/** 张三, born 1990-03-07 in 历下区, male (odd 17th digit). */
const ZHANG_SAN_ID = withCheck('37010219900307003');
/** Check character should be X (see DESIGN.md); 1 is a typo. */
const BAD_CHECK_ID = '110105194912310021';




async function searchFor(page: Page, query: string) {
  await page.getByTestId('resident-search').fill(query);
}

describe('residents, end to end', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('sets up the station at a real village and logs the clerk in', async () => {
    await page.goto(host.url);
    // The preview token leaves the address bar as soon as the page has it.
    expect(page.url()).not.toContain('token=');
    await page.getByTestId('place-cascader').click();
    for (const name of VILLAGE_PATH) {
      await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    }
    await waitForText(page.getByTestId('place-cascader'), VILLAGE_PATH.join(' / '));
    await page.getByTestId('setup-loginName').fill(CLERK.loginName);
    await page.getByTestId('setup-displayName').fill(CLERK.displayName);
    await page.getByTestId('setup-password').fill(CLERK.password);
    await page.getByTestId('setup-confirm').fill(CLERK.password);
    await page.getByTestId('setup-submit').click();

    await logInIfAsked(page, CLERK);
    expect(await textOf(page.getByTestId('current-user'))).toBe(CLERK.displayName);
    expect(await textOf(page.getByTestId('station-name'))).toContain('解放桥社区居民委员会');
    // A clerk lands on 待办; the residents are one click away.
    await page.getByTestId('worklist-screen').waitFor();
    await page.getByTestId('nav-residents').click();
    await waitForText(page.getByTestId('resident-total'), '共 0 人');
  });

  it('registers a resident, showing the age derived from the ID number', async () => {
    await page.getByTestId('nav-register').click();
    await page.getByTestId('field-name').fill('张三');
    await page.getByTestId('field-idNumber').fill(ZHANG_SAN_ID);
    const age = ageOn('1990-03-07', localToday());
    expect(await textOf(page.getByTestId('derived-age'))).toBe(`${age} 岁`);
    expect(await textOf(page.getByTestId('derived-info'))).toContain('1990-03-07');

    await page.getByTestId('field-phone').fill('13800138000');
    await page.getByTestId('field-householdType').getByText('农业', { exact: true }).click();
    await page.getByTestId('field-education').click();
    await page.locator('.ant-select-item-option', { hasText: '高中' }).click();
    await page.getByTestId('field-address').fill('解放桥社区 3 号楼 2 单元');
    await page.getByTestId('field-targetGroups').getByText('农村务工人员').click();
    await page.getByTestId('field-jobIntention').fill('电工');
    await page.getByTestId('form-submit').click();

    await waitForText(page.getByTestId('detail-name'), '张三');
    // Sensitive numbers are masked in the detail view.
    expect(await textOf(page.getByTestId('resident-detail').getByTestId('value-idNumber'))).toMatch(/^3701\*+\d{3}[\dX]$/);
    await page.keyboard.press('Escape');
    await waitForText(page.getByTestId('resident-total'), '共 1 人');
  });

  it('refuses an ID number with a wrong check digit on its field, storing nothing', async () => {
    await page.getByTestId('nav-register').click();
    await page.getByTestId('field-name').fill('李四');
    await page.getByTestId('field-idNumber').fill(BAD_CHECK_ID);
    await waitForText(page.getByTestId('error-idNumber'), '身份证号校验位不正确');
    expect(await page.getByTestId('derived-age').count()).toBe(0);

    await page.getByTestId('field-phone').fill('13900139000');
    await page.getByTestId('field-householdType').getByText('非农业', { exact: true }).click();
    await page.getByTestId('field-education').click();
    await page.locator('.ant-select-item-option', { hasText: '本科' }).click();
    await page.getByTestId('field-address').fill('解放桥社区 5 号楼');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-error').waitFor();
    // Still on the form, the message still on the ID number field.
    await waitForText(page.getByTestId('error-idNumber'), '身份证号校验位不正确');

    await page.getByTestId('nav-residents').click();
    await waitForText(page.getByTestId('resident-total'), '共 1 人');
    await searchFor(page, '李四');
    await waitForText(page.getByTestId('resident-total'), '共 0 人');
  });

  it('finds the resident by pinyin initials', async () => {
    await searchFor(page, 'zs');
    await waitForText(page.getByTestId('resident-total'), '共 1 人');
    expect(await textOf(page.getByTestId('resident-row').first().getByTestId('resident-name'))).toBe('张三');
  });

  it('still has the resident after the host restarts on the same data folder', async () => {
    await host.stop();
    await page.getByTestId('disconnected-banner').waitFor();
    host = await startHost({ dataDir });
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
    await page.getByTestId('nav-residents').click();
    await searchFor(page, 'zs');
    await waitForText(page.getByTestId('resident-total'), '共 1 人');
    await page.getByTestId('resident-row').first().click();
    await waitForText(page.getByTestId('detail-name'), '张三');
    await page.keyboard.press('Escape');
  });

  it('closes a registration as 录入错误 and reopens it with a reason, the closure kept on the record', async () => {
    await searchFor(page, 'zs');
    await page.getByTestId('resident-row').first().click();
    await waitForText(page.getByTestId('detail-name'), '张三');
    await page.getByTestId('detail-close').click();
    await page.getByTestId('close-reason').click();
    await page.locator('.ant-select-item-option', { hasText: '录入错误' }).click();
    await page.getByTestId('close-confirm').click();
    await page.getByTestId('closure').waitFor();
    expect(await textOf(page.getByTestId('closure'))).toContain('录入错误');
    expect(await page.getByTestId('detail-edit').isDisabled()).toBe(true);

    await page.getByTestId('detail-reopen').click();
    // The reason is required: nothing is sent without it.
    await page.getByTestId('reopen-confirm').click();
    await waitForText(page.locator('.ant-modal'), '重新打开原因为必填项');
    await page.getByTestId('reopen-reason').fill('误点注销，本人仍在求职');
    await page.getByTestId('reopen-confirm').click();
    await page.getByTestId('closure').waitFor({ state: 'detached' });
    expect(await page.getByTestId('detail-edit').isDisabled()).toBe(false);
    expect(await textOf(page.getByTestId('reopenings'))).toContain('误点注销，本人仍在求职');
    expect(await textOf(page.getByTestId('reopenings'))).toContain('录入错误');
    await page.keyboard.press('Escape');
  });

  it('restores a draft after a reload mid-form, and discards it on request', async () => {
    const draftId = withCheck('37010219850615002');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('field-name').fill('王五');
    await page.getByTestId('field-idNumber').fill(draftId);
    await page.getByTestId('field-address').fill('解放桥社区 8 号楼');
    await page.getByTestId('field-kind').getByText('失业登记').click();

    await page.reload();
    await logInIfAsked(page, CLERK);
    await page.locator('[data-testid=resident-form][data-draft-state=loaded]').waitFor();
    await page.getByTestId('draft-restored').waitFor();
    expect(await textOf(page.getByTestId('draft-restored'))).toContain('已恢复上次未提交的草稿');
    expect(await page.getByTestId('field-name').inputValue()).toBe('王五');
    expect(await page.getByTestId('field-idNumber').inputValue()).toBe(draftId);
    expect(await page.getByTestId('field-address').inputValue()).toBe('解放桥社区 8 号楼');
    // The kind-specific fields of 失业登记 are back too.
    await page.getByTestId('field-unemploymentType').waitFor();

    await page.getByTestId('draft-discard').click();
    await page.getByTestId('draft-restored').waitFor({ state: 'detached' });
    expect(await page.getByTestId('field-name').inputValue()).toBe('');
    await page.reload();
    await logInIfAsked(page, CLERK);
    await page.locator('[data-testid=resident-form][data-draft-state=loaded]').waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
  });
});
