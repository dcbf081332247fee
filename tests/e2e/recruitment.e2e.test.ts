// Recruitment, end to end: a post's opening (岗位公告) and two applications recorded ten days ago
// (seeded through the core on a clock set back, as if the station had been in use since), the
// candidate chosen and the 拟安置人员公示 printed that day, its 3-day period long over. The clerk
// opens the post, its opening, records a third application (refused by the eligibility rules,
// the reasons shown in both languages), prints the notice and the 公示 (PDF text checked, PNGs
// made), finds the ended 公示 in 待办 and opens the opening from it, records and decides an
// objection, and places the candidate on the post straight from the 公示 (the assign card opens
// with them chosen, no search), after which 待办 is empty. Screens at 1366×768 in both languages.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep the screenshots, LEYE_PRINT_OUT=/some/dir the PDFs and PNGs.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Core, type Session } from '../../src-main/core/core';
import { CLEANING_POST, idNumber, registration, VILLAGE, villagePost } from '../../src-main/core/testing/fixtures';
import { launchBrowser, logInIfAsked, setLanguage, shot, startHost, tempDir, textOf, waitForText } from './harness';
import { DAY, localDay } from './worklistSeed';

const CLERK = { loginName: 'wangli', displayName: '王丽', password: 'secret-123' };
const OUT = process.env.LEYE_PRINT_OUT ?? tempDir('leye-recruit-print-');
const POST_ID = villagePost('XC-001');

const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};

interface Seeded {
  openingId: string;
  publicityId: string;
  noticeFrom: string;
  noticeTo: string;
}

/** Ten days ago: the post, three people, the opening, two applications and the 公示 of one candidate. */
async function seed(dataDir: string): Promise<Seeded> {
  const then = new Date(Date.now() - 10 * DAY);
  const day0 = localDay(then);
  const later = localDay(new Date(Date.now() + 20 * DAY));
  // A second passes per reading of the clock: the applications are recorded one after the other.
  let tick = 0;
  const core = await Core.open({ dataDir, clock: () => new Date(then.getTime() + 1000 * tick++) });
  try {
    const session: Session = { user: null };
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: CLERK });
    await core.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    const yearEnd = localDay(new Date(Date.now() + 300 * DAY));
    await core.call(session, 'posts.save', { ...CLEANING_POST, startDate: day0, endDate: yearEnd });
    const person = async (name: string, birth: string, seq: string) =>
      (await core.call(session, 'residents.register', registration({ idNumber: idNumber(birth, seq), name, registration: { kind: 'jobSeeking', date: day0 } }))).id;
    const a = await person('王大山', '19750301', '101');
    const b = await person('李秀英', '19780611', '202');
    await person('赵小明', '19990101', '303');
    const opening = await core.call(session, 'recruitment.save', {
      postId: POST_ID,
      places: 1,
      conditions: '本村常住人员，身体健康，能胜任村内道路和公共区域保洁工作。',
      windowFrom: day0,
      windowTo: later,
      contact: '王丽 0531-86000000',
    });
    await core.call(session, 'recruitment.apply', { openingId: opening.id, residentId: b, date: day0 });
    await core.call(session, 'recruitment.apply', { openingId: opening.id, residentId: a, date: day0 });
    const detail = await core.call(session, 'recruitment.publish', { openingId: opening.id, candidates: [a], objectionsTo: '解放路街道人社所 0531-86000001' });
    await core.whenIndexed();
    return { openingId: opening.id, publicityId: detail.publicity!.id, noticeFrom: detail.publicity!.noticeFrom, noticeTo: detail.publicity!.noticeTo };
  } finally {
    await core.close();
  }
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

/** The print route as Chromium prints it: its text (pdftotext) and PNGs (pdftoppm -r 60). */
async function render(page: Page, hash: string, name: string): Promise<{ text: string; flat: string; pngs: string[] }> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await page.waitForFunction(READY_PROBE, undefined, { timeout: 30_000 });
  const pdf = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  run('pdftoppm', ['-r', '60', '-png', pdf, path.join(OUT, name)]);
  const pngs = fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  return { text, flat: text.replace(/\s+/g, ''), pngs };
}

