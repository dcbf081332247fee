// 待办 in the browser preview: three people registered unemployed 45 days ago (seeded through the
// core on a clock set back, as if the station had been in use since), none contacted since. The
// clerk logs in and lands on 待办, opens one row (the person's 服务记录 tab), records a home visit
// and sees the list shrink; snoozes another (refused without a day, on the field), finds it in the
// marked section with the reason and who marked it, and reopens it. Both languages at 1366×768.
// Then a station with 40 not contacted: the rule's card shows 30 and a pager with the total, its
// second page the other 10; a row marked there leaves the page and the totals.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep the screenshots.

import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Core, type Session } from '../../src-main/core/core';
import { VILLAGE } from '../../src-main/core/testing/fixtures';
import { launchBrowser, logInIfAsked, pickDate, setLanguage, shot, startHost, tempDir, textOf, waitForCount, waitForText } from './harness';
import { DAY, localDay, manyNames, registerUnemployed } from './worklistSeed';

const CLERK = { loginName: 'wangli', displayName: '王丽', password: 'secret-123' };

/** A station set up 45 days ago, its unemployed (three, unless named) registered that day and never contacted since. */
async function seedStation(dataDir: string, names: readonly string[] = ['王大山', '李小红', '赵六']): Promise<void> {
  const then = new Date(Date.now() - 45 * DAY);
  const core = await Core.open({ dataDir, clock: () => then });
  try {
    const session: Session = { user: null };
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: CLERK });
    await core.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    await registerUnemployed(core, session, names, 101, localDay(then));
    await core.whenIndexed();
  } finally {
    await core.close();
  }
}

