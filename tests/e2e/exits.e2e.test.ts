// Ending a post holder early in the browser preview: a station seeded with a rural post and two
// holders since the first of last month (one reaching the retirement age within the work list's
// window: a warning tag with its date), the clerk ends the other's assignment on the 10th of last
// month as 就业 (the dialog's default status 单位就业, an employer), the row shows the reason and
// the date, and last month's attendance grid shows the days after the 10th outside the
// assignment. The exit was a mistake (the wrong date): the clerk withdraws it with a reason (撤销),
// the row shows it struck through, the grid takes the days after it again, and the clerk ends the
// assignment again on the right day. Screenshots at 1366×768 in both languages (LEYE_E2E_SHOTS keeps them).
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Core, type Session } from '../../src-main/core/core';
import { CLEANING_POST, VILLAGE, idNumber, registration, villagePost } from '../../src-main/core/testing/fixtures';
import { DEFAULT_RETIREMENT_RULES, retirementDate } from '../../shared/policy/retirement';
import { addDays } from '../../shared/worklist/rules';
import { launchBrowser, localToday, logInIfAsked, pickDate, setLanguage, shot, startHost, tempDir, waitForText } from './harness';

const CLERK = { loginName: 'wangli', displayName: '王丽', password: 'secret-123' };
const POST = villagePost(CLEANING_POST.code);
const today = localToday();
const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
const exitDate = `${lastMonth}-10`;

/** A man's birth day whose retirement falls 10 to 40 days from today (the warning shows from 60 days before). */
function retiringBirth(): string {
  for (let year = 1962; year <= 1970; year++) {
    for (let month = 1; month <= 12; month++) {
      const birth = `${year}-${String(month).padStart(2, '0')}-15`;
      const retires = retirementDate(DEFAULT_RETIREMENT_RULES, birth, 'male');
      if (retires >= addDays(today, 10) && retires <= addDays(today, 40)) return birth;
    }
  }
  throw new Error('no birth date retires soon');
}

async function seedStation(dataDir: string): Promise<void> {
  const core = await Core.open({ dataDir });
  try {
    const session: Session = { user: null };
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: CLERK });
    await core.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    await core.call(session, 'posts.save', CLEANING_POST);
    const people: [string, string][] = [['王大山', '19750101'], ['李建国', retiringBirth().replaceAll('-', '')]];
    for (const [i, [name, birth]] of people.entries()) {
      const reg = registration({ idNumber: idNumber(birth, `11${2 * i + 1}`), name, registration: { kind: 'hardship', date: `${lastMonth}-01`, hardshipCategories: ['povertyAlleviated'] } });
      const { id } = await core.call(session, 'residents.register', reg);
      await core.call(session, 'posts.assign', { postId: POST, residentId: id, startDate: `${lastMonth}-01`, endDate: `${Number(today.slice(0, 4)) + 1}-12-31`, contractNo: `HT-${i + 1}` });
    }
    await core.whenIndexed();
  } finally {
    await core.close();
  }
}