describe('recruitment (招聘 and 公示), end to end', () => {
  const dataDir = tempDir('leye-recruit-e2e-');
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let seeded: Seeded;
  const openingHash = () => `#/posts/${encodeURIComponent(POST_ID)}/recruitment/${encodeURIComponent(seeded.openingId)}`;

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    seeded = await seed(dataDir);
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
  }, 60_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `recruit-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the post recruiting in the posts list, and its openings on the post’s page', async () => {
    await page.evaluate(`window.location.hash = '#/posts'`);
    await waitForText(page.getByTestId('post-recruiting'), '公示期满');
    await shot(page, 'recruit-01-posts-zh');
    await page.getByTestId('post-name').first().click();
    // The card shows its openings once they are read (an empty card first).
    await waitForText(page.getByTestId('openings-card'), '公示期满');
    await shot(page, 'recruit-02-post-zh');
    await page.getByTestId('opening-new').click();
    await page.getByTestId('opening-conditions').waitFor();
    await page.getByTestId('opening-conditions').fill('本村常住人员，身体健康');
    await page.waitForTimeout(400);
    await shot(page, 'recruit-03-new-opening-zh');
    await setLanguage(page, 'English');
    await shot(page, 'recruit-03-new-opening-en');
    await page.keyboard.press('Escape');
    await shot(page, 'recruit-02-post-en');
    await setLanguage(page, '中文');
  });

  it('opens the opening: the applicants ranked, the 公示 over and ready; a new application shows why it fails, in both languages', async () => {
    await page.getByTestId('opening-open').first().click();
    await page.getByTestId('opening-screen').waitFor();
    expect(await textOf(page.getByTestId('publicity-period'))).toBe(`公示期：${seeded.noticeFrom} 至 ${seeded.noticeTo}`);
    expect(await textOf(page.getByTestId('publicity-gate'))).toContain('公示期满，无成立的异议，可以安置上岗');
    // Both 大龄; the same application day: in the order recorded.
    const names = await page.getByTestId('application-name').allInnerTexts();
    expect(names).toEqual(['李秀英', '王大山']);
    await page.getByTestId('assign-resident').click();
    await page.keyboard.type('赵小明');
    await page.locator('[data-testid=assign-option]', { hasText: '赵小明' }).click();
    await page.getByTestId('apply-submit').click();
    await waitForText(page.getByTestId('application-reasons'), '不符合');
    const reasons = await textOf(page.getByTestId('application-reasons'));
    expect(reasons).toMatch(/不属于乡村岗位的安置对象.*脱贫人口/);
    expect(reasons).not.toMatch(/errors\.|povertyAlleviated/);
    await shot(page, 'recruit-04-opening-zh');
    await setLanguage(page, 'English');
    expect(await textOf(page.getByTestId('application-reasons'))).toMatch(/Not eligible/);
    expect(await textOf(page.getByTestId('publicity-gate'))).toContain('The notice period has ended');
    await shot(page, 'recruit-04-opening-en');
    await setLanguage(page, '中文');
  });

  it('prints the 岗位招聘公告 and the 拟安置人员公示: the period’s dates, no ID number, no address', async () => {
    const notice = await render(page, `#/print/recruitNotice/${encodeURIComponent(seeded.openingId)}`, 'recruit-notice');
    expect(notice.flat).toContain('解放桥社区保洁招聘公告');
    expect(notice.flat).toContain('招聘解放桥社区保洁人员1名');
    expect(notice.flat).toContain('王丽0531-86000000');
    expect(notice.flat).toContain('脱贫人口、低收入人口、残疾人、大龄人员优先');
    const publicity = await render(page, `#/print/recruitPublicity/${encodeURIComponent(seeded.publicityId)}`, 'recruit-publicity');
    expect(publicity.flat).toContain('解放桥社区保洁拟安置人员公示');
    expect(publicity.flat).toContain(`公示期：${seeded.noticeFrom}至${seeded.noticeTo}（3天）`);
    expect(publicity.flat).toContain('王大山男');
    expect(publicity.flat).toContain('解放路街道人社所0531-86000001');
    expect(publicity.flat).not.toContain('李秀英');
    expect(publicity.text).not.toMatch(/\d{17}[\dX]/);
    expect(publicity.text).not.toContain('解放桥东街');
    expect(notice.pngs.length).toBeGreaterThan(0);
    expect(publicity.pngs.length).toBe(1);
  });

  it('lists the ended 公示 with its candidate still to place in 待办, and opens the opening from the row', async () => {
    await page.evaluate(`window.location.hash = '#/worklist'`);
    const row = page.locator('[data-testid=worklist-row][data-rule=recruitNoticeEnded]');
    await waitForText(row, CLEANING_POST.name);
    const text = await textOf(row);
    expect(text).toContain(`公示期：${seeded.noticeFrom} 至 ${seeded.noticeTo}`);
    expect(text).toContain('拟安置 1 人，尚有 1 人未安置');
    expect(text).toContain('逾期');
    expect(text).not.toMatch(/opening:|post:|recruitNoticeEnded/);
    await shot(page, 'recruit-10-worklist-zh');
    await setLanguage(page, 'English');
    await waitForText(row, '1 of 1 candidates not yet placed');
    await shot(page, 'recruit-10-worklist-en');
    await setLanguage(page, '中文');
    await row.getByTestId('worklist-open').click();
    await page.getByTestId('opening-screen').waitFor();
    expect(await page.evaluate('window.location.hash')).toBe(openingHash());
  });

  it('records an objection and decides it not upheld; then places the candidate on the post', async () => {
    await page.evaluate(`window.location.hash = ${JSON.stringify(openingHash())}`);
    await page.getByTestId('opening-screen').waitFor();
    await page.getByTestId('objection-new').click();
    await page.getByTestId('objection-by').fill('村民李某');
    await page.getByTestId('objection-content').fill('反映其已在外务工');
    await shot(page, 'recruit-05-objection-zh');
    await setLanguage(page, 'English');
    await shot(page, 'recruit-05-objection-en');
    await setLanguage(page, '中文');
    await page.getByTestId('objection-save').click();
    await waitForText(page.getByTestId('publicity-gate'), '有异议尚未处理');
    await page.getByTestId('objection-decide').click();
    await page.getByTestId('decision-reason').fill('经核实本人在村居住，反映不属实');
    await page.getByTestId('decision-save').click();
    await waitForText(page.getByTestId('publicity-gate'), '可以安置上岗');
    expect(await textOf(page.getByTestId('objection'))).toContain('异议不成立');
    await shot(page, 'recruit-06-decided-zh');
    await setLanguage(page, 'English');
    await shot(page, 'recruit-06-decided-en');
    await setLanguage(page, '中文');
    await page.getByTestId('candidate-assign').click();
    await page.getByTestId('post-detail').waitFor();
    // The assign card opens with the candidate chosen (name · sex · age · masked ID, never the id), the contract number focused.
    await page.getByTestId('assign-handed').waitFor();
    await waitForText(page.getByTestId('assign-resident'), '王大山 · 男 · ');
    const chosen = await textOf(page.getByTestId('assign-resident'));
    expect(chosen).toMatch(/^王大山 · 男 · \d+ 岁 · \d{4}\*+\d{3}[\dX]$/);
    expect(chosen).not.toContain('resident:');
    await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid') === 'assign-contract');
    await shot(page, 'recruit-11-assign-handed-zh');
    await setLanguage(page, 'English');
    await shot(page, 'recruit-11-assign-handed-en');
    await setLanguage(page, '中文');
    await page.getByTestId('assign-contract').fill('HT-2026-01');
    await page.getByTestId('assign-submit').click();
    await waitForText(page.getByTestId('holder-name'), '王大山');
    await page.evaluate(`window.location.hash = ${JSON.stringify(openingHash())}`);
    await waitForText(page.getByTestId('publicity-candidate'), '已上岗');
    // Placed: the 公示 is answered, nothing left in 待办.
    await page.evaluate(`window.location.hash = '#/worklist'`);
    await page.getByTestId('worklist-empty').waitFor();
  });

  it('opens a new opening at the form, records an application and prints the 公示 of the chosen candidate from today', async () => {
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/posts/${encodeURIComponent(POST_ID)}`)}`);
    await page.getByTestId('opening-new').click();
    await page.getByTestId('opening-places').fill('2');
    // Refused on its field: the contact is required.
    await page.getByTestId('opening-conditions').fill('本村常住人员，身体健康');
    await page.getByTestId('opening-save').click();
    await waitForText(page.locator('.ant-modal .ant-form-item-explain-error'), '必填');
    await page.getByTestId('opening-contact').fill('王丽 0531-86000000');
    await page.getByTestId('opening-save').click();
    await page.getByTestId('opening-screen').waitFor();
    await waitForText(page.getByTestId('opening-status'), '报名中');
    await page.getByTestId('assign-resident').click();
    await page.keyboard.type('李秀英');
    await page.locator('[data-testid=assign-option]', { hasText: '李秀英' }).click();
    await page.getByTestId('apply-submit').click();
    await waitForText(page.getByTestId('application-rank'), '1');
    await page.getByTestId('application-pick').check();
    await page.getByTestId('publish').click();
    const today = localDay(new Date());
    const end = localDay(new Date(Date.now() + 2 * DAY));
    await waitForText(page.locator('.ant-modal-confirm'), `${today} 至 ${end}`);
    await shot(page, 'recruit-09-publish-zh');
    await page.getByTestId('publish-confirm').click();
    await page.waitForFunction(READY_PROBE, undefined, { timeout: 30_000 });
    expect(await textOf(page.getByTestId('publicity-period'))).toBe(`公示期：${today} 至 ${end}（3 天）。`);
    expect(await page.locator('[data-print-form]').innerText()).toContain('李秀英');
  });

  it('shows the recruitment parameters in the policy editor, in both languages', async () => {
    await page.evaluate(`window.location.hash = '#/policy'`);
    const card = page.getByTestId('policy-kind-recruitment');
    await waitForText(card, '岗位招聘参数');
    expect(await textOf(card.getByTestId('policy-values'))).toBe('排序：脱贫人口 / 低收入人口 / 残疾人 / 大龄人员，再按报名日期；公示 3 天');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'recruit-07-policy-zh');
    await page.getByTestId('policy-add-recruitment').click();
    await page.getByTestId('policy-save').waitFor();
    await page.waitForTimeout(400);
    await shot(page, 'recruit-08-policy-editor-zh');
    await setLanguage(page, 'English');
    await shot(page, 'recruit-08-policy-editor-en');
    await page.keyboard.press('Escape');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'recruit-07-policy-en');
    await setLanguage(page, '中文');
  });
});