describe('the work list (待办), end to end', () => {
  const dataDir = tempDir('leye-worklist-e2e-');
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  const rows = () => page.getByTestId('worklist-row');
  const rowOf = (name: string) => rows().filter({ hasText: name }).first();
  const markedRows = () => page.getByTestId('worklist-marked-row');

  beforeAll(async () => {
    await seedStation(dataDir);
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 60_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `worklist-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands the clerk on 待办: the three not contacted for over 30 days, overdue, with their facts', async () => {
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
    await page.getByTestId('worklist-screen').waitFor();
    await waitForCount(rows(), 3);
    const group = page.locator('[data-testid=worklist-group][data-rule=unemployedNotContacted]');
    expect(await textOf(group.getByTestId('worklist-group-title'))).toBe('登记失业人员未联系');
    const row = await textOf(rowOf('王大山'));
    expect(row).toContain('解放桥社区居民委员会');
    expect(row).toMatch(/最近联系（或登记）：\d{4}-\d{2}-\d{2}，已 45 天/);
    expect(row).toContain('已逾期');
    expect(await rowOf('王大山').getAttribute('data-state')).toBe('overdue');
    expect(await page.getByTestId('worklist-count-overdue').getAttribute('data-count')).toBe('3');
    expect(await page.getByTestId('nav-worklist').getAttribute('data-count')).toBe('3');
    expect(await textOf(page.getByTestId('worklist-screen'))).not.toMatch(/unemployedNotContacted|resident:|wangli/);
    await shot(page, 'worklist-01-list-zh');
  });

  it('opens a row on the person’s 服务记录, records a home visit, and the list shrinks by one', async () => {
    await rowOf('王大山').getByTestId('worklist-open').click();
    // Straight on the 服务记录 tab of the person's drawer.
    await waitForText(page.locator('.ant-drawer-title'), '王大山');
    await page.getByTestId('services-panel').waitFor();
    await page.getByTestId('service-new').click();
    await page.getByTestId('service-channel-input').click();
    await page.locator('.ant-select-item-option', { hasText: '入户走访' }).first().click();
    await page.getByTestId('service-kind-input').click();
    await page.locator('.ant-select-item-option', { hasText: '职业指导' }).first().click();
    await page.getByTestId('service-content-input').fill('入户了解求职意向');
    await page.getByTestId('service-save').click();
    await waitForText(page.getByTestId('timeline-entry').first(), '入户走访');
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-worklist').click();
    await waitForCount(rows(), 2);
    expect(await rows().filter({ hasText: '王大山' }).count()).toBe(0);
    expect(await page.getByTestId('worklist-count-overdue').getAttribute('data-count')).toBe('2');
  });

  it('refuses a snooze without a day on its field, then snoozes with a reason: the row moves to the marked section', async () => {
    await rowOf('李小红').getByTestId('worklist-snooze').click();
    await page.getByTestId('mark-reason-input').fill('本人外出务工，春节后回村');
    await page.getByTestId('mark-save').click();
    await waitForText(page.getByTestId('error-mark-until'), '暂缓至为必填项');
    await page.waitForTimeout(500); // the dialog's and the message's animations, for the screenshot
    await shot(page, 'worklist-02-snooze-error-zh');
    const until = localDay(new Date(Date.now() + 20 * DAY));
    await pickDate(page, 'mark-until-input', until);
    await page.getByTestId('mark-save').click();
    await page.getByTestId('mark-save').waitFor({ state: 'detached' });
    await waitForCount(rows(), 1);
    expect(await textOf(page.getByTestId('worklist-marked-toggle'))).toBe('已暂缓/不适用（1）');
    await page.getByTestId('worklist-marked-toggle').click();
    await waitForCount(markedRows(), 1);
    const marked = await textOf(markedRows().first());
    for (const words of ['李小红', `暂缓至 ${until}`, '原因：本人外出务工，春节后回村', '王丽']) expect(marked).toContain(words);
    expect(marked).not.toContain('wangli');
    await shot(page, 'worklist-03-marked-zh');
  });

  it('reads the same in English, its snooze dialog too', async () => {
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('worklist-group-title').first(), 'Registered unemployed not contacted');
    const text = await textOf(page.getByTestId('worklist-screen'));
    for (const words of ['Overdue', 'Last contact (or registration)', 'Snoozed until', 'Reason: 本人外出务工', 'Marked by 王丽']) expect(text).toContain(words);
    expect(text).not.toMatch(/unemployedNotContacted|resident:|wangli|worklistScreen\./);
    await shot(page, 'worklist-04-list-en');
    await rowOf('赵六').getByTestId('worklist-snooze').click();
    await page.getByTestId('mark-save').click();
    await waitForText(page.getByTestId('error-mark-until'), 'Snooze until');
    await page.waitForTimeout(500);
    await shot(page, 'worklist-05-snooze-error-en');
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('mark-save').waitFor({ state: 'detached' });
    await setLanguage(page, '中文');
  });

  it('reopens the snoozed row with a reason: back on the list', async () => {
    await markedRows().first().getByTestId('worklist-reopen').click();
    await page.getByTestId('mark-reason-input').fill('已提前回村');
    await page.getByTestId('mark-save').click();
    await page.getByTestId('mark-save').waitFor({ state: 'detached' });
    await waitForCount(rows(), 2);
    await waitForCount(markedRows(), 0);
    expect(await page.getByTestId('nav-worklist').getAttribute('data-count')).toBe('2');
  });
});

describe('a rule longer than a page, end to end', () => {
  const dataDir = tempDir('leye-worklist-pages-e2e-');
  const names = manyNames(40);
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  const group = () => page.locator('[data-testid=worklist-group][data-rule=unemployedNotContacted]');
  const rows = () => group().getByTestId('worklist-row');
  const namesShown = async () => (await rows().getByTestId('worklist-row-name').allTextContents()).map((n) => n.trim());

  beforeAll(async () => {
    await seedStation(dataDir, names);
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 60_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `worklist-pages-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the first 30 of 40 with a pager and the total; the second page the other 10', async () => {
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
    await waitForCount(rows(), 30);
    expect(await group().getByTestId('worklist-group-total').getAttribute('data-count')).toBe('40');
    expect(await page.getByTestId('worklist-count-overdue').getAttribute('data-count')).toBe('40');
    expect(await page.getByTestId('nav-worklist').getAttribute('data-count')).toBe('40');
    expect(await textOf(group().getByTestId('worklist-pager-total'))).toBe('第 1–30 项，共 40 项');
    const first = await namesShown();
    await group().getByTestId('worklist-pager').scrollIntoViewIfNeeded();
    await shot(page, 'worklist-06-pages-zh');
    await group().locator('.ant-pagination-item-2').click();
    await waitForCount(rows(), 10);
    await waitForText(group().getByTestId('worklist-pager-total'), '第 31–40 项，共 40 项');
    await shot(page, 'worklist-06b-page-two-zh');
    const second = await namesShown();
    expect(new Set([...first, ...second])).toEqual(new Set(names));
    await setLanguage(page, 'English');
    await waitForText(group().getByTestId('worklist-pager-total'), '31–40 of 40');
    await group().getByTestId('worklist-pager').scrollIntoViewIfNeeded();
    await shot(page, 'worklist-07-pages-en');
    await setLanguage(page, '中文');
  });

  it('marks a row of the second page not applicable: it leaves the page, the totals follow', async () => {
    const name = (await namesShown())[0]!;
    await rows().first().getByTestId('worklist-not-applicable').click();
    await page.getByTestId('mark-reason-input').fill('已随子女外迁');
    await page.getByTestId('mark-save').click();
    await page.getByTestId('mark-save').waitFor({ state: 'detached' });
    await waitForCount(rows(), 9);
    expect(await namesShown()).not.toContain(name);
    await waitForText(group().getByTestId('worklist-pager-total'), '第 31–39 项，共 39 项');
    expect(await page.getByTestId('worklist-count-marked').getAttribute('data-count')).toBe('1');
    expect(await textOf(page.getByTestId('worklist-marked-toggle'))).toBe('已暂缓/不适用（1）');
  });
});