describe('ending a post holder early, end to end', () => {
  const dataDir = tempDir('leye-exits-e2e-');
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  const row = (name: string) => page.getByTestId('holder-row').filter({ hasText: name });
  /** Opens a route by its hash (the host's URL carries the session's token). */
  const open = (hash: string) => page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);

  beforeAll(async () => {
    await seedStation(dataDir);
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 60_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `exits-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the retirement warning on the holder row, with its date', async () => {
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
    await open(`#/posts/${encodeURIComponent(POST)}`);
    await page.getByTestId('post-detail').waitFor();
    const warning = row('李建国').getByTestId('holder-warning-retirement');
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/\d{4}-\d{2}-\d{2} 到退休年龄/);
    expect(await row('王大山').getByTestId('holder-warning-retirement').count()).toBe(0);
    await shot(page, 'exits-1-post-zh');
  });

  it('ends a holder early as 就业 from the dialog; the row shows the reason and the date', async () => {
    await row('王大山').getByTestId('holder-end').click();
    await page.getByTestId('exit-form').waitFor();
    await pickDate(page, 'exit-field-date', exitDate);
    await page.getByTestId('exit-field-reason').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '就业' }).first().click();
    // The reason brings its default status.
    await waitForText(page.getByTestId('exit-field-next'), '单位就业');
    await page.getByTestId('exit-field-employer').fill('济南某物流有限公司');
    await page.getByTestId('exit-field-note').fill('本人已签劳动合同');
    await page.locator('.ant-modal-title').click();
    await shot(page, 'exits-2-dialog-zh');
    await page.getByTestId('exit-submit').click();
    await page.getByTestId('exit-form').waitFor({ state: 'detached' });
    const ended = row('王大山').getByTestId('holder-exit');
    await waitForText(ended, `提前结束 ${exitDate} · 就业`);
    expect(await row('王大山').getByTestId('holder-end').count()).toBe(0);
    await shot(page, 'exits-3-ended-zh');
    // The confirmation (in the language it was given in) goes before the English pictures.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });
    await setLanguage(page, 'English');
    await waitForText(ended, `Ended early ${exitDate} · Employed`);
    await waitForText(row('李建国').getByTestId('holder-warning-retirement'), 'Retirement age');
    await shot(page, 'exits-4-ended-en');
    await row('李建国').getByTestId('holder-end').click();
    await page.getByTestId('exit-form').waitFor();
    await page.getByTestId('exit-field-reason').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Retirement age' }).first().click();
    await waitForText(page.getByTestId('exit-field-next'), 'Retired');
    await page.locator('.ant-modal-title').click();
    await shot(page, 'exits-5-dialog-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('exit-form').waitFor({ state: 'detached' });
    await setLanguage(page, '中文');
  });

  it('shows last month’s days after the exit date as outside the assignment', async () => {
    await open(`#/posts/${encodeURIComponent(POST)}/attendance/${lastMonth}`);
    const name = page.getByTestId('grid-name-0').or(page.getByTestId('grid-name-1'));
    await name.first().waitFor();
    const rowIndex = (await page.getByTestId('grid-name-0').innerText()).trim() === '王大山' ? 0 : 1;
    expect(await page.getByTestId(`grid-name-${rowIndex}`).getAttribute('title')).toContain(exitDate);
    expect(await page.getByTestId(`cell-${rowIndex}-10`).getAttribute('class')).not.toContain('leye-cell-disabled');
    expect(await page.getByTestId(`cell-${rowIndex}-11`).getAttribute('class')).toContain('leye-cell-disabled');
    expect(await page.getByTestId(`cell-${1 - rowIndex}-11`).getAttribute('class')).not.toContain('leye-cell-disabled');
    await shot(page, 'exits-6-grid-zh');
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId(`grid-name-${rowIndex}`), '王大山');
    await shot(page, 'exits-7-grid-en');
    await setLanguage(page, '中文');
  });

  it('withdraws the mistaken exit with a reason: struck through on the row, the days after it held again', async () => {
    await open(`#/posts/${encodeURIComponent(POST)}`);
    await page.getByTestId('post-detail').waitFor();
    await row('王大山').getByTestId('holder-withdraw').click();
    await page.getByTestId('withdraw-form').waitFor();
    // The reason is required, on its field.
    await page.getByTestId('withdraw-submit').click();
    await waitForText(page.locator('.ant-modal .ant-form-item-explain-error'), '撤销原因为必填项');
    await page.getByTestId('withdraw-field-reason').fill('日期记错，应为 20 日');
    await page.locator('.ant-modal-title').click();
    await shot(page, 'exits-8-withdraw-dialog-zh');
    await page.getByTestId('withdraw-submit').click();
    await page.getByTestId('withdraw-form').waitFor({ state: 'detached' });
    const withdrawn = row('王大山').getByTestId('holder-withdrawn-exit');
    await waitForText(withdrawn, `提前结束 ${exitDate} · 就业`);
    expect(await withdrawn.innerText()).toContain('已撤销');
    expect(await withdrawn.getAttribute('aria-label')).toContain('日期记错，应为 20 日');
    expect(await row('王大山').getByTestId('holder-exit').count()).toBe(0);
    await row('王大山').getByTestId('holder-end').waitFor();
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });
    await open(`#/posts/${encodeURIComponent(POST)}/attendance/${lastMonth}`);
    await page.getByTestId('grid-name-0').waitFor();
    const rowIndex = (await page.getByTestId('grid-name-0').innerText()).trim() === '王大山' ? 0 : 1;
    await expect.poll(async () => page.getByTestId(`cell-${rowIndex}-11`).getAttribute('class'), { timeout: 10_000 }).not.toContain('leye-cell-disabled');
  });

  it('ends the assignment again on the right day; the row shows the real end and the withdrawn one struck through', async () => {
    const rightDate = `${lastMonth}-20`;
    await open(`#/posts/${encodeURIComponent(POST)}`);
    await page.getByTestId('post-detail').waitFor();
    await row('王大山').getByTestId('holder-end').click();
    await page.getByTestId('exit-form').waitFor();
    await pickDate(page, 'exit-field-date', rightDate);
    await page.getByTestId('exit-field-reason').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '就业' }).first().click();
    await waitForText(page.getByTestId('exit-field-next'), '单位就业');
    await page.getByTestId('exit-submit').click();
    await page.getByTestId('exit-form').waitFor({ state: 'detached' });
    await waitForText(row('王大山').getByTestId('holder-exit'), `提前结束 ${rightDate} · 就业`);
    expect(await row('王大山').getByTestId('holder-period').innerText()).toContain(rightDate);
    expect(await row('王大山').getByTestId('holder-withdrawn-exit').innerText()).toContain(exitDate);
    await row('王大山').getByTestId('holder-withdrawn-exit').hover();
    await waitForText(page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').last(), '日期记错');
    await shot(page, 'exits-9-withdrawn-zh');
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });
    await page.mouse.move(5, 5);
    await setLanguage(page, 'English');
    await waitForText(row('王大山').getByTestId('holder-withdrawn-exit'), 'Withdrawn');
    await row('王大山').getByTestId('holder-withdrawn-exit').hover();
    await waitForText(page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').last(), 'withdrawn by 王丽');
    await shot(page, 'exits-10-withdrawn-en');
    await page.mouse.move(5, 5);
    await row('王大山').getByTestId('holder-withdraw').click();
    await page.getByTestId('withdraw-form').waitFor();
    await page.getByTestId('withdraw-field-reason').fill('Ended the wrong holder');
    await page.locator('.ant-modal-title').click();
    await shot(page, 'exits-11-withdraw-dialog-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('withdraw-form').waitFor({ state: 'detached' });
    await setLanguage(page, '中文');
  });
});
