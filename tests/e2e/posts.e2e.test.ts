// The public-welfare post journey in the browser preview: a station at a real village, two
// registered residents, a rural post (1000 yuan a month for 40 planned hours), one person
// assigned and one refused as ineligible then assigned by the admin's override, the previous
// month filled from the keyboard and by a row fill, a correction with its history, the month
// closed with exactly one holder flagged under the hourly minimum wage (21 yuan by default),
// the grid locked, and the month reopened with a reason.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots of each step.

import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { docId } from '../../shared/documents/registry';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { launchBrowser, logInIfAsked, pickDate, registerAtForm, shot, startHost, tempDir, textOf, waitForCount, waitForText } from './harness';

const CLERK = { loginName: 'admin01', displayName: '刘站长', password: 'Leye-2025-pass' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** Born 1972-03-15, male: past 45 at any recent start date, so 大龄 for rural posts. */
const OLDER = { name: '王大山', id: withCheck('37010219720315003'), phone: '13800138001' };
/** Born 1996-04-20, female, no hardship or care category: refused for a rural post. */
const YOUNGER = { name: '赵小梅', id: withCheck('37010219960420002'), phone: '13800138002' };


const pad = (n: number) => String(n).padStart(2, '0');

/** The previous calendar month (local time): every day of it is in the past. */
function previousMonth(): { month: string; days: { day: number; date: string; weekend: boolean }[] } {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const y = first.getFullYear();
  const m = first.getMonth() + 1;
  const count = new Date(y, m, 0).getDate();
  const days = Array.from({ length: count }, (_, i) => {
    const date = `${y}-${pad(m)}-${pad(i + 1)}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return { day: i + 1, date, weekend: weekday === 0 || weekday === 6 };
  });
  return { month: `${y}-${pad(m)}`, days };
}





async function chooseResident(page: Page, name: string) {
  await page.getByTestId('assign-resident').click();
  await page.keyboard.type(name);
  await page.locator('[data-testid=assign-option]', { hasText: name }).click();
}

/** The grid row index of a holder, by name. */
async function rowOf(page: Page, name: string): Promise<number> {
  for (let row = 0; row < 10; row += 1) {
    const cell = page.getByTestId(`grid-name-${row}`);
    if ((await cell.count()) === 0) break;
    if ((await cell.innerText()).trim() === name) return row;
  }
  throw new Error(`no grid row for ${name}`);
}

describe('public-welfare posts, end to end', () => {
  const dataDir = tempDir('leye-posts-e2e-');
  const { month, days } = previousMonth();
  const workingDays = days.filter((d) => !d.weekend);
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let olderRow = -1;
  let youngerRow = -1;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up a station (its first account is admin) and registers two residents', async () => {
    await page.goto(host.url);
    await page.getByTestId('place-cascader').click();
    for (const name of VILLAGE_PATH) await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    await page.getByTestId('setup-loginName').fill(CLERK.loginName);
    await page.getByTestId('setup-displayName').fill(CLERK.displayName);
    await page.getByTestId('setup-password').fill(CLERK.password);
    await page.getByTestId('setup-confirm').fill(CLERK.password);
    await page.getByTestId('setup-submit').click();
    await logInIfAsked(page, CLERK);

    await registerAtForm(page, OLDER);
    await registerAtForm(page, YOUNGER);
    await waitForText(page.getByTestId('resident-total'), '共 2 人');
  });

  it('shows the shipped policy defaults, labelled for the county to confirm', async () => {
    await page.getByTestId('nav-policy').click();
    // The county and the tier by name (历下区 第一档), never 370102 一类; a shipped default says so.
    await waitForText(page.getByTestId('policy-kind-minimumWage'), '历下区 第一档');
    expect(await textOf(page.getByTestId('policy-kind-minimumWage'))).toContain('小时 21.00 元');
    expect(await textOf(page.getByTestId('policy-kind-minimumWage'))).not.toContain('370102');
    expect(await textOf(page.getByTestId('policy-kind-minimumWage').getByTestId('policy-updated'))).toBe('系统默认值（2021-10-01 起施行）');
    // Minimum wage, retirement, posts, training, the plausible registration age (16–100), the work list's periods, the 考核 and the recruitment order.
    expect(await page.getByTestId('policy-default').count()).toBe(8);
    expect(await textOf(page.getByTestId('policy-kind-registrationAge'))).toContain('登记日年龄 16–100 岁');
    expect(await textOf(page.getByTestId('policy-kind-worklist'))).toContain('失业人员 30 天内联系一次；推荐 14 天内记录结果');
    await waitForText(page.getByTestId('policy-kind-minimumWage').getByTestId('policy-default'), '默认值 — 须经县级确认');
    await shot(page, '01-policy');
  });

  it('creates a rural post, refusing a bad amount on its field first', async () => {
    await page.getByTestId('nav-posts').click();
    await page.getByTestId('post-new').click();
    await page.getByTestId('post-field-code').fill('GY-001');
    await page.getByTestId('post-field-name').fill('村庄保洁员');
    await page.getByTestId('post-field-category').click();
    await page.locator('.ant-select-item-option', { hasText: '乡村保洁' }).click();
    await page.getByTestId('post-field-employerName').fill('解放桥社区居民委员会');
    await page.getByTestId('post-field-plannedHoursPerMonth').fill('40');
    await pickDate(page, 'post-field-startDate', `${month}-01`);
    await page.getByTestId('post-save').click();
    // No pay yet: refused on its field, nothing saved.
    await waitForText(page.getByTestId('error-post-payPerMonth'), '月工资（元）为必填项');
    await page.getByTestId('post-field-payPerMonth').fill('1000');
    await page.getByTestId('error-post-payPerMonth').waitFor({ state: 'detached' });
    await shot(page, '02-post-form');
    await page.getByTestId('post-save').click();

    await waitForText(page.getByTestId('post-title'), '村庄保洁员');
    await page.getByTestId('post-back').click();
    await waitForCount(page.getByTestId('post-row'), 1);
    const row = await textOf(page.getByTestId('post-row'));
    expect(row).toContain('GY-001');
    expect(row).toContain('乡村');
    expect(row).toContain('1000.00 元');
    await shot(page, '03-posts');
    await page.getByTestId('post-row').click();
  });

  it('assigns the older person, and refuses the younger one with every failed rule', async () => {
    await chooseResident(page, OLDER.name);
    await pickDate(page, 'assign-start', `${month}-01`);
    await page.getByTestId('assign-contract').fill('HT-001');
    await page.getByTestId('assign-submit').click();
    await waitForCount(page.getByTestId('holder-row'), 1);
    expect(await textOf(page.getByTestId('holder-row'))).toContain(OLDER.name);

    await chooseResident(page, YOUNGER.name);
    await pickDate(page, 'assign-start', `${month}-01`);
    await page.getByTestId('assign-contract').fill('HT-002');
    await page.getByTestId('assign-submit').click();
    const refusal = page.getByTestId('assign-refusal');
    await waitForText(refusal, '不属于乡村岗位的安置对象');
    expect(await textOf(refusal)).toContain('脱贫人口、低收入人口、残疾人、大龄人员');
    expect(await page.getByTestId('holder-row').count()).toBe(1);
    await shot(page, '04-refused');
  });

  it('lets the admin override the refusal with a written reason, recorded on the holder', async () => {
    await page.getByTestId('override-reason').fill('短');
    await page.getByTestId('override-submit').click();
    await waitForText(page.getByTestId('error-override-reason'), '至少 10 个字');
    await page.getByTestId('override-reason').fill('经乡镇研究，此人家庭确有困难，同意例外安置。');
    await page.getByTestId('override-submit').click();
    await waitForCount(page.getByTestId('holder-row'), 2);
    await page.getByTestId('assign-refusal').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('holder-row').filter({ hasText: YOUNGER.name }).getByTestId('holder-override'), '例外批准');
    await shot(page, '05-holders');
  });

  it('fills the previous month from the keyboard and by a row fill', async () => {
    await page.getByTestId('open-attendance').click();
    await page.getByTestId('attendance-prev').click();
    await page.locator(`[data-testid=attendance-screen][data-month="${month}"]`).waitFor();
    olderRow = await rowOf(page, OLDER.name);
    youngerRow = await rowOf(page, YOUNGER.name);

    // The older holder: 2 hours every working day, rest at weekends, typed cell by cell.
    await page.getByTestId(`cell-${olderRow}-1`).click();
    for (const day of days) {
      if (day.weekend) await page.keyboard.press('x');
      else {
        await page.keyboard.type('2');
        await page.keyboard.press('Enter');
      }
    }
    await waitForText(page.getByTestId(`row-total-${olderRow}`), `${workingDays.length * 2} 小时`);
    expect(await page.getByTestId(`cell-${olderRow}-${workingDays[0]!.day}`).innerText()).toBe('2');
    expect(await page.getByTestId(`cell-${olderRow}-${days.find((d) => d.weekend)!.day}`).innerText()).toBe('休');

    // A correction: the first working day becomes sick leave, then 2 hours again; both kept.
    const first = page.getByTestId(`cell-${olderRow}-${workingDays[0]!.day}`);
    await first.click();
    await page.keyboard.press('b');
    await page.locator(`[data-testid="cell-${olderRow}-${workingDays[0]!.day}"][data-mark=sickLeave]`).waitFor();
    await first.click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="cell-${olderRow}-${workingDays[0]!.day}"][data-mark=present]`).waitFor();
    await first.getByTestId('cell-corrected').waitFor();
    await first.click();
    await waitForText(page.getByTestId('cell-history'), '病假');

    // The younger holder: 8 hours every working day by the row fill.
    await page.getByTestId('fill-hours').fill('8');
    await page.getByTestId('fill-hours').press('Tab');
    await page.getByTestId(`row-fill-${youngerRow}`).click();
    await waitForText(page.getByTestId(`row-total-${youngerRow}`), `${workingDays.length * 8} 小时`);
    await shot(page, '06-grid');
  });

  it('closes the month (in a second window): the first window’s next entry is refused as locked and rolled back', async () => {
    const rows = page.getByTestId('summary-row');
    await waitForText(rows.filter({ hasText: YOUNGER.name }), String(workingDays.length * 8));

    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(host.url);
    await logInIfAsked(other, CLERK);
    await other.evaluate((hash) => ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), `#/posts/${encodeURIComponent(docId.post('370102001002', 'GY-001'))}/attendance/${month}`);
    // One holder is under the minimum wage: the close asks for a written reason naming them.
    await other.getByTestId('close-month').click();
    await waitForText(other.getByTestId('below-close-names'), YOUNGER.name);
    await other.getByTestId('below-close-submit').click();
    await other.getByTestId('error-below-reason').waitFor();
    await other.getByTestId('below-reason').fill('工时含岗前培训，已报县人社局');
    await other.getByTestId('below-close-submit').click();
    await other.getByTestId('month-closed-tag').waitFor();
    await waitForText(other.getByTestId('close-history'), '工时含岗前培训，已报县人社局');
    await waitForCount(other.getByTestId('below-minimum'), 1);
    await other.close();

    // This window still shows the month open: the entry shows at once, then comes back.
    const cell = page.getByTestId(`cell-${youngerRow}-${workingDays[0]!.day}`);
    await cell.click();
    await page.keyboard.press('k');
    await waitForText(page.locator('.ant-message'), `保存失败，已恢复原值：${month} 已结算锁定`);
    await page.locator(`[data-testid="cell-${youngerRow}-${workingDays[0]!.day}"][data-mark=present]`).waitFor();
    await page.getByTestId('month-closed-tag').waitFor();
    await page.locator('[data-testid=attendance-screen][data-locked=true]').waitFor();
  });

  it('shows exactly one holder under the hourly minimum, with the reason, and a read-only grid', async () => {
    const rows = page.getByTestId('summary-row');
    await waitForCount(rows, 2);
    await waitForCount(page.getByTestId('below-minimum'), 1);
    const flagged = rows.filter({ has: page.getByTestId('below-minimum') });
    expect(await textOf(flagged)).toContain(YOUNGER.name);
    expect(await textOf(flagged.getByTestId('below-minimum'))).toContain(`应发 1000.00 元 ÷ ${workingDays.length * 8} 小时`);
    expect(await textOf(flagged.getByTestId('below-minimum'))).toContain('低于最低小时工资 21.00 元');
    expect(await textOf(rows.filter({ hasText: OLDER.name }))).toContain('1000.00');
    await waitForText(page.getByTestId('minimum-wage-default'), '默认值，待县级确认');
    await waitForText(page.getByTestId('closure-info'), '结算');

    // Locked: a key press changes nothing, and there is nothing to fill.
    const cell = page.getByTestId(`cell-${youngerRow}-${workingDays[1]!.day}`);
    await cell.click({ force: true }); // aria-disabled: playwright would wait for it to be enabled
    await page.keyboard.press('k');
    expect(await cell.getAttribute('data-mark')).toBe('present');
    expect(await page.getByTestId(`row-fill-${youngerRow}`).count()).toBe(0);
    await shot(page, '07-closed');
  });

  it('reopens the month with a recorded reason', async () => {
    await page.getByTestId('reopen-month').click();
    await page.getByTestId('reopen-reason').fill('赵小梅 工时需核对');
    await page.getByTestId('reopen-submit').click();
    await page.getByTestId('month-reopened-tag').waitFor();
    await page.locator('[data-testid=attendance-screen][data-locked=false]').waitFor();
    await waitForText(page.getByTestId('close-history'), '赵小梅 工时需核对');
    await page.getByTestId('close-month').waitFor();
    await shot(page, '08-reopened');
  });

  it('speaks English too', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await waitForText(page.getByTestId('month-summary'), 'Month close');
    await waitForText(page.getByTestId('below-minimum'), `Pay ¥1000.00 ÷ ${workingDays.length * 8} h = ¥`);
    await waitForText(page.getByTestId('below-minimum'), 'below the hourly minimum of ¥21.00');
    await shot(page, '09-english');
    await page.getByTestId('language-switch').getByText('中文').click();
  });

  it('applies a new minimum wage from the day it takes effect', async () => {
    await page.getByTestId('nav-policy').click();
    await page.getByTestId('policy-add-minimumWage').click();
    await pickDate(page, 'policy-field-effectiveFrom', `${month}-01`);
    expect(await page.getByTestId('policy-field-values-countyCode').inputValue()).toBe('370102');
    await page.getByTestId('policy-field-values-tier').fill('测试档');
    await page.getByTestId('policy-field-values-monthly').fill('1000');
    await page.getByTestId('policy-field-values-hourly').fill('5.123');
    await page.getByTestId('policy-save').click();
    // InputNumber keeps two decimals: 5.12 is saved.
    await waitForCount(page.getByTestId('policy-row-minimumWage'), 2);
    const added = page.getByTestId('policy-row-minimumWage').filter({ hasText: `${month}-01` });
    expect(await textOf(added)).toContain('小时 5.12 元');
    expect(await textOf(added)).toContain('已确认');
    await shot(page, '10-policy-added');

    await page.getByTestId('nav-posts').click();
    await page.getByTestId('post-row').click();
    await page.getByTestId('open-attendance').click();
    await page.getByTestId('attendance-prev').click();
    await waitForText(page.getByTestId('minimum-wage'), '小时 5.12 元');
    // The confirmed value: no "default" tag (it goes with the policy list's next answer).
    await waitForCount(page.getByTestId('minimum-wage-default'), 0);
    await waitForCount(page.getByTestId('summary-row'), 2);
    expect(await page.getByTestId('below-minimum').count()).toBe(0);
  });

  it('fills a whole column of the current month, whose future days cannot be entered', async () => {
    const now = new Date();
    const current = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
    await page.getByTestId('attendance-next').click();
    await page.locator(`[data-testid=attendance-screen][data-month="${current}"]`).waitFor();
    await page.getByTestId('col-fill-1').click();
    await page.getByTestId('col-fill-mark-personalLeave').click();
    for (const row of [olderRow, youngerRow]) await page.locator(`[data-testid="cell-${row}-1"][data-mark=personalLeave]`).waitFor();
    expect(await page.getByTestId('cell-0-1').innerText()).toBe('事');
    const tomorrow = now.getDate() + 1;
    const future = page.getByTestId(`cell-0-${tomorrow}`);
    if ((await future.count()) > 0) {
      expect(await future.getAttribute('aria-disabled')).toBe('true');
      expect(await page.getByTestId(`col-fill-${tomorrow}`).count()).toBe(0);
    }
    await shot(page, '11-current-month');
  });
});
