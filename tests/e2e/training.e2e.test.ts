// The training journey in the browser preview, on the demo station: create a session whose
// timetable covers today (a wrong credit code refused on its field first), enrol 20 people by
// typed ID number (one of them unknown, registered on the way), sign all 20 in at card-reader
// speed on the classroom screen, see a person who is not enrolled refused and a repeat marked,
// and read the attendance rates: one of two half-days attended = 50 %, below the default 80 %.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { connectToUrl } from '../../src-main/host/socketClient';
import { launchBrowser, localToday, logInIfAsked, shot, startHost, tempDir, textOf, waitForCount, waitForText } from './harness';

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');


const NAMES = [
  '赵一鸣', '钱二丽', '孙三强', '李四海', '周五洋', '吴六娟', '郑七杰', '王八涛', '冯九霞', '陈十平',
  '褚文静', '卫建国', '蒋志红', '沈海燕', '韩鹏飞', '杨子涵', '朱欣怡', '秦晨阳', '尤雪琳', '许佳俊',
  '何瑞博',
];

/** 21 distinct valid ID numbers from 历下区 (370102), ages 20 to 45 this year (inside working age for both sexes). */
function idNumbers(count: number): string[] {
  const year = new Date().getFullYear();
  return Array.from({ length: count }, (_, i) => withCheck(`370102${year - 21 - ((i * 3) % 25)}${pad((i % 12) + 1)}${pad((i % 27) + 1)}${pad(100 + i, 3)}`));
}

const IDS = idNumbers(21);
/** Enrolled through the UI (the first 19 already registered, the 20th registered on the way). */
const TRAINEES = IDS.slice(0, 20);
/** Registered at the station, never enrolled: must be refused at sign-in. */
const NOT_ENROLLED = IDS[20]!;




/** A second window on the core, as the tests' Node client: for registering people in bulk. */
async function coreClient(url: string): Promise<{ leye: LeyeBridge; close(): void }> {
  const { client, close } = await connectToUrl(url);
  return { leye: client, close };
}

