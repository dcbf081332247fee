// Service records (服务记录) in the browser preview: a clerk opens a registered resident, records a
// home visit, a job referral (its employer's credit code checked on the field) and later its
// result (录用), corrects the visit (the first entry stays, marked superseded), and reads the one
// timeline in Chinese and in English. Screenshots at 1366×768 in both languages.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep the screenshots.

import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { launchBrowser, registerAtForm, setUpStation, shot, startHost, tempDir, textOf, waitForCount, waitForText, setLanguage } from './harness';

const CLERK = { loginName: 'wangli', displayName: '王丽', password: 'secret-123' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const PERSON = { name: '王大山', id: (() => { const f = '37010219720315003'; return f + idNumberCheckChar(f); })(), phone: '13800138001' };

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

describe('service records, end to end', () => {
  const dataDir = tempDir('leye-services-e2e-');
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  const entries = () => page.getByTestId('timeline-entry');

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `services-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens a resident's service records: the registration is on the timeline", async () => {
    await page.goto(host.url);
    await setUpStation(page, VILLAGE_PATH, CLERK);
    await registerAtForm(page, PERSON);
    await page.getByTestId('nav-residents').click();
    await page.getByTestId('resident-row').first().click();
    await waitForText(page.getByTestId('detail-name'), PERSON.name);
    await page.getByTestId('tab-services').click();
    await waitForCount(entries(), 1);
    expect(await textOf(entries().first())).toContain('登记：求职登记');
    expect(await textOf(entries().first())).toContain('经办：王丽');
  });

  it('records a home visit, refusing an empty content on its field first', async () => {
    await page.getByTestId('service-new').click();
    await choose(page, 'service-channel-input', '入户走访');
    await choose(page, 'service-kind-input', '职业指导');
    await page.getByTestId('service-save').click();
    await waitForText(page.getByTestId('error-service-content'), '服务内容为必填项');
    await page.getByTestId('service-content-input').fill('入户了解求职意向，建议参加电工培训');
    await page.getByTestId('service-outcome-input').fill('愿意报名');
    await page.getByTestId('service-save').click();
    await waitForCount(entries(), 2);
    const visit = entries().first();
    expect(await textOf(visit)).toContain('职业指导 · 入户走访');
    expect(await textOf(visit)).toContain('结果：愿意报名');
  });

  it('records a referral, its employer credit code checked, then its result as a follow-up', async () => {
    await page.getByTestId('service-new').click();
    await choose(page, 'service-channel-input', '到站');
    await choose(page, 'service-kind-input', '岗位推荐');
    await page.getByTestId('service-referral').waitFor();
    await page.getByTestId('service-employerName-input').fill('历下物业服务有限公司');
    await page.getByTestId('service-employerCreditCode-input').fill('91350100M000100Y44');
    await page.getByTestId('service-job-input').fill('电工');
    await page.getByTestId('service-pay-input').fill('月薪 4000 元');
    await page.getByTestId('service-content-input').fill('推荐到物业公司面试');
    await page.getByTestId('service-save').click();
    await waitForText(page.getByTestId('error-service-employerCreditCode'), '统一社会信用代码不正确');
    await page.getByTestId('service-employerCreditCode-input').fill('91350100M000100Y43');
    await shot(page, 'services-01-referral-form-zh');
    await page.getByTestId('service-save').click();
    await waitForCount(entries(), 3);
    const referral = entries().first();
    expect(await textOf(referral)).toContain('历下物业服务有限公司 · 电工');
    expect(await textOf(referral)).toContain('待记录结果');

    await referral.getByTestId('service-record-result').click();
    await page.getByTestId('result-result-input').getByText('录用', { exact: true }).click();
    await page.getByTestId('result-note-input').fill('下月 1 日上岗');
    await page.getByTestId('result-save').click();
    await waitForText(entries().first().getByTestId('timeline-result'), '推荐结果：录用');
    // Folded into the referral: no entry of its own, and no result to record any more.
    await waitForCount(entries(), 3);
    expect(await entries().first().getByTestId('service-record-result').count()).toBe(0);
  });

  it('corrects the visit: a new entry, the first one kept and marked superseded', async () => {
    const visit = entries().filter({ hasText: '入户走访' }).first();
    await visit.getByTestId('service-correct').click();
    await page.getByTestId('service-content-input').fill('入户了解求职意向，已报名电工培训');
    await page.getByTestId('service-save').click();
    await waitForCount(entries(), 4);
    await waitForCount(page.locator('[data-testid=timeline-entry][data-superseded=true]'), 1);
    expect(await textOf(page.locator('[data-testid=timeline-entry][data-superseded=true]'))).toContain('已更正');
    expect(await textOf(entries().filter({ hasText: '已报名电工培训' }))).toContain('更正');
    await shot(page, 'services-02-timeline-zh');
  });

  it('shows the same timeline in English', async () => {
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('tab-services'), 'Services');
    const text = await textOf(page.getByTestId('timeline'));
    for (const words of ['Career guidance · Home visit', 'Job referral · At the station', 'Referral result: Hired', 'Corrected', 'Registered: Job seeking', 'By 王丽']) expect(text).toContain(words);
    expect(text).not.toMatch(/service:|resident:|jobReferral|homeVisit/);
    await shot(page, 'services-03-timeline-en');
    await page.getByTestId('service-new').click();
    await choose(page, 'service-kind-input', 'Job referral');
    await page.getByTestId('service-referral').waitFor();
    await shot(page, 'services-04-referral-form-en');
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('service-save').waitFor({ state: 'detached' });
    await setLanguage(page, '中文');
  });

  it('after the registration is closed, allows only a follow-up (回访) and says so on the field', async () => {
    await page.getByTestId('detail-close').click();
    await choose(page, 'close-reason', '已就业');
    await page.getByTestId('close-confirm').click();
    await page.getByTestId('detail-reopen').waitFor();
    // The closure and the employment status it wrote in the same write (单位就业 from the closure date).
    await waitForText(entries(), '注销登记：已就业');
    await waitForText(entries(), '就业状况：单位就业');
    await page.getByTestId('service-new').click();
    await page.getByTestId('service-closed-hint').waitFor();
    await choose(page, 'service-channel-input', '电话');
    // 回访 is chosen already (the one kind allowed); another kind is refused on the field.
    await choose(page, 'service-kind-input', '援助：急难救助');
    await page.getByTestId('service-content-input').fill('电话回访就业情况');
    await page.getByTestId('service-save').click();
    await waitForText(page.getByTestId('error-service-kind'), '此人的登记已注销，服务类别只能选"回访"');
    // Every select's menu closed (two may still be sliding away at once).
    await waitForCount(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'), 0);
    await shot(page, 'services-05-closed-zh');
    await choose(page, 'service-kind-input', '回访');
    await page.getByTestId('service-save').click();
    await waitForText(entries().first(), '回访 · 电话');
  });
});
