// The monthly 考核 end to end (issue 17): a month of attendance filled (through the core host)
// and closed on the attendance screen, the 考核 screen reached from it, a holder assessed with a
// deduction in the dialog, the 扣款告知书 rendered to PDF by Chromium, read back with poppler
// (pdftotext) and turned into PNGs (pdftoppm -r 60), and the notice then shown as printed.
//
// LEYE_PRINT_OUT=/dir keeps the PDFs and PNGs; LEYE_E2E_SHOTS=/dir keeps screenshots (1366×768).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { connectToUrl } from '../../src-main/host/socketClient';
import { launchBrowser, localToday, logInIfAsked, setLanguage, shot, startHost, tempDir, waitForText } from './harness';
import { PRINT_CLERK, previousMonth, seedAttendance, setUpPrintStation, type SeededPost } from './printSeed';

const OUT = process.env.LEYE_PRINT_OUT ?? tempDir('leye-assessment-out-');
const FULL_ID = /\d{17}[\dX]/;
const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (s: string) => s.replace(/\s+/g, '');
const go = (page: Page, hash: string) => page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);

describe('the monthly 考核 and its 扣款告知书, end to end', () => {
  const dataDir = tempDir('leye-e2e-assessment-');
  const today = localToday();
  const month = previousMonth();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let core: { client: LeyeBridge; close(): void };
  let post: SeededPost;

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    host = await startHost({ dataDir });
    core = await connectToUrl(host.url);
    await setUpPrintStation(core.client);
    post = await seedAttendance(core.client, month, 3, today);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await logInIfAsked(page, PRINT_CLERK);
  }, 120_000);

  afterAll(async () => {
    core?.close();
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes the month on the attendance screen, then opens its 考核 with the default parameter', async () => {
    await go(page, `#/posts/${encodeURIComponent(post.postId)}/attendance/${month}`);
    await page.locator(`[data-testid=attendance-screen][data-month="${month}"]`).waitFor();
    expect(await page.getByTestId('open-assessment').count()).toBe(0);
    await page.getByTestId('close-month').click();
    await page.locator('[data-testid=attendance-screen][data-locked=true]').waitFor();
    await page.getByTestId('open-assessment').click();
    await page.getByTestId('assessment-screen').waitFor();
    await page.locator('[data-testid=assessment-row]').nth(2).waitFor();
    expect(squash(await page.getByTestId('assessment-policy').innerText())).toContain(squash('村考勤 30%、乡镇考核 50%、民主评议 20%'));
    const rules = await page.locator('[data-testid=assessment-rule]').allInnerTexts();
    expect(rules).toEqual(['未考核：按工时应发', '未考核：按工时应发', '未考核：按工时应发']);
    await shot(page, 'assessment-month-zh');
  });

  it('assesses a holder with a deduction in the dialog: the weighted score, the pay by the rule, the notice to print', async () => {
    const row = page.locator('[data-testid=assessment-row]').first();
    await row.getByTestId('assessment-enter').click();
    await page.getByTestId('assessment-form').waitFor();
    // 90×0.3 + 70×0.5 + 80×0.2 = 78: passed, under the full-pay mark 80: 78 / 80 of the pay.
    await page.getByTestId('assessment-score-village').fill('90');
    await page.getByTestId('assessment-score-township').fill('70');
    await page.getByTestId('assessment-score-democratic').fill('80');
    await page.getByTestId('deduction-add').click();
    await page.getByTestId('deduction-amount-0').fill('50');
    // A deduction without its reason is refused on its field, and nothing is stored.
    await page.getByTestId('assessment-save').click();
    await waitForText(page.getByTestId('error-deduction-reason-0'), '扣款原因');
    await page.getByTestId('deduction-reason-0').fill('无故缺勤一天');
    await page.getByTestId('error-deduction-reason-0').waitFor({ state: 'detached' });
    await page.getByTestId('assessment-note').click();
    await waitForText(page.getByTestId('assessment-weighted'), '78');
    await shot(page, 'assessment-dialog-zh');
    await page.getByTestId('assessment-save').click();
    await page.getByTestId('assessment-form').waitFor({ state: 'detached' });
    await waitForText(row.getByTestId('assessment-score'), '78');
    expect(await row.getAttribute('data-rule')).toBe('proportional');
    expect(await row.getByTestId('assessment-rule').innerText()).toContain('按97.5%比例发放');
    expect(await row.getByTestId('assessment-deductions').innerText()).toContain('50.00');
    expect(await row.getByTestId('assessment-notice').innerText()).toBe('待打印');
  });

  it('prints the 扣款告知书 on one A4 page: holder, post, month, the deduction, pay before and after, the rule, the signature line', async () => {
    const view = await core.client.call('assessment.month', { postId: post.postId, month });
    const row = view.rows.find((r) => r.current)!;
    await go(page, `#/print/deductionNotice/${encodeURIComponent(row.current!.id)}`);
    await page.waitForFunction(READY_PROBE, undefined, { timeout: 30_000 });
    const spilled = await page.evaluate<string[]>(`[...document.querySelectorAll('.pf-table td, .pf-table th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.innerText)`);
    expect(spilled).toEqual([]);
    const pdf = path.join(OUT, 'deduction-notice-zh.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1])).toBe(1);
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']));
    run('pdftoppm', ['-r', '60', '-png', pdf, path.join(OUT, 'deduction-notice-zh')]);
    const [y, m] = month.split('-');
    for (const text of ['公益性岗位补贴扣款告知书', row.name, '解放桥社区环境卫生保洁及绿化管护', `${y}年${m}月`, '无故缺勤一天', '50.00', '扣款合计', row.pay.payDue.toFixed(2), row.pay.payable.toFixed(2), '按97.5%比例发放', '岗位人员签字：', '日期：', '第1页共1页']) {
      expect(flat).toContain(squash(text));
    }
    expect(row.pay.payable).toBeCloseTo(row.pay.payDue - 50, 2);
    expect(flat).not.toMatch(FULL_ID);
    expect(flat).not.toContain(PRINT_CLERK.loginName);
    // The print is recorded: the payroll can read it.
    const after = await core.client.call('assessment.month', { postId: post.postId, month });
    expect(after.rows.find((r) => r.current)!.notice).toBe('printed');
  });

  it('shows the notice printed, in both languages', async () => {
    await go(page, `#/posts/${encodeURIComponent(post.postId)}/assessment/${month}`);
    await page.getByTestId('assessment-screen').waitFor();
    await waitForText(page.getByTestId('assessment-notice').first(), '已打印');
    await shot(page, 'assessment-printed-zh');
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('assessment-notice').first(), 'Printed');
    expect(await page.locator('[data-testid=assessment-rule]').first().innerText()).toContain('97.5% of the pay');
    await shot(page, 'assessment-printed-en');
    await page.locator('[data-testid=assessment-row]').first().getByTestId('assessment-enter').click();
    await page.getByTestId('assessment-form').waitFor();
    await page.waitForTimeout(400); // the modal's fade-in
    await shot(page, 'assessment-dialog-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('assessment-form').waitFor({ state: 'detached' });
  });

  it('edits the 考核 parameter in the policy editor, refusing weights that do not total 100 on the field', async () => {
    await go(page, '#/policy');
    await page.getByTestId('policy-add-assessment').click();
    await page.getByTestId('policy-form').waitFor();
    await page.getByTestId('policy-field-values-items-0-weight').fill('40');
    await waitForText(page.getByTestId('assessment-policy-weights'), '110');
    await page.getByTestId('policy-save').click();
    await waitForText(page.getByTestId('error-values.items'), 'total 100 (they total 110)');
    expect(await page.getByTestId('error-values.items').count()).toBe(1);
    await page.getByTestId('error-values.items').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400); // the help text's fade-in
    await shot(page, 'assessment-policy-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('policy-form').waitFor({ state: 'detached' });
    await setLanguage(page, '中文');
    await page.getByTestId('policy-add-assessment').click();
    await page.getByTestId('policy-field-values-passMark').fill('90');
    await page.getByTestId('policy-save').click();
    await waitForText(page.getByTestId('error-values.fullPayMark'), '全额发放分数线不能低于合格分数线');
    await page.waitForTimeout(400);
    await shot(page, 'assessment-policy-zh');
    await page.keyboard.press('Escape');
  });
});