describe('training sessions and classroom sign-ins, end to end', () => {
  const dataDir = tempDir('leye-e2e-training-');
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

  it('sets up the demo station and logs in', async () => {
    await page.goto(host.url);
    await page.getByTestId('setup-demo').click();
    await logInIfAsked(page, { loginName: 'demo', password: 'demo1234' });
  });

  it('creates a session whose timetable covers today, refusing a wrong credit code on its field', async () => {
    const today = localToday();
    await page.getByTestId('nav-training').click();
    await page.getByTestId('session-new').click();
    await page.getByTestId('session-field-occupation').fill('养老护理员');
    await page.getByTestId('session-field-level').click();
    await page.locator('.ant-select-item-option', { hasText: '五级/初级工' }).click();
    await page.getByTestId('session-field-providerName').fill('济南市历下区职业培训学校');
    // Check character 2 instead of 3 (GB 32100).
    await page.getByTestId('session-field-providerCreditCode').fill('91350100M000100Y42');
    await page.getByTestId('session-field-teachers').click();
    await page.keyboard.type('王老师');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-field-place').fill('解放桥社区党群服务中心');
    for (const field of ['startDate', 'endDate']) {
      const input = page.getByTestId(`session-field-${field}`).locator('input');
      await input.click();
      await input.fill(today);
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('session-field-plannedTrainees').fill('30');
    await page.getByTestId('timetable-generate').click();
    await waitForCount(page.getByTestId('timetable-row'), 2);
    expect(await page.getByTestId('timetable-0-start').inputValue()).toBe('08:30');
    expect(await page.getByTestId('timetable-1-end').inputValue()).toBe('17:00');
    // Spread today's two halves over the whole day so that signing in now is inside a class.
    await page.getByTestId('timetable-0-start').fill('0000');
    await page.getByTestId('timetable-0-end').fill('12:00');
    await page.getByTestId('timetable-1-start').fill('12:00');
    await page.getByTestId('timetable-1-end').fill('23:59');
    await page.getByTestId('session-save').click();
    await waitForText(page.getByTestId('session-error-providerCreditCode'), '统一社会信用代码不正确');
    expect(await page.getByTestId('timetable-0-start').inputValue()).toBe('00:00');

    await page.getByTestId('session-field-providerCreditCode').fill('91350100M000100Y43');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-screen').waitFor();
    expect(await textOf(page.getByTestId('session-title'))).toBe('养老护理员');

    await page.getByTestId('session-back').click();
    await waitForCount(page.getByTestId('session-row'), 1);
    const row = await textOf(page.getByTestId('session-row'));
    expect(row).toContain('五级/初级工');
    expect(row).toContain('0 / 30');
    await page.getByTestId('session-row').click();
    await page.getByTestId('session-screen').waitFor();
  });

  it('enrols 20 people by typed ID number, registering the one the station does not know', async () => {
    // 19 of them (and one who will not enrol) are already registered at the station.
    const core = await coreClient(host.url);
    try {
      await core.leye.call('auth.login', { loginName: 'demo', password: 'demo1234' });
      for (const [i, idNumber] of [...IDS.slice(0, 19), NOT_ENROLLED].entries()) {
        const name = i === 19 ? NAMES[20]! : NAMES[i]!;
        await core.leye.call('residents.register', {
          idNumber,
          name,
          phone: `1390000${pad(i, 4)}`,
          householdType: 'agricultural',
          address: `解放桥社区 ${i + 1} 号`,
          education: 'juniorHigh',
          targetGroups: ['migrantWorker'],
          registration: { kind: 'jobSeeking', date: localToday() },
        });
      }
    } finally {
      core.close();
    }

    const idField = page.getByTestId('enrol-idnumber');
    for (const [i, idNumber] of TRAINEES.slice(0, 19).entries()) {
      await idField.fill(idNumber);
      await idField.press('Enter');
      await waitForCount(page.getByTestId('trainee-row'), i + 1);
    }

    // The 20th is new to the station: the core says so and the compact registration opens.
    await idField.fill(TRAINEES[19]!);
    await page.getByTestId('enrol-submit').click();
    const form = page.getByTestId('enrol-register-form');
    await form.waitFor();
    await form.getByTestId('register-field-name').fill(NAMES[19]!);
    await form.getByTestId('register-field-phone').fill('13700001234');
    await form.getByTestId('register-field-householdType').getByText('农业', { exact: true }).click();
    await form.getByTestId('register-field-education').click();
    await page.locator('.ant-select-item-option', { hasText: '高中' }).click();
    await form.getByTestId('register-field-address').fill('解放桥社区 20 号');
    await page.getByTestId('enrol-register-submit').click();
    await form.waitFor({ state: 'detached' });
    await waitForCount(page.getByTestId('trainee-row'), 20);
    await waitForText(page.getByTestId('trainee-row').last(), NAMES[19]!);

    // Enrolling someone twice is refused with a translated message.
    await idField.fill(TRAINEES[0]!);
    await idField.press('Enter');
    await waitForText(page.getByTestId('enrol-idnumber-error'), '此人已报名本期培训');
    await waitForText(page.getByTestId('session-enrolled'), '20 / 30');
  });

  it('signs in all 20 at card-reader speed, refuses a person not enrolled and marks a repeat', async () => {
    await page.getByTestId('open-sign-in').click();
    const input = page.getByTestId('signin-input');
    await input.waitFor();
    await waitForText(page.getByTestId('signin-count'), '已签到 0 / 报名 20');
    // The field has the focus by itself: the first card can be read at once.
    expect(await page.evaluate('document.activeElement?.getAttribute("data-testid")')).toBe('signin-input');

    const started = Date.now();
    let lastTyping = 0;
    for (const idNumber of TRAINEES) {
      const typing = Date.now();
      await page.keyboard.type(idNumber, { delay: 0 });
      lastTyping = Date.now() - typing;
      await page.keyboard.press('Enter');
      // The field is free again at once, whatever the core is doing.
      expect(await input.inputValue()).toBe('');
    }
    try {
      await waitForText(page.getByTestId('signin-count'), '已签到 20 / 报名 20', 20_000);
    } catch (error) {
      const rows = await page.getByTestId('signin-recent-row').allInnerTexts();
      throw new Error(`${String(error)}\ncount: ${await page.getByTestId('signin-count').innerText()}\nrecent:\n${rows.join('\n')}`);
    }
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(20_000);

    await waitForCount(page.getByTestId('signin-recent-row'), 10);
    const latest = page.getByTestId('signin-result');
    expect(await latest.getAttribute('data-tone')).toBe('ok');
    expect(await textOf(latest)).toContain(`${NAMES[19]} 签到成功`);
    // Most recent first; typed at reader speed, so recorded as read from the card (unless this
    // machine was too busy to type 18 keys within the reader's 300 ms).
    expect(await textOf(page.getByTestId('signin-recent-row').first())).toContain(NAMES[19]!);
    const method = await textOf(page.getByTestId('signin-recent-row').first().getByTestId('signin-recent-method'));
    if (lastTyping < 250) expect(method).toBe('刷身份证');
    else expect(['刷身份证', '输入身份证号']).toContain(method);

    // Registered at the station but not enrolled: refused, in red, with the reason.
    await page.keyboard.type(NOT_ENROLLED, { delay: 0 });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=signin-result][data-tone=refused]').waitFor();
    expect(await textOf(latest)).toContain('未报名本期培训');
    await waitForText(page.getByTestId('signin-count'), '已签到 20 / 报名 20');

    // Someone who already signed in, typed by hand this time: amber, nothing new written.
    await page.keyboard.type(TRAINEES[3]!, { delay: 120 });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=signin-result][data-tone=already]').waitFor();
    expect(await textOf(latest)).toContain(`${NAMES[3]} 已签到`);
    expect(await textOf(page.getByTestId('signin-recent-row').first().getByTestId('signin-recent-method'))).toBe('输入身份证号');
    await waitForText(page.getByTestId('signin-count'), '已签到 20 / 报名 20');
    await shot(page, 'training-sign-in');
  });

  it('shows each trainee at 50 % for one of two half-days, below the default 80 % threshold', async () => {
    await page.getByTestId('signin-back').click();
    await page.getByTestId('session-screen').waitFor();
    await waitForCount(page.getByTestId('rate-row'), 20);
    await page.getByTestId('threshold-default').waitFor();
    expect(await textOf(page.getByTestId('attendance-threshold'))).toContain('80%');
    const rates = await page.getByTestId('rate-value').allInnerTexts();
    expect(rates).toEqual(Array.from({ length: 20 }, () => '50%'));
    expect(await page.getByTestId('not-eligible').count()).toBe(20);
    // The session covers today: below the threshold is not yet final (issue 14 item 12).
    expect(await textOf(page.getByTestId('not-eligible').first())).toBe('尚未达到（培训未结束）');
    expect(await textOf(page.getByTestId('session-rate'))).toContain('50%');
    expect(await textOf(page.getByTestId('eligible-count'))).toContain('0 / 20');
    const first = await textOf(page.getByTestId('rate-row').first());
    expect(first).toContain('3 / 6');
    await shot(page, 'training-rates');
  });
});
